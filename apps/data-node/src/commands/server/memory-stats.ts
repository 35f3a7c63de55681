// MEMORY STATS: the memory model of memory-report.ts as Redis's map of `name -> number` (ratios and
// percentages as doubles). Served by the MEMORY container of the keys family.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { memoryReport } from './memory-report.js';

export const memoryStats = {
  name: 'stats',
  arity: 2,
  flags: [],
  categories: ['slow'],
  keys: NO_KEYS,
  docs: {
    summary: 'Returns details about memory usage.',
    since: '4.0.0',
    group: 'server',
    complexity: 'O(1)',
  },
  handler(ctx) {
    const memory = memoryReport(ctx.server);
    const keys = ctx.db.size;
    const integers: [string, number][] = [
      ['peak.allocated', memory.peak],
      ['total.allocated', memory.used],
      ['startup.allocated', memory.startup],
      ['replication.backlog', 0],
      ['clients.slaves', 0],
      ['clients.normal', memory.clients],
      ['cluster.links', 0],
      ['aof.buffer', 0],
      ['overhead.total', memory.overhead],
      ['keys.count', keys],
      ['keys.bytes-per-key', keys === 0 ? 0 : Math.floor((memory.used - memory.startup) / keys)],
      ['dataset.bytes', memory.dataset],
    ];
    const doubles: [string, number][] = [
      [
        'dataset.percentage',
        memory.used === memory.startup ? 0 : (memory.dataset * 100) / (memory.used - memory.startup),
      ],
      ['peak.percentage', (memory.used * 100) / memory.peak],
      ['fragmentation', memory.rss / memory.used],
    ];
    const w = ctx.reply;
    w.mapHeader(integers.length + doubles.length + 1);
    for (const [name, value] of integers) {
      w.bulk(name);
      w.integer(value);
    }
    for (const [name, value] of doubles) {
      w.bulk(name);
      w.double(value);
    }
    w.bulk('fragmentation.bytes');
    w.integer(memory.rss - memory.used);
  },
} satisfies CommandSpec;
