// The longest common subsequence of two byte strings by dynamic programming, walked back exactly like
// redis src/t_string.c lcsCommand so that the subsequence and the match ranges are the ones redis-server
// reports (ties go to j--). The table uses the narrowest cells that can hold the answer (1, 2 or 4 bytes;
// Redis always uses 4), and a length-only query keeps just two rows. Pure.

/** One run of consecutive matching bytes: inclusive ranges in a and b, and its length. */
export interface LcsMatch {
  readonly aStart: number;
  readonly aEnd: number;
  readonly bStart: number;
  readonly bEnd: number;
  readonly length: number;
}

export interface LcsResult {
  /** Length of the longest common subsequence. */
  readonly length: number;
  /** The subsequence itself. */
  readonly sequence: Buffer;
  /** Runs of at least `minMatchLength` bytes, from the end of the strings backwards (Redis's order). */
  readonly matches: LcsMatch[];
}

/** The LCS length only, in O(len(b)) memory. */
export function lcsLength(a: Uint8Array, b: Uint8Array): number {
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      if (ai === b[j - 1]) current[j] = (previous[j - 1] as number) + 1;
      else {
        const up = previous[j] as number;
        const left = current[j - 1] as number;
        current[j] = up > left ? up : left;
      }
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] as number;
}

/** The full LCS with its match ranges; `minMatchLength` 0 keeps every run. */
export function lcs(a: Uint8Array, b: Uint8Array, minMatchLength: number): LcsResult {
  const alen = a.length;
  const blen = b.length;
  const width = blen + 1;
  const table = tableFor(Math.min(alen, blen), (alen + 1) * width);
  for (let i = 1; i <= alen; i++) {
    const ai = a[i - 1];
    const row = i * width;
    const above = row - width;
    for (let j = 1; j <= blen; j++) {
      if (ai === b[j - 1]) table[row + j] = (table[above + j - 1] as number) + 1;
      else {
        const up = table[above + j] as number;
        const left = table[row + j - 1] as number;
        table[row + j] = up > left ? up : left;
      }
    }
  }
  const length = table[alen * width + blen] as number;
  const sequence = Buffer.alloc(length);
  const matches: LcsMatch[] = [];
  let idx = length;
  let i = alen;
  let j = blen;
  // Current run: aStart === alen means "no run yet" (Redis's convention).
  let aStart = alen;
  let aEnd = 0;
  let bStart = 0;
  let bEnd = 0;
  while (i > 0 && j > 0) {
    let emit = false;
    if (a[i - 1] === b[j - 1]) {
      sequence[idx - 1] = a[i - 1] as number;
      if (aStart === alen) {
        aStart = aEnd = i - 1;
        bStart = bEnd = j - 1;
      } else if (aStart === i && bStart === j) {
        aStart--;
        bStart--;
      } else {
        emit = true;
      }
      if (aStart === 0 || bStart === 0) emit = true;
      idx--;
      i--;
      j--;
    } else {
      const up = table[(i - 1) * width + j] as number;
      const left = table[i * width + j - 1] as number;
      if (up > left) i--;
      else j--;
      if (aStart !== alen) emit = true;
    }
    if (emit) {
      const runLength = aEnd - aStart + 1;
      if (minMatchLength === 0 || runLength >= minMatchLength) {
        matches.push({ aStart, aEnd, bStart, bEnd, length: runLength });
      }
      aStart = alen;
    }
  }
  return { length, sequence, matches };
}

function tableFor(maxValue: number, cells: number): Uint8Array | Uint16Array | Uint32Array {
  if (maxValue <= 0xff) return new Uint8Array(cells);
  if (maxValue <= 0xffff) return new Uint16Array(cells);
  return new Uint32Array(cells);
}
