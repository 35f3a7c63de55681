// Splits one inline command line into arguments exactly like Redis' `sdssplitargs` (redis src/sds.c),
// which processInlineBuffer uses: blanks separate arguments, "double quotes" take C escapes
// (\n \r \t \b \a \\ \" and \xHH), 'single quotes' take only \', and a closing quote must be followed by
// a blank or the end of the line. Pure: works on bytes, returns Buffers, no I/O.

/** C `isspace` in the "C" locale: space, \t, \n, \v, \f, \r (skipped between arguments). */
function isSpace(byte: number): boolean {
  return byte === 0x20 || (byte >= 0x09 && byte <= 0x0d);
}

function isHexDigit(byte: number): boolean {
  return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66) || (byte >= 0x41 && byte <= 0x46);
}

function hexValue(byte: number): number {
  if (byte <= 0x39) return byte - 0x30;
  return (byte | 0x20) - 0x61 + 10;
}

/** Byte a backslash escape stands for inside double quotes (sdssplitargs' switch). */
function unescape(byte: number): number {
  switch (byte) {
    case 0x6e: // n
      return 0x0a;
    case 0x72: // r
      return 0x0d;
    case 0x74: // t
      return 0x09;
    case 0x62: // b
      return 0x08;
    case 0x61: // a
      return 0x07;
    default:
      return byte;
  }
}

/**
 * Arguments of the inline line `line[start, end)` (without its line terminator), or `null` for
 * unbalanced quotes. The line must not contain NUL (Redis never sees past one). The returned Buffers
 * are views of one freshly allocated buffer, so they do not pin the caller's input.
 */
export function splitInlineArgs(line: Uint8Array, start: number, end: number): Buffer[] | null {
  const out = Buffer.allocUnsafe(end - start);
  const args: Buffer[] = [];
  let written = 0;
  let p = start;
  // `at(p)` mirrors `*p` on a NUL-terminated C string.
  const at = (index: number): number => (index < end ? (line[index] as number) : 0);

  for (;;) {
    while (p < end && isSpace(line[p] as number)) p++;
    if (p >= end) return args;
    const tokenStart = written;
    let inDouble = false;
    let inSingle = false;
    let done = false;
    while (!done) {
      const c = at(p);
      if (inDouble) {
        if (c === 0x5c && at(p + 1) === 0x78 && isHexDigit(at(p + 2)) && isHexDigit(at(p + 3))) {
          out[written++] = hexValue(at(p + 2)) * 16 + hexValue(at(p + 3));
          p += 3;
        } else if (c === 0x5c && at(p + 1) !== 0) {
          p++;
          out[written++] = unescape(at(p));
        } else if (c === 0x22) {
          // The closing quote must be followed by a space or nothing at all.
          if (at(p + 1) !== 0 && !isSpace(at(p + 1))) return null;
          done = true;
        } else if (c === 0) {
          return null; // unterminated quotes
        } else {
          out[written++] = c;
        }
      } else if (inSingle) {
        if (c === 0x5c && at(p + 1) === 0x27) {
          p++;
          out[written++] = 0x27;
        } else if (c === 0x27) {
          if (at(p + 1) !== 0 && !isSpace(at(p + 1))) return null;
          done = true;
        } else if (c === 0) {
          return null;
        } else {
          out[written++] = c;
        }
      } else if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0) {
        done = true;
      } else if (c === 0x22) {
        inDouble = true;
      } else if (c === 0x27) {
        inSingle = true;
      } else {
        out[written++] = c;
      }
      if (p < end) p++;
    }
    args.push(out.subarray(tokenStart, written));
  }
}
