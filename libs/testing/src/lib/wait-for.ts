// Polls a condition until it holds or a deadline passes; on timeout the error says what was awaited and what
// the last check saw, so a failing cluster test explains itself.
import { setTimeout as sleep } from 'node:timers/promises';

export interface WaitForOptions {
  /** @default 30000 */
  readonly timeoutMs?: number;
  /** Pause between checks. @default 100 */
  readonly intervalMs?: number;
}

/**
 * Calls `check` until it returns true; any other return value (a description of the current state) or a
 * thrown error means "not yet". Resolves with the milliseconds waited.
 */
export async function waitFor(
  what: string,
  check: () => Promise<true | string> | true | string,
  options: WaitForOptions = {},
): Promise<number> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const started = Date.now();
  let last = 'never checked';
  for (;;) {
    try {
      const result = await check();
      if (result === true) return Date.now() - started;
      last = result;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(`waited ${timeoutMs} ms for ${what}; last check: ${last}`);
    }
    await sleep(options.intervalMs ?? 100);
  }
}
