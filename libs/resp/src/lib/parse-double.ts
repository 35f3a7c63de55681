// Parses the text of a RESP3 double (`,<text>\r\n`) from bytes: decimal or exponent notation, and the
// spellings `inf`, `+inf`, `-inf`, `nan`, `-nan` that Redis and the RESP3 spec use. Pure.

const DECIMAL = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const SPECIAL: Record<string, number> = {
  inf: Infinity,
  '+inf': Infinity,
  '-inf': -Infinity,
  nan: Number.NaN,
  '-nan': Number.NaN,
};

/** The double in `bytes[start, end)`, or null if it is not one. */
export function parseDouble(bytes: Buffer, start: number, end: number): number | null {
  const text = bytes.toString('latin1', start, end);
  if (DECIMAL.test(text)) return Number(text);
  const special = SPECIAL[text.toLowerCase()];
  return special === undefined ? null : special;
}
