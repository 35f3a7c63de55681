// redis.conf syntax: one directive per line, `#` comments, arguments split like sdssplitargs (double
// quotes with C escapes and \xHH, single quotes with \' only). Pure: text in, arguments out.
import { ConfigError, ConfigErrorCode } from './config-store.js';

const HEX = /^[0-9a-fA-F]{2}$/;
const isSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f';

/** Splits one config line like sdssplitargs; null when quotes are unbalanced. */
export function splitConfigLine(line: string): string[] | null {
  const args: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && isSpace(line[i])) i++;
    if (i >= line.length) break;
    let current = '';
    const quote = line[i] === '"' || line[i] === "'" ? (line[i] as string) : null;
    if (quote) {
      i++;
      let closed = false;
      while (i < line.length) {
        const c = line[i] as string;
        if (quote === '"' && c === '\\' && line[i + 1] === 'x' && HEX.test(line.slice(i + 2, i + 4))) {
          current += String.fromCharCode(parseInt(line.slice(i + 2, i + 4), 16));
          i += 4;
        } else if (quote === '"' && c === '\\' && i + 1 < line.length) {
          const n = line[i + 1] as string;
          current +=
            n === 'n'
              ? '\n'
              : n === 'r'
                ? '\r'
                : n === 't'
                  ? '\t'
                  : n === 'b'
                    ? '\b'
                    : n === 'a'
                      ? '\x07'
                      : n;
          i += 2;
        } else if (quote === "'" && c === '\\' && line[i + 1] === "'") {
          current += "'";
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
      // A closing quote must be followed by a space or the end (sdssplitargs).
      if (!closed || (i < line.length && !isSpace(line[i]))) return null;
    } else {
      while (i < line.length && !isSpace(line[i])) current += line[i++];
    }
    args.push(current);
  }
  return args;
}

/** Parses a redis.conf-style text into directives (`[name, ...values]`), skipping comments and blanks. */
export function parseConfigText(text: string, origin: string): string[][] {
  const directives: string[][] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const args = splitConfigLine(line);
    if (args === null) {
      throw new ConfigError(`${origin}:${index + 1}: Unbalanced quotes in configuration line`, {
        code: ConfigErrorCode.invalid,
      });
    }
    directives.push(args);
  });
  return directives;
}
