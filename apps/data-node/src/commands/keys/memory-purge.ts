// MEMORY PURGE: asks the allocator to return free pages to the OS (jemalloc in Redis). V8 owns the heap
// here and offers no such call outside `--expose-gc`, so it only answers OK, as redis-server does.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';

export const memoryPurge = {
  name: 'purge',
  arity: 2,
  flags: [],
  categories: ['slow'],
  keys: NO_KEYS,
  docs: {
    summary: 'Ask the allocator to release memory',
    since: '4.0.0',
    group: 'server',
    complexity: 'Depends on how much memory is allocated, could be slow',
  },
  handler(ctx) {
    ctx.reply.simple('OK');
  },
} satisfies CommandSpec;
