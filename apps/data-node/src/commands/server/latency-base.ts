// Flags and ACL categories of the LATENCY subcommands (Redis 7.0 COMMAND INFO latency).
import { NO_KEYS } from '../command-spec.js';

export const LATENCY_ADMIN = {
  flags: ['admin', 'noscript', 'loading', 'stale'],
  categories: ['admin', 'slow', 'dangerous'],
  keys: NO_KEYS,
} as const;
