// Multibulk request encoder for clients, tests and benchmarks: `*<n>\r\n` then `$<len>\r\n<arg>\r\n` per
// argument, in one Buffer. Strings are byte strings (latin1, one char per byte), like everywhere in this
// library: pass `Buffer.from(text, 'utf8')` for UTF-8 text. Pure.

/** Encodes one command (name first) as a RESP multibulk request. */
export function encodeCommand(args: readonly (string | Buffer)[]): Buffer {
  let size = 3 + decimalLength(args.length);
  for (const arg of args) size += 5 + decimalLength(arg.length) + arg.length;
  const out = Buffer.allocUnsafe(size);
  let pos = out.write(`*${args.length}\r\n`, 0, 'latin1');
  for (const arg of args) {
    pos += out.write(`$${arg.length}\r\n`, pos, 'latin1');
    pos += typeof arg === 'string' ? out.write(arg, pos, 'latin1') : arg.copy(out, pos);
    out[pos++] = 0x0d;
    out[pos++] = 0x0a;
  }
  return out;
}

function decimalLength(n: number): number {
  let digits = 1;
  for (let limit = 10; n >= limit; limit *= 10) digits++;
  return digits;
}
