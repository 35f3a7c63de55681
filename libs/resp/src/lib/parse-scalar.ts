// The one-line RESP scalars (`+ - : _ # , (`): bytes of the line to a typed value, or `undefined` when the
// line is malformed (INVALID_SCALAR names the error for each type). Pure.
import { decodeText } from './decode-text.js';
import { parseDouble } from './parse-double.js';
import { parseInt64 } from './parse-int64.js';
import { REPLY_ERRORS } from './reply-errors.js';
import { RespError } from './resp-error.js';
import { RESP_TYPES } from './resp-types.js';
import type { RespValue } from './resp-values.js';

const BIG_NUMBER = /^[+-]?[0-9]+$/;

/** The protocol error of a malformed line, per scalar type byte. */
export const INVALID_SCALAR: Readonly<Record<number, string>> = {
  [RESP_TYPES.INTEGER]: REPLY_ERRORS.INVALID_INTEGER,
  [RESP_TYPES.NULL]: REPLY_ERRORS.INVALID_NULL,
  [RESP_TYPES.BOOLEAN]: REPLY_ERRORS.INVALID_BOOLEAN,
  [RESP_TYPES.DOUBLE]: REPLY_ERRORS.INVALID_DOUBLE,
  [RESP_TYPES.BIG_NUMBER]: REPLY_ERRORS.INVALID_BIG_NUMBER,
};

/**
 * Value of the scalar line `buf[from, cr)` whose type byte is `type`: strings, RespError, numbers (bigint
 * beyond ±2^53), null, booleans, doubles, bigints. `undefined` if malformed or not a scalar type.
 */
export function parseScalar(
  type: number,
  buf: Buffer,
  from: number,
  cr: number,
  latin1: boolean,
): RespValue | undefined {
  switch (type) {
    case RESP_TYPES.SIMPLE_STRING:
      return decodeText(buf, from, cr, latin1);
    case RESP_TYPES.SIMPLE_ERROR:
      return new RespError(decodeText(buf, from, cr, latin1));
    case RESP_TYPES.INTEGER: {
      const n = parseInt64(buf, from, cr);
      if (n !== n) return undefined;
      return Number.isSafeInteger(n) ? n : BigInt(buf.toString('latin1', from, cr));
    }
    case RESP_TYPES.NULL:
      return cr === from ? null : undefined;
    case RESP_TYPES.BOOLEAN: {
      const b = buf[from];
      if (cr !== from + 1 || (b !== 0x74 && b !== 0x66)) return undefined; // 't' / 'f'
      return b === 0x74;
    }
    case RESP_TYPES.DOUBLE:
      return parseDouble(buf, from, cr) ?? undefined;
    case RESP_TYPES.BIG_NUMBER: {
      const digits = buf.toString('latin1', from, cr);
      return BIG_NUMBER.test(digits) ? BigInt(digits) : undefined;
    }
    default:
      return undefined;
  }
}
