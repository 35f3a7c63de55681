// Bytes to string for the ReplyDecoder: UTF-8 or latin1, with a JS loop for short ASCII texts ("OK",
// "QUEUED"...) where it beats the native call (measured ~2x) and V8 keeps strings under 13 chars flat. Pure.

/** Texts up to this many bytes go through the JS loop. */
const SHORT_TEXT = 12;

/** Node's native slicers (Buffer.prototype.utf8Slice/latin1Slice, not in @types/node): no argument checks. */
interface NativeSlices {
  utf8Slice(start: number, end: number): string;
  latin1Slice(start: number, end: number): string;
}

/** `buf[start, end)` as a string: latin1 (one char per byte) or UTF-8. */
export function decodeText(buf: Buffer, start: number, end: number, latin1: boolean): string {
  if (end - start <= SHORT_TEXT) {
    let text = '';
    let i = start;
    for (; i < end; i++) {
      const byte = buf[i] as number;
      if (byte >= 0x80 && !latin1) break; // non-ASCII UTF-8: the native decoder below
      text += String.fromCharCode(byte);
    }
    if (i === end) return text;
  }
  const native = buf as unknown as NativeSlices;
  return latin1 ? native.latin1Slice(start, end) : native.utf8Slice(start, end);
}
