// CLIENT SETNAME name: names the connection (an empty name removes it); no spaces or special characters,
// so CLIENT LIST stays parseable.
import type { CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import { CLIENT_BASE } from './client-base.js';
import { isValidClientAttribute } from './client-name.js';

export const clientSetname = {
  ...CLIENT_BASE,
  name: 'setname',
  arity: 3,
  docs: { summary: 'Sets the connection name.', since: '2.6.9', group: 'connection', complexity: 'O(1)' },
  handler(ctx) {
    const name = ctx.arg(2);
    if (!isValidClientAttribute(name)) {
      ctx.error(Err.invalidClientName);
      return;
    }
    ctx.client.name = name;
    ctx.reply.simple('OK');
  },
} satisfies CommandSpec;
