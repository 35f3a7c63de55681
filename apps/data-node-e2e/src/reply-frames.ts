// Splits a stream of RESP2/RESP3 replies into whole frames without interpreting them, so differential
// tests can compare replies byte for byte. Returns the end offset of the frame starting at `start`, or -1
// when the buffer does not hold the whole frame yet.

const AGGREGATE_FACTOR: Record<number, number> = {
  0x2a: 1, // * array
  0x7e: 1, // ~ set
  0x3e: 1, // > push
  0x25: 2, // % map
  0x7c: 2, // | attribute (followed by the reply it annotates)
};
const BLOB = new Set([0x24, 0x21, 0x3d]); // $ blob, ! blob error, = verbatim

export function frameEnd(buf: Buffer, start: number): number {
  if (start >= buf.length) return -1;
  const lineEnd = buf.indexOf('\r\n', start + 1);
  if (lineEnd === -1) return -1;
  const type = buf[start] as number;
  const header = buf.toString('latin1', start + 1, lineEnd);
  let offset = lineEnd + 2;
  if (BLOB.has(type)) {
    const length = Number(header);
    if (length < 0) return offset;
    return offset + length + 2 <= buf.length ? offset + length + 2 : -1;
  }
  const factor = AGGREGATE_FACTOR[type];
  if (factor === undefined) return offset; // + - : _ # , ( simple types
  const count = Number(header);
  if (count < 0) return offset;
  const items = count * factor + (type === 0x7c ? 1 : 0);
  for (let i = 0; i < items; i++) {
    offset = frameEnd(buf, offset);
    if (offset === -1) return -1;
  }
  return offset;
}
