// Connection commands.
import type { CommandSpec } from '../command-spec.js';
import { echo } from './echo.js';
import { ping } from './ping.js';
import { quit } from './quit.js';

export const connectionCommands: readonly CommandSpec[] = [ping, echo, quit];
