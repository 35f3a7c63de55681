// Looks at processes the harness did not spawn itself (a data-node's gossip-agent is the data-node's child) and
// signals them by pid. Linux: reads /proc, falling back to `ps --ppid` where /proc/<pid>/task/<pid>/children is
// missing (kernels without CONFIG_PROC_CHILDREN).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Process ids whose parent is `pid` (empty when it has none or is gone). */
export function childPids(pid: number): number[] {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8');
  } catch {
    try {
      text = execFileSync('ps', ['--ppid', String(pid), '-o', 'pid='], { encoding: 'utf8' });
    } catch {
      return []; // ps exits 1 when nothing matches
    }
  }
  return text
    .split(/\s+/)
    .filter((word) => word !== '')
    .map(Number);
}

/**
 * The one-letter state of `pid` (`R`, `S`, `T` stopped, `Z` zombie...), or null when there is no such process.
 * An orphan that exited stays a zombie here until something reaps it (a container's pid 1 may never do it).
 */
export function processState(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // pid (comm) state ...: comm may contain spaces and parentheses, so read after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) || null;
  } catch {
    return null;
  }
}

/** True while `pid` runs or is stopped: not gone and not a zombie. */
export function isAlive(pid: number): boolean {
  const state = processState(pid);
  return state !== null && state !== 'Z' && state !== 'X';
}

/** Sends `signal` to `pid`; false when the process is already gone. */
export function signalPid(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(pid, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}
