// Connection commands: handshake, authentication, database selection, RESET and CLIENT.
import type { CommandSpec } from '../command-spec.js';
import { auth } from './auth.js';
import { client } from './client.js';
import { echo } from './echo.js';
import { hello } from './hello.js';
import { ping } from './ping.js';
import { quit } from './quit.js';
import { reset } from './reset.js';
import { select } from './select.js';

export const connectionCommands: readonly CommandSpec[] = [
  ping,
  echo,
  quit,
  hello,
  auth,
  select,
  reset,
  client,
];
