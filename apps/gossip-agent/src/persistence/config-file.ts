// nodes.conf on disk (redis clusterLoadConfig / clusterSaveConfig): loaded once at start (a missing or empty
// file means a new node), written atomically after every configuration change: the text goes to a temp
// file in the same folder, is fsynced when asked, then renamed over nodes.conf, so a crash leaves either the
// old or the new file, never half of one. A JSON export of the same state (`<file>.json`) is written next to
// it for tools. A second agent on the same file is refused by a lock file holding the owner's pid.
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import {
  exportStateJson,
  formatNodesConf,
  parseNodesConf,
  type ClusterOptions,
  type ClusterState,
} from '@tessera/cluster-model';

export class ConfigFileError extends Error {
  readonly code = 'RC_ERR_AGENT_CONFIG_FILE';
}

export class ConfigFile {
  private readonly lockPath: string;
  private locked = false;

  constructor(readonly path: string) {
    this.lockPath = `${path}.lock`;
  }

  /** Takes the lock (refused while a live process holds it). */
  lock(): void {
    mkdirSync(dirname(this.path), { recursive: true });
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(this.lockPath, 'wx');
        writeSync(fd, String(process.pid));
        closeSync(fd);
        this.locked = true;
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const owner = Number(readText(this.lockPath));
        if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && processAlive(owner)) {
          throw new ConfigFileError(
            `${this.path} is used by another running agent (pid ${owner}); give each node its own cluster-config-file`,
          );
        }
        unlinkSync(this.lockPath); // stale: its owner is gone
      }
    }
  }

  unlock(): void {
    if (!this.locked) return;
    this.locked = false;
    try {
      unlinkSync(this.lockPath);
    } catch {
      // already gone
    }
  }

  /** The saved state, or null when there is none yet (no file, or an empty one as Redis treats it). */
  load(options: Partial<ClusterOptions>, now: number): ClusterState | null {
    const text = readText(this.path);
    if (text === null || text.trim() === '') return null;
    try {
      return parseNodesConf(text, { options, loadedAt: now });
    } catch (error) {
      throw new ConfigFileError(
        `unrecoverable error in ${this.path}: ${(error as Error).message}. Fix it or remove it to start as a new node`,
      );
    }
  }

  save(state: ClusterState, fsync: boolean): void {
    writeAtomically(this.path, formatNodesConf(state), fsync);
    writeAtomically(`${this.path}.json`, `${exportStateJson(state)}\n`, false);
  }
}

function writeAtomically(path: string, text: string, fsync: boolean): void {
  const temp = `${path}.tmp-${process.pid}`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, text);
    if (fsync) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
