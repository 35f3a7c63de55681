// Running a parsed BITFIELD / BITFIELD_RO plan (redis src/bitops.c bitfieldGeneric): a read-only plan reads
// the key as it is (missing = zeros); a plan with writes first grows the string (zero bytes) to hold the
// highest written bit (creating the key, even if every write then fails), then runs the operations in
// order, replying with one array entry each (nil for a write refused by OVERFLOW FAIL).
import type { CommandContext } from '../command-context.js';
import type { StringValue } from '../../keyspace/values.js';
import type { BitfieldOp, BitfieldPlan } from './bitfield-ops.js';
import { checkSigned, checkUnsigned, getSigned, getUnsigned, setField } from './bitfield-values.js';
import { readBytes, storeBytes, writableBytes } from './string-bytes.js';
import { readString, readStringForWrite, WRONG_TYPE } from './string-value.js';

export function runBitfield(ctx: CommandContext, plan: BitfieldPlan, readonlyCommand: boolean): void {
  const key = ctx.arg(1);
  if (plan.readonly) {
    const value = readString(ctx, key);
    if (value === WRONG_TYPE) return;
    ctx.reply.arrayHeader(plan.ops.length);
    for (const op of plan.ops) ctx.reply.integer(value === undefined ? 0 : readField(value, op));
    return;
  }
  if (readonlyCommand) {
    ctx.error('ERR BITFIELD_RO only supports the GET subcommand');
    return;
  }
  const value = readStringForWrite(ctx, key);
  if (value === WRONG_TYPE) return;
  const bytes = writableBytes(value, Math.floor(plan.highestWrite / 8) + 1);
  let changed = value === undefined || bytes.length !== value.length;
  ctx.reply.arrayHeader(plan.ops.length);
  for (const op of plan.ops) {
    if (op.opcode === 'GET') {
      ctx.reply.integer(read(bytes, op));
      continue;
    }
    const old = read(bytes, op);
    const incr = op.opcode === 'INCRBY' ? op.value : 0n;
    const base = op.opcode === 'INCRBY' ? old : op.value;
    const result = op.signed
      ? checkSigned(base, incr, op.bits, op.overflow)
      : checkUnsigned(BigInt.asUintN(64, base), incr, op.bits, op.overflow);
    if (result.overflow && op.overflow === 'FAIL') {
      ctx.reply.nullBulk();
      continue;
    }
    ctx.reply.integer(op.opcode === 'INCRBY' ? result.value : old);
    setField(bytes, op.offset, op.bits, result.value);
    if (result.value !== old) changed = true;
  }
  if (changed) storeBytes(ctx, key, bytes, value);
}

/** A field of a stored value, copying only the (at most 9) bytes it spans. */
function readField(value: StringValue, op: BitfieldOp): bigint {
  const first = Math.min(Math.floor(op.offset / 8), value.length);
  const window = readBytes(value, first, Math.min(value.length, first + FIELD_SPAN_BYTES));
  return read(window, op, op.offset - first * 8);
}

/** A 64-bit field at any bit offset spans at most 9 bytes. */
const FIELD_SPAN_BYTES = 9;

function read(bytes: Uint8Array, op: BitfieldOp, offset = op.offset): bigint {
  return op.signed ? getSigned(bytes, offset, op.bits) : getUnsigned(bytes, offset, op.bits);
}
