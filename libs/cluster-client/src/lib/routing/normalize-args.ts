// Command arguments as the wire and the slot hash see them. @tessera/resp encodes strings as byte strings
// (one char per byte) and keySlot hashes them the same way; a caller's JS text is UTF-8, so with
// `stringArgs: 'utf8'` any non-ASCII string becomes its UTF-8 Buffer (ASCII strings pass unchanged, no
// copy). Numbers become decimal text. Pure: no I/O.

/** What callers may pass as a command argument. */
export type RedisArg = string | Buffer | number | bigint;

/** The arguments with numbers as text and (in utf8 mode) non-ASCII strings as UTF-8 Buffers. */
export function normalizeArgs(args: readonly RedisArg[], stringArgs: 'utf8' | 'latin1'): (string | Buffer)[] {
  let out: (string | Buffer)[] | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as RedisArg;
    const normal = normalizeArg(arg, stringArgs);
    if (out === null && normal !== arg) out = args.slice(0, i) as (string | Buffer)[];
    out?.push(normal);
  }
  return out ?? (args as (string | Buffer)[]);
}

export function normalizeArg(arg: RedisArg, stringArgs: 'utf8' | 'latin1'): string | Buffer {
  if (typeof arg === 'string') return stringArgs === 'utf8' && !isAscii(arg) ? Buffer.from(arg, 'utf8') : arg;
  if (typeof arg === 'number' || typeof arg === 'bigint') return String(arg);
  return arg;
}

function isAscii(text: string): boolean {
  if (text.length > 32) return Buffer.byteLength(text, 'utf8') === text.length;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}
