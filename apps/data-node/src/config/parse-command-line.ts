// Reads redis-server-style configuration: an optional config file path first, then `--name value...`
// pairs (`data-node /etc/tessera.conf --port 7000 --requirepass s3cret`). The file uses redis.conf syntax
// (config-syntax.ts). Unknown directives are errors, like Redis's "Bad directive or wrong number of
// arguments". No side effects beyond reading the file.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, ConfigErrorCode, ConfigStore } from './config-store.js';
import { findDirective } from './config-schema.js';
import { parseConfigText } from './config-syntax.js';

export { parseConfigText, splitConfigLine } from './config-syntax.js';

/** Applies a list of `name value...` directives; later ones override earlier ones. */
function applyDirectives(config: ConfigStore, directives: string[][], origin: string): void {
  for (const [name, ...values] of directives) {
    if (name === undefined) continue;
    const directive = findDirective(name);
    if (!directive) {
      throw new ConfigError(`${origin}: Bad directive or wrong number of arguments: '${name}'`, {
        code: ConfigErrorCode.unknown,
        directive: name,
      });
    }
    try {
      config.set(directive.name, values.join(' '), true);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new ConfigError(`${origin}: invalid value for '${name}': ${reason}`, {
        cause: err,
        directive: directive.name,
      });
    }
  }
}

/** Builds the configuration from `argv` (without `node` and the script). */
export function parseCommandLine(argv: readonly string[]): ConfigStore {
  const config = new ConfigStore();
  const args = [...argv];
  if (args.length > 0 && !(args[0] as string).startsWith('--')) {
    // Absolute, like Redis's getAbsolutePath: CONFIG REWRITE and INFO config_file must not depend on cwd.
    const path = resolve(args.shift() as string);
    let text: string;
    try {
      text = readFileSync(path, 'latin1');
    } catch (err) {
      throw new ConfigError(`Fatal error, can't open config file '${path}'`, {
        cause: err,
        code: ConfigErrorCode.file,
      });
    }
    applyDirectives(config, parseConfigText(text, path), path);
    config.configFile = path;
  }
  const directives: string[][] = [];
  for (const arg of args) {
    if (arg.startsWith('--')) directives.push([arg.slice(2)]);
    else if (directives.length === 0)
      throw new ConfigError(`Invalid argument '${arg}': options start with --`, {
        code: ConfigErrorCode.invalid,
      });
    else (directives[directives.length - 1] as string[]).push(arg);
  }
  applyDirectives(config, directives, 'command line');
  return config;
}
