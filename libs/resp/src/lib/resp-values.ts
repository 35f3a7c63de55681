// The typed values a ReplyDecoder emits for the RESP3 types that have no plain JS equivalent, and the
// RespValue union of everything it can emit. Data only, no logic.
import type { RespError } from './resp-error.js';

/** A RESP3 push (`>`): out-of-band data such as pub/sub messages or client-side-caching invalidations. */
export class RespPush {
  constructor(readonly data: RespValue[]) {}

  /** The push kind (its first element), e.g. `message`, `invalidate`; empty if not a string. */
  get kind(): string {
    const first = this.data[0];
    if (typeof first === 'string') return first;
    return Buffer.isBuffer(first) ? first.toString('latin1') : '';
  }
}

/** A RESP3 verbatim string (`=`): text with a 3-char format such as `txt` or `mkd`. */
export class RespVerbatim {
  constructor(
    readonly format: string,
    readonly text: string | Buffer,
  ) {}
}

/** A value preceded by a RESP3 attribute map (`|`), kept when the decoder runs with `attributes: 'wrap'`. */
export class RespAttributed {
  constructor(
    readonly attributes: Map<RespValue, RespValue>,
    readonly value: RespValue,
  ) {}
}

/**
 * Everything a ReplyDecoder emits: simple strings as strings; blob strings as Buffers or strings (option);
 * integers as numbers (bigint beyond ±2^53); doubles as numbers (incl. ±Infinity, NaN); big numbers as
 * bigint; booleans; null for every RESP2/RESP3 null; arrays; Map for `%`; Set for `~`; and the classes.
 */
export type RespValue =
  | string
  | Buffer
  | number
  | bigint
  | boolean
  | null
  | RespError
  | RespPush
  | RespVerbatim
  | RespAttributed
  | RespValue[]
  | Map<RespValue, RespValue>
  | Set<RespValue>;
