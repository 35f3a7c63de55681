// String commands.
import type { CommandSpec } from '../command-spec.js';
import { get } from './get.js';
import { set } from './set.js';

export const stringCommands: readonly CommandSpec[] = [get, set];
