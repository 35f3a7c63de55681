// Bench runner behind `npm run bench [name...]`: runs every tools/bench/src/*.bench.ts (or those whose
// file name contains one of the given names) as its own tsx child process, one after another so
// benches never compete for the CPU, streaming their output as is. It measures nothing itself.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const WORKSPACE_ROOT = join(BENCH_DIR, '../../..');
const BENCH_SUFFIX = '.bench.ts';
const USAGE = `usage: npm run bench [-- --list] [name...]
  name    run the benches whose file name contains it (e.g. "resp" runs resp-decode.bench.ts)
  --list  print the bench names and exit`;

/** Bench names (file names without `.bench.ts`), sorted. */
function listBenches(): string[] {
  return readdirSync(BENCH_DIR)
    .filter((file) => file.endsWith(BENCH_SUFFIX))
    .map((file) => basename(file, BENCH_SUFFIX))
    .sort();
}

/** The benches matching any of `filters` (all when none), or the filters that matched nothing. */
function select(all: string[], filters: string[]): { chosen: string[]; unmatched: string[] } {
  if (filters.length === 0) return { chosen: all, unmatched: [] };
  const wanted = filters.map((filter) => filter.toLowerCase());
  return {
    chosen: all.filter((name) => wanted.some((filter) => name.toLowerCase().includes(filter))),
    unmatched: filters.filter(
      (filter) => !all.some((name) => name.toLowerCase().includes(filter.toLowerCase())),
    ),
  };
}

/** Runs one bench file with tsx, inheriting stdio; resolves to its exit code (signals count as failure). */
function runBench(name: string, tsxCli: string): Promise<{ code: number; interrupted: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsxCli, join(BENCH_DIR, name + BENCH_SUFFIX)], {
      cwd: WORKSPACE_ROOT,
      stdio: 'inherit',
    });
    child.on('error', (error) => {
      console.error(`bench: could not start ${name}: ${error.message}`);
      resolve({ code: 1, interrupted: false });
    });
    child.on('close', (code, signal) => {
      resolve({ code: code ?? 1, interrupted: signal === 'SIGINT' || signal === 'SIGTERM' || code === 130 });
    });
  });
}

async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const unknownFlag = args.find((arg) => arg.startsWith('-') && arg !== '--list');
  if (unknownFlag !== undefined) {
    console.error(`bench: unknown option ${unknownFlag}\n${USAGE}`);
    return 2;
  }
  const all = listBenches();
  if (args.includes('--list')) {
    console.log(all.join('\n'));
    return 0;
  }
  const { chosen, unmatched } = select(all, args);
  if (unmatched.length > 0) {
    console.error(`bench: no bench matches ${unmatched.map((f) => JSON.stringify(f)).join(', ')}`);
    console.error(
      all.length > 0 ? `available: ${all.join(', ')}` : `there are no *${BENCH_SUFFIX} files yet`,
    );
    return 2;
  }
  if (chosen.length === 0) {
    console.log(`bench: no *${BENCH_SUFFIX} files in ${BENCH_DIR} yet`);
    return 0;
  }

  const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
  const failed: string[] = [];
  for (const [index, name] of chosen.entries()) {
    console.log(`\n=== bench ${index + 1}/${chosen.length}: ${name}`);
    const { code, interrupted } = await runBench(name, tsxCli);
    if (code !== 0) failed.push(name);
    if (interrupted) {
      console.error('bench: interrupted; remaining benches not run');
      break;
    }
  }
  console.log(`\nbench: ${chosen.length - failed.length} of ${chosen.length} succeeded`);
  if (failed.length > 0) console.error(`bench: failed: ${failed.join(', ')}`);
  return failed.length > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
