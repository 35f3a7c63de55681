// Flags and ACL categories shared by COMMAND and its subcommands (Redis 7.0 COMMAND INFO command).
import { NO_KEYS } from '../command-spec.js';

export const COMMAND_BASE = {
  flags: ['loading', 'stale'],
  categories: ['slow', 'connection'],
  keys: NO_KEYS,
} as const;
