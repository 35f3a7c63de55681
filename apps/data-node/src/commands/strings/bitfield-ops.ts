// Parsing the subcommands of BITFIELD and BITFIELD_RO (redis src/bitops.c bitfieldGeneric): GET type offset,
// SET type offset value, INCRBY type offset increment, OVERFLOW WRAP|SAT|FAIL (applies to the operations
// after it). Every operation is validated before any runs, with Redis's error texts and order.
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { parseInt64 } from '../../util/int64.js';
import { Overflow } from './bitfield-values.js';
import { parseBitOffset } from './bit-offset.js';

export const BitfieldOpcode = { GET: 'GET', SET: 'SET', INCRBY: 'INCRBY' } as const;
export type BitfieldOpcode = (typeof BitfieldOpcode)[keyof typeof BitfieldOpcode];

export interface BitfieldOp {
  readonly opcode: BitfieldOpcode;
  readonly signed: boolean;
  readonly bits: number;
  /** Bit offset of the field. */
  readonly offset: number;
  /** SET's value or INCRBY's increment (int64); 0n for GET. */
  readonly value: bigint;
  readonly overflow: Overflow;
}

export interface BitfieldPlan {
  readonly ops: BitfieldOp[];
  /** True when every operation is a GET. */
  readonly readonly: boolean;
  /** The highest bit a SET or INCRBY touches (the string grows to hold it), or -1. */
  readonly highestWrite: number;
}

const TYPE_ERROR =
  'ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.';

/** Parses argv[2..]; null after replying with the first error. */
export function parseBitfield(ctx: CommandContext): BitfieldPlan | null {
  const ops: BitfieldOp[] = [];
  let overflow: Overflow = Overflow.WRAP;
  let highestWrite = -1;
  for (let j = 2; j < ctx.argc; j++) {
    const remaining = ctx.argc - j - 1;
    const name = ctx.option(j);
    if (name === 'OVERFLOW' && remaining >= 1) {
      const mode = ctx.option(++j);
      if (!Object.hasOwn(Overflow, mode)) {
        ctx.error('ERR Invalid OVERFLOW type specified');
        return null;
      }
      overflow = mode as Overflow;
      continue;
    }
    const opcode =
      name === 'GET' && remaining >= 2 ? 'GET' : name === 'SET' || name === 'INCRBY' ? name : null;
    if (opcode === null || (opcode !== 'GET' && remaining < 3)) {
      ctx.error(Err.syntax);
      return null;
    }
    const type = parseType(ctx.arg(j + 1));
    if (type === null) {
      ctx.error(TYPE_ERROR);
      return null;
    }
    const offset = parseBitOffset(ctx, ctx.arg(j + 2), type.bits);
    if (offset === null) return null;
    let value = 0n;
    if (opcode !== 'GET') {
      highestWrite = Math.max(highestWrite, offset + type.bits - 1);
      const text = ctx.arg(j + 3);
      if (parseInt64(text) === null) {
        ctx.error(Err.notInteger);
        return null;
      }
      value = BigInt(text);
    }
    ops.push({ opcode, signed: type.signed, bits: type.bits, offset, value, overflow });
    j += opcode === 'GET' ? 2 : 3;
  }
  return { ops, readonly: highestWrite === -1, highestWrite };
}

/**
 * `i1`..`i64` or `u1`..`u63` (u64 would not fit Redis's signed integer replies). Like Redis, the width is
 * read up to a NUL byte (strlen), and the sign letter is case-sensitive.
 */
function parseType(text: string): { signed: boolean; bits: number } | null {
  const sign = text.charCodeAt(0);
  if (sign !== 0x69 /* i */ && sign !== 0x75 /* u */) return null;
  const nul = text.indexOf('\0');
  const bits = parseInt64(text.slice(1, nul === -1 ? text.length : nul));
  const signed = sign === 0x69;
  if (bits === null || bits < 1 || bits > (signed ? 64 : 63)) return null;
  return { signed, bits };
}
