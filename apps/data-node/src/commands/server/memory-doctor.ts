// MEMORY DOCTOR: a short human-readable diagnosis of the memory model (memory-report.ts), opening like
// Redis's report: too little data to judge, no issue, or the issues found with advice.
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { bytesToHuman, memoryReport } from './memory-report.js';

/** Below this much data Redis refuses to diagnose (its threshold: 5 MB). */
const TOO_SMALL = 5 * 1024 * 1024;

const EMPTY =
  "Hi Sam, this instance is empty or is using very little memory, my issues detector can't be used in these " +
  'conditions. Please, leave for your mission on Earth and fill it with some data. The new Sam and I will be ' +
  'back to our programming as soon as I finished rebooting.';

export const memoryDoctor = {
  name: 'doctor',
  arity: 2,
  flags: [],
  categories: ['slow'],
  keys: NO_KEYS,
  docs: { summary: 'Outputs a memory problems report.', since: '4.0.0', group: 'server', complexity: 'O(1)' },
  handler(ctx) {
    const memory = memoryReport(ctx.server);
    if (memory.dataset < TOO_SMALL) {
      ctx.reply.verbatim(EMPTY);
      return;
    }
    const issues: string[] = [];
    if (memory.peak > memory.used * 1.5) {
      issues.push(
        ` * Peak memory: In the past this instance used more than 150% the memory that is currently using ` +
          `(peak ${bytesToHuman(memory.peak)}, now ${bytesToHuman(memory.used)}). The process keeps memory it ` +
          'no longer needs until the garbage collector returns it.',
      );
    }
    const ratio = memory.rss / memory.used;
    if (ratio > 2) {
      issues.push(
        ` * High total RSS: This instance has a memory fragmentation and RSS overhead greater than 2 ` +
          `(ratio ${ratio.toFixed(2)}). The JavaScript runtime keeps per-value objects; large datasets of tiny ` +
          'values cost the most.',
      );
    }
    const maxmemory = ctx.server.config.getNumber('maxmemory');
    if (maxmemory === 0 && memory.dataset > 0) {
      issues.push(
        ' * No maxmemory: the dataset can grow until the process runs out of memory. Consider setting maxmemory ' +
          'and a maxmemory-policy.',
      );
    }
    const text =
      issues.length === 0
        ? "Hi Sam, I can't find any memory issue in your instance. I can only account for what occurs on this base."
        : `Sam, I detected a few issues in this instance memory implant:\n\n${issues.join('\n\n')}\n`;
    ctx.reply.verbatim(text);
  },
} satisfies CommandSpec;
