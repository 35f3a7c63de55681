// Reads redis-server-style configuration: an optional config file path first, then `--name value...`
// pairs (`data-node /etc/tessera.conf --port 7000 --requirepass s3cret`). The file uses redis.conf syntax:
// one directive per line, `#` comments, quoted arguments. Unknown directives are errors, like Redis's
// "Bad directive or wrong number of arguments". No side effects beyond reading the file.
import { readFileSync } from 'node:fs';
import { ConfigError, ConfigStore } from './config-store.js';
import { findDirective } from './config-schema.js';

/** Splits one config line like sdssplitargs (double/single quotes, escapes). */
export function splitConfigLine(line: string): string[] | null {
  const args: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i] as string)) i++;
    if (i >= line.length) break;
    let current = '';
    const quote = line[i] === '"' || line[i] === "'" ? (line[i] as string) : null;
    if (quote) {
      i++;
      let closed = false;
      while (i < line.length) {
        const c = line[i] as string;
        if (c === '\\' && quote === '"' && i + 1 < line.length) {
          const n = line[i + 1] as string;
          current += n === 'n' ? '\n' : n === 'r' ? '\r' : n === 't' ? '\t' : n;
          i += 2;
        } else if (c === quote) {
          closed = true;
          i++;
          break;
        } else {
          current += c;
          i++;
        }
      }
      if (!closed || (i < line.length && !/\s/.test(line[i] as string))) return null;
    } else {
      while (i < line.length && !/\s/.test(line[i] as string)) current += line[i++];
    }
    args.push(current);
  }
  return args;
}

/** Applies a list of `name value...` directives; later ones override earlier ones. */
function applyDirectives(config: ConfigStore, directives: string[][], origin: string): void {
  for (const [name, ...values] of directives) {
    if (name === undefined) continue;
    const directive = findDirective(name);
    if (!directive) throw new ConfigError(`${origin}: Bad directive or wrong number of arguments: '${name}'`);
    try {
      config.set(directive.name, values.join(' '), true);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new ConfigError(`${origin}: invalid value for '${name}': ${reason}`, { cause: err });
    }
  }
}

/** Parses a redis.conf-style text into directives. */
export function parseConfigText(text: string, origin: string): string[][] {
  const directives: string[][] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const args = splitConfigLine(line);
    if (args === null)
      throw new ConfigError(`${origin}:${index + 1}: Unbalanced quotes in configuration line`);
    directives.push(args);
  });
  return directives;
}

/** Builds the configuration from `argv` (without `node` and the script). */
export function parseCommandLine(argv: readonly string[]): ConfigStore {
  const config = new ConfigStore();
  const args = [...argv];
  if (args.length > 0 && !(args[0] as string).startsWith('--')) {
    const path = args.shift() as string;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      throw new ConfigError(`Fatal error, can't open config file '${path}'`, { cause: err });
    }
    applyDirectives(config, parseConfigText(text, path), path);
    config.configFile = path;
  }
  const directives: string[][] = [];
  for (const arg of args) {
    if (arg.startsWith('--')) directives.push([arg.slice(2)]);
    else if (directives.length === 0)
      throw new ConfigError(`Invalid argument '${arg}': options start with --`);
    else (directives[directives.length - 1] as string[]).push(arg);
  }
  applyDirectives(config, directives, 'command line');
  return config;
}
