// CONFIG SET name value [name value ...]: changes directives at run time, all or nothing (ConfigStore.setMany
// checks every pair before storing any), with Redis's error texts. Secret values never reach SLOWLOG.
import type { CommandSpec } from '../command-spec.js';
import { findDirective } from '../../config/config-schema.js';
import { ConfigError, ConfigErrorCode } from '../../config/config-store.js';
import { redactArgument } from '../connection/redact-argument.js';
import { Err } from '../reply-errors.js';
import { CONFIG_ADMIN } from './config-base.js';

export const configSet = {
  ...CONFIG_ADMIN,
  name: 'set',
  arity: -4,
  docs: {
    summary: 'Sets configuration parameters in-flight.',
    since: '2.0.0',
    group: 'server',
    complexity: 'O(N) when N is the number of configuration parameters provided',
  },
  handler(ctx) {
    if (ctx.argc % 2 !== 0) {
      ctx.error(Err.syntax);
      return;
    }
    const pairs: [string, string][] = [];
    for (let i = 2; i < ctx.argc; i += 2) {
      pairs.push([ctx.arg(i), ctx.arg(i + 1)]);
      if (findDirective(ctx.arg(i))?.sensitive) redactArgument(ctx, i + 1);
    }
    try {
      ctx.server.config.setMany(pairs);
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      if (err.code === ConfigErrorCode.unknown) ctx.error(`ERR ${err.message}`);
      else ctx.error(Err.configSetFailed(err.directive ?? '', err.message));
      return;
    }
    ctx.reply.simple('OK');
  },
} satisfies CommandSpec;
