// Runs one of Redis's own command-line tools (redis-cli, redis-benchmark) against the cluster and returns what
// it printed, colour codes stripped. A missing tool fails the test with how to install it.
import { execFile } from 'node:child_process';
import { requireProgram, stripColours } from '@tessera/testing';

export interface ToolRun {
  /** Exit code (null when killed by the timeout). */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout then stderr, for assertions and failure messages. */
  readonly output: string;
}

/** Runs `program args` to completion (or `timeoutMs`); never rejects on a non-zero exit. */
export function runTool(
  program: 'redis-cli' | 'redis-benchmark',
  args: readonly string[],
  timeoutMs = 60_000,
): Promise<ToolRun> {
  const path = requireProgram(program);
  return new Promise((resolve) => {
    execFile(
      path,
      [...args],
      { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        const out = stripColours(stdout);
        resolve({ code, stdout: out, stderr, output: `${out}${stderr}` });
      },
    );
  });
}
