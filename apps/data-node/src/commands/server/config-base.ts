// Flags and ACL categories of the CONFIG subcommands (Redis 7.0 COMMAND INFO config).
import { NO_KEYS } from '../command-spec.js';

export const CONFIG_ADMIN = {
  flags: ['admin', 'noscript', 'loading', 'stale'],
  categories: ['admin', 'slow', 'dangerous'],
  keys: NO_KEYS,
} as const;
