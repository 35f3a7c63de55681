// `npm test`: the whole check suite, as CI runs it (.ci/run). Runs two Nx passes one after the other,
// streams their output unchanged, stops at the first failure, and ends with one plain summary line
// `tests: N passed, N failed` summed from vitest's "Tests  ..." lines, for runners that read it.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const NX = join(ROOT, 'node_modules/.bin/nx');

/** The passes, in order: code checks and tests, then generated-code, schema and package checks. */
const PASSES = [
  ['run-many', '-t', 'lint', 'typecheck', 'test', 'build', '--outputStyle=stream', '--nxBail'],
  ['run-many', '-t', 'check-generated', 'lint-proto', 'pack', '--outputStyle=stream', '--nxBail'],
];

// eslint-disable-next-line no-control-regex -- ANSI escape sequences are what we strip.
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;
// vitest's summary, e.g. "      Tests  2 failed | 26 passed (28)", possibly behind an "nx-project: " prefix.
// "Test Files  3 passed (3)" does not match: it is files, not tests.
const VITEST_TESTS = /\bTests\s+(\d+ [a-z]+(?: \| \d+ [a-z]+)*)\s+\(\d+\)/;

const totals = { passed: 0, failed: 0 };

function countLine(rawLine) {
  const match = VITEST_TESTS.exec(rawLine.replace(ANSI, ''));
  if (!match) return;
  for (const part of match[1].split(' | ')) {
    const [count, kind] = part.split(' ');
    if (kind === 'passed') totals.passed += Number(count);
    if (kind === 'failed') totals.failed += Number(count);
  }
}

/** Copies `from` to `to` as it arrives and feeds each complete line to countLine. */
function tee(from, to) {
  let pending = '';
  from.setEncoding('utf8');
  from.on('data', (chunk) => {
    to.write(chunk);
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    lines.forEach(countLine);
  });
  from.on('end', () => countLine(pending));
}

function run(args) {
  return new Promise((resolve) => {
    console.log(`\n$ nx ${args.join(' ')}`);
    const child = spawn(NX, args, {
      cwd: ROOT,
      env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false', NX_NO_CLOUD: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    tee(child.stdout, process.stdout);
    tee(child.stderr, process.stderr);
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward).on('SIGTERM', forward);
    child.on('error', (error) => {
      console.error(`could not start ${NX}: ${error.message} (run tools/bootstrap first)`);
      resolve(1);
    });
    child.on('close', (code, signal) => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

let exitCode = 0;
for (const args of PASSES) {
  exitCode = await run(args);
  if (exitCode !== 0) break;
}
if (exitCode === 0 && totals.failed > 0) exitCode = 1;
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(exitCode);
