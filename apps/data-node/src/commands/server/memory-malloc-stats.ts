// MEMORY MALLOC-STATS: the allocator's own statistics. The data-node's allocator is V8, so this prints V8's
// heap statistics and heap spaces (Redis prints jemalloc's report).
import { getHeapSpaceStatistics, getHeapStatistics } from 'node:v8';
import { NO_KEYS, type CommandSpec } from '../command-spec.js';

export const memoryMallocStats = {
  name: 'malloc-stats',
  arity: 2,
  flags: [],
  categories: ['slow'],
  keys: NO_KEYS,
  docs: {
    summary: 'Returns the allocator statistics.',
    since: '4.0.0',
    group: 'server',
    complexity: 'Depends on how much memory is allocated, could be slow',
  },
  handler(ctx) {
    let text = '___ Begin V8 heap statistics ___\n';
    for (const [name, value] of Object.entries(getHeapStatistics())) text += `${name}: ${value}\n`;
    for (const space of getHeapSpaceStatistics()) {
      text +=
        `space ${space.space_name}: size=${space.space_size} used=${space.space_used_size} ` +
        `available=${space.space_available_size} physical=${space.physical_space_size}\n`;
    }
    text += '--- End V8 heap statistics ---\n';
    ctx.reply.verbatim(text);
  },
} satisfies CommandSpec;
