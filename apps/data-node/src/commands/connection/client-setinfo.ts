// CLIENT SETINFO LIB-NAME|LIB-VER value (Redis 7.2, sent by node-redis and ioredis on connect): records the
// client library shown in CLIENT LIST. Same character rule as client names.
import type { CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import { CLIENT_BASE } from './client-base.js';
import { isValidClientAttribute } from './client-name.js';

export const clientSetinfo = {
  ...CLIENT_BASE,
  name: 'setinfo',
  arity: 4,
  docs: {
    summary: 'Sets information specific to the client or connection.',
    since: '7.2.0',
    group: 'connection',
    complexity: 'O(1)',
  },
  handler(ctx) {
    const attribute = ctx.arg(2);
    const option = attribute.toLowerCase();
    if (option !== 'lib-name' && option !== 'lib-ver') {
      ctx.error(Err.unrecognizedOption(attribute));
      return;
    }
    const value = ctx.arg(3);
    if (!isValidClientAttribute(value)) {
      ctx.error(Err.invalidClientAttribute(attribute));
      return;
    }
    if (option === 'lib-name') ctx.client.libName = value;
    else ctx.client.libVersion = value;
    ctx.reply.simple('OK');
  },
} satisfies CommandSpec;
