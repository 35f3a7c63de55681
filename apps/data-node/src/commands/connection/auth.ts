// AUTH [username] password: authenticates the connection (redis src/acl.c authCommand). The one-argument
// form needs requirepass to be set; the password arguments never reach SLOWLOG.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import { authenticate, DEFAULT_USER } from './authenticate.js';
import { redactArgument } from './redact-argument.js';

export const auth = {
  name: 'auth',
  arity: -2,
  flags: ['noscript', 'loading', 'stale', 'fast', 'no_auth', 'allow_busy'],
  categories: ['fast', 'connection'],
  keys: NO_KEYS,
  docs: {
    summary: 'Authenticates the connection.',
    since: '1.0.0',
    group: 'connection',
    complexity: 'O(N) where N is the number of passwords defined for the user',
  },
  handler(ctx) {
    if (ctx.argc > 3) {
      ctx.error(Err.syntax);
      return;
    }
    const user = ctx.argc === 3 ? ctx.arg(1) : DEFAULT_USER;
    const password = ctx.arg(ctx.argc - 1);
    redactArgument(ctx, 1);
    redactArgument(ctx, 2);
    if (ctx.argc === 2 && ctx.server.config.get('requirepass') === '') {
      ctx.error(Err.authWithoutPassword);
      return;
    }
    if (authenticate(ctx, user, password)) ctx.reply.simple('OK');
  },
} satisfies CommandSpec;
