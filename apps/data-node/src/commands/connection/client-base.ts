// Flags and ACL categories shared by the CLIENT subcommands, as Redis 7.0's COMMAND INFO lists them.
import { NO_KEYS } from '../command-spec.js';

/** CLIENT ID, GETNAME, SETNAME, SETINFO, INFO, REPLY. */
export const CLIENT_BASE = {
  flags: ['noscript', 'loading', 'stale'],
  categories: ['slow', 'connection'],
  keys: NO_KEYS,
} as const;

/** CLIENT LIST, KILL, NO-EVICT, UNBLOCK: administrative. */
export const CLIENT_ADMIN = {
  flags: ['admin', 'noscript', 'loading', 'stale'],
  categories: ['admin', 'slow', 'dangerous', 'connection'],
  keys: NO_KEYS,
} as const;
