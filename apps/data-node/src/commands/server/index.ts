// Server administration commands: INFO, COMMAND, CONFIG, SLOWLOG, LATENCY, DEBUG, SHUTDOWN, TIME, the
// replication commands (ROLE, WAIT, REPLICAOF/SLAVEOF) and the persistence commands (refused until
// persistence exists). MEMORY STATS/DOCTOR/MALLOC-STATS are
// exported separately for the MEMORY container of the keys family (which owns MEMORY USAGE).
import type { CommandSpec } from '../command-spec.js';
import { bgsave } from './bgsave.js';
import { command } from './command.js';
import { config } from './config.js';
import { debug } from './debug.js';
import { info } from './info.js';
import { lastsave } from './lastsave.js';
import { latency } from './latency.js';
import { memoryDoctor } from './memory-doctor.js';
import { memoryMallocStats } from './memory-malloc-stats.js';
import { memoryStats } from './memory-stats.js';
import { replicaofCommand, slaveofCommand } from './replicaof.js';
import { role } from './role.js';
import { save } from './save.js';
import { shutdown } from './shutdown.js';
import { slowlog } from './slowlog.js';
import { time } from './time.js';
import { wait } from './wait.js';

export const serverCommands: readonly CommandSpec[] = [
  info,
  command,
  config,
  slowlog,
  latency,
  debug,
  shutdown,
  time,
  lastsave,
  role,
  save,
  bgsave,
  wait,
  replicaofCommand,
  slaveofCommand,
];

/** Subcommands of MEMORY served by this family; the MEMORY container (commands/keys/memory.ts) lists them. */
export const memoryServerSubcommands: readonly CommandSpec[] = [memoryStats, memoryDoctor, memoryMallocStats];
