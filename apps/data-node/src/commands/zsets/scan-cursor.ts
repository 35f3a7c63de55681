// ZSCAN's cursor value. Parsing is the SCAN family's (../scan-cursor.ts parseScanCursor64, all 64 bits);
// the value is ours: Redis walks its hash table, we walk the score order, and the cursor is the score to
// resume from, mapped to an unsigned 64-bit integer that keeps the order of doubles (sign bit flipped for
// positives, all bits for negatives). A score-keyed cursor survives members being added or removed between
// calls, which a rank would not. No I/O.

const UINT64_MAX = (1n << 64n) - 1n;
const SIGN = 1n << 63n;

const float64 = new Float64Array(1);
const bits = new BigUint64Array(float64.buffer);

/** The cursor that resumes a scan at the first member whose score is `score` or more (never 0). */
export function cursorForScore(score: number): bigint {
  float64[0] = score;
  const raw = bits[0] as bigint;
  return (raw & SIGN) !== 0n ? ~raw & UINT64_MAX : raw | SIGN;
}

/** The score a non-zero cursor resumes from (NaN for a cursor no scan handed out). */
export function scoreForCursor(cursor: bigint): number {
  bits[0] = (cursor & SIGN) !== 0n ? cursor & ~SIGN : ~cursor & UINT64_MAX;
  return float64[0] as number;
}
