// Transaction commands.
import type { CommandSpec } from '../command-spec.js';
import { discard } from './discard.js';
import { exec } from './exec.js';
import { multi } from './multi.js';
import { unwatch } from './unwatch.js';
import { watch } from './watch.js';

export const transactionCommands: readonly CommandSpec[] = [multi, exec, discard, watch, unwatch];
