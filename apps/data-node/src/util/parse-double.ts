// Parsing floating point arguments the way Redis does (getDoubleFromObject / string2d in redis src/object.c
// and util.c, over C's strtod): no surrounding spaces, no trailing garbage, `inf`/`infinity` in any case
// with an optional sign, hex floats, and no NaN; a value that overflows to infinity or underflows to zero
// from a non-zero literal is rejected (ERANGE). No I/O.

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INFINITY = /^([+-]?)(?:inf|infinity)$/i;
const HEX = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d+))?$/;

/** Parses a double argument; null when Redis would reply "value is not a valid float". */
export function parseDouble(text: string): number | null {
  if (text.length === 0 || text.length > 5000) return null;
  if (DECIMAL.test(text)) {
    const value = Number(text);
    if (!Number.isFinite(value)) return null; // ERANGE overflow
    if (value === 0 && /[1-9]/.test(mantissa(text))) return null; // ERANGE underflow
    return value;
  }
  const inf = INFINITY.exec(text);
  if (inf) return inf[1] === '-' ? -Infinity : Infinity;
  const hex = HEX.exec(text);
  if (hex && ((hex[2] ?? '') !== '' || (hex[3] ?? '') !== '')) {
    const intPart = hex[2] ?? '';
    const fracPart = hex[3] ?? '';
    let value = intPart === '' ? 0 : parseInt(intPart, 16);
    for (let i = 0; i < fracPart.length; i++) value += parseInt(fracPart[i] as string, 16) / 16 ** (i + 1);
    if (hex[4] !== undefined) value *= 2 ** Number(hex[4]);
    if (!Number.isFinite(value)) return null;
    return hex[1] === '-' ? -value : value;
  }
  return null;
}

function mantissa(text: string): string {
  const e = text.search(/[eE]/);
  return e === -1 ? text : text.slice(0, e);
}
