import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from './config-store.js';
import { parseCommandLine } from './parse-command-line.js';
import { rewriteConfigFile } from './rewrite-config-file.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-config-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('CONFIG REWRITE on disk', () => {
  it('rewrites the file the node started with, which then starts a node with the same settings', () => {
    const dir = tempDir();
    const path = join(dir, 'node.conf');
    writeFileSync(path, '# tessera test node\nport 7000\nmaxmemory 0\n');
    const config = parseCommandLine([path, '--timeout', '15']);
    expect(config.configFile).toBe(path);
    config.setMany([
      ['maxmemory', '64mb'],
      ['requirepass', 'pa ss'],
    ]);
    rewriteConfigFile(config);
    const text = readFileSync(path, 'latin1');
    expect(text.startsWith('# tessera test node\nport 7000\nmaxmemory 67108864\n')).toBe(true);
    expect(readdirSync(dir)).toEqual(['node.conf']); // the temporary file was renamed over it
    const again = parseCommandLine([path]);
    expect(again.get('timeout')).toBe('15');
    expect(again.get('requirepass')).toBe('pa ss');
    expect(again.get('maxmemory')).toBe(String(64 * 1024 * 1024));
  });

  it('reports a directory it cannot write to as a config file error', () => {
    const dir = tempDir();
    const path = join(dir, 'node.conf');
    writeFileSync(path, 'port 7000\n');
    const config = parseCommandLine([path]);
    rmSync(dir, { recursive: true, force: true });
    expect(() => rewriteConfigFile(config)).toThrow(ConfigError);
    expect(() => rewriteConfigFile(config)).toThrow(/^Rewriting config file: /);
  });
});
