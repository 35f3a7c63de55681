// CLIENT ID: the connection's unique, never reused id.
import type { CommandSpec } from '../command-spec.js';
import { CLIENT_BASE } from './client-base.js';

export const clientId = {
  ...CLIENT_BASE,
  name: 'id',
  arity: 2,
  docs: {
    summary: 'Returns the unique client ID of the connection.',
    since: '5.0.0',
    group: 'connection',
    complexity: 'O(1)',
  },
  handler(ctx) {
    ctx.reply.integer(ctx.client.id);
  },
} satisfies CommandSpec;
