// Test support: cuts one input into the chunkings every parser test runs (style guide rule 4):
// whole buffer, byte by byte, and random splits from a seeded generator. Each chunk is a fresh copy,
// as a socket delivers it, so views into earlier chunks stay valid and aliasing bugs show.

export const SPLIT_MODES = ['whole-buffer', 'byte-by-byte', 'random-split'] as const;
export type SplitMode = (typeof SPLIT_MODES)[number];

/** The chunks of `input` for `mode`; `seed` fixes the random split (so failures replay). */
export function splitChunks(input: Uint8Array, mode: SplitMode, seed = 1): Buffer[] {
  if (mode === 'whole-buffer') return [Buffer.from(input)];
  if (mode === 'byte-by-byte') return Array.from(input, (byte) => Buffer.from([byte]));
  const random = mulberry32(seed);
  const chunks: Buffer[] = [];
  for (let at = 0; at < input.length;) {
    const size = 1 + Math.floor(random() * Math.min(64, input.length - at));
    chunks.push(Buffer.from(input.subarray(at, at + size)));
    at += size;
  }
  return chunks;
}

/** Chunks of `input` cut at the given offsets (fast-check generated). */
export function splitAt(input: Uint8Array, offsets: readonly number[]): Buffer[] {
  const cuts = [...new Set(offsets.map((o) => o % (input.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const cut of [...cuts, input.length]) {
    if (cut > from) chunks.push(Buffer.from(input.subarray(from, cut)));
    from = Math.max(from, cut);
  }
  return chunks;
}

/** Small seeded PRNG (mulberry32): deterministic random splits without a dependency. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
