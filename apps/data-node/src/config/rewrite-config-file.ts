// CONFIG REWRITE's I/O: reads the config file the node was started with, computes the new text
// (rewrite-config-text.ts) and replaces the file atomically (temporary file in the same folder, then rename),
// so a crash mid-write never leaves a truncated config.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { ConfigError, ConfigErrorCode, type ConfigStore } from './config-store.js';
import { rewriteConfigText } from './rewrite-config-text.js';

/** Rewrites `store.configFile`; throws ConfigError with Redis's reason texts. */
export function rewriteConfigFile(store: ConfigStore): void {
  const path = store.configFile;
  if (path === null) {
    throw new ConfigError('The server is running without a config file', { code: ConfigErrorCode.file });
  }
  let oldText = '';
  try {
    oldText = readFileSync(path, 'latin1');
  } catch (err) {
    // A file deleted since start-up is written afresh, like Redis (ENOENT is not an error there).
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw fileError(err);
  }
  const temporary = `${path}.rewrite-${process.pid}.tmp`;
  try {
    writeFileSync(temporary, rewriteConfigText(oldText, store), { encoding: 'latin1', flush: true });
    renameSync(temporary, path);
  } catch (err) {
    rmSync(temporary, { force: true });
    throw fileError(err);
  }
}

function fileError(err: unknown): ConfigError {
  const reason = err instanceof Error ? err.message : String(err);
  return new ConfigError(`Rewriting config file: ${reason}`, { cause: err, code: ConfigErrorCode.file });
}
