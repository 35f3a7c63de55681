import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { childPids, isAlive, processState, signalPid } from './process-tree.js';
import { waitFor } from './wait-for.js';

describe('process tree', () => {
  it('finds a child of a child, sees it stopped and continued, and gone once killed', async () => {
    const parent = spawn('sh', ['-c', 'sleep 30 & wait'], { stdio: 'ignore' });
    const exited = once(parent, 'exit');
    try {
      const pid = parent.pid as number;
      let child = 0;
      await waitFor('the sleep child', () => {
        child = childPids(pid)[0] ?? 0;
        return child > 0 ? true : 'none yet';
      });
      expect(isAlive(child)).toBe(true);
      signalPid(child, 'SIGSTOP');
      await waitFor('stopped', () => (processState(child) === 'T' ? true : `state ${processState(child)}`));
      signalPid(child, 'SIGCONT');
      await waitFor('running again', () => (processState(child) !== 'T' ? true : 'still stopped'));
      signalPid(child, 'SIGKILL');
      await waitFor('gone', () => (isAlive(child) ? 'alive' : true));
    } finally {
      parent.kill('SIGKILL');
      await exited;
    }
    await sleep(10);
    expect(processState(999_999_999)).toBeNull();
    expect(signalPid(999_999_999, 'SIGTERM')).toBe(false);
  });
});
