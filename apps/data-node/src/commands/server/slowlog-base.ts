// Flags and ACL categories of the SLOWLOG subcommands (Redis 7.0 COMMAND INFO slowlog).
import { NO_KEYS } from '../command-spec.js';

export const SLOWLOG_ADMIN = {
  flags: ['admin', 'loading', 'stale'],
  categories: ['admin', 'slow', 'dangerous'],
  keys: NO_KEYS,
} as const;
