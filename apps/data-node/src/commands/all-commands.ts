// Every command family the data-node serves. Each family's index.ts lists its specs.
import type { CommandSpec } from './command-spec.js';
import { clusterCommands } from './cluster/index.js';
import { connectionCommands } from './connection/index.js';
import { hashCommands } from './hashes/index.js';
import { keyCommands } from './keys/index.js';
import { listCommands } from './lists/index.js';
import { pubsubCommands } from './pubsub/index.js';
import { serverCommands } from './server/index.js';
import { setCommands } from './sets/index.js';
import { stringCommands } from './strings/index.js';
import { transactionCommands } from './transactions/index.js';
import { zsetCommands } from './zsets/index.js';

export const ALL_COMMANDS: readonly CommandSpec[] = [
  ...connectionCommands,
  ...serverCommands,
  ...stringCommands,
  ...transactionCommands,
  ...pubsubCommands,
  ...listCommands,
  ...zsetCommands,
  ...keyCommands,
  ...hashCommands,
  ...setCommands,
  ...clusterCommands,
];
