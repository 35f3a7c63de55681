// Test support: the chunkings every parser test runs (style rule 4): the whole text, character by character,
// and random splits from a seed, as strings or as UTF-8 byte chunks.

export const SPLIT_MODES = ['whole', 'char-by-char', 'random-split'] as const;
export type SplitMode = (typeof SPLIT_MODES)[number];

export function splitText(text: string, mode: SplitMode, seed = 7): string[] {
  if (mode === 'whole') return [text];
  if (mode === 'char-by-char') return [...text];
  const chunks: string[] = [];
  let state = seed >>> 0;
  for (let at = 0; at < text.length;) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const size = 1 + (state % Math.min(97, text.length - at));
    chunks.push(text.slice(at, at + size));
    at += size;
  }
  return chunks;
}

/** Byte chunks of the UTF-8 encoding of `text`, cut at `offsets` (which may fall inside a character). */
export function splitBytesAt(text: string, offsets: readonly number[]): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const cuts = [...new Set(offsets.map((o) => o % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    if (cut > from) chunks.push(bytes.slice(from, cut));
    from = Math.max(from, cut);
  }
  return chunks;
}
