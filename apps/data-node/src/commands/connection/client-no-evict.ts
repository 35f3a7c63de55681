// CLIENT NO-EVICT ON|OFF: exempts the connection from client eviction (recorded; the data-node does not
// evict clients for memory yet).
import type { CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import { CLIENT_ADMIN } from './client-base.js';

export const clientNoEvict = {
  ...CLIENT_ADMIN,
  name: 'no-evict',
  arity: 3,
  docs: {
    summary: 'Sets the client eviction mode of the connection.',
    since: '7.0.0',
    group: 'connection',
    complexity: 'O(1)',
  },
  handler(ctx) {
    const mode = ctx.option(2);
    if (mode !== 'ON' && mode !== 'OFF') {
      ctx.error(Err.syntax);
      return;
    }
    ctx.client.noEvict = mode === 'ON';
    ctx.reply.simple('OK');
  },
} satisfies CommandSpec;
