// Redis's glob-style pattern matching (stringmatchlen in redis 7.0 src/util.c) over byte strings: `*`, `?`,
// `[abc]`, `[^a]`, `[a-z]` and `\` escapes, with Redis's quirks kept so KEYS, SCAN MATCH and PSUBSCRIBE
// select exactly what redis-server selects:
// - an empty string matches only the empty pattern (even `*` fails; KEYS and SCAN special-case a bare `*`);
// - an unterminated class ends at the end of the pattern, `[a-]` is the range `a`..`]`, range bounds are
//   compared as C's signed chars (bytes >= 0x80 are negative), and `\x` inside a class ignores nocase;
// - a pattern with more than 1000 `*` groups that are followed by something never matches (the recursion
//   limit added with CVE-2022-36021).
// Redis recurses at each `*`; every other element consumes exactly one byte, so one backtrack point (the
// last `*`) gives the same answer iteratively in O(pattern x string) time and no stack: hostile patterns
// such as `*a*a*a...b` cannot hang the server. No I/O.

/** Redis's stringmatchlen_impl gives up (no match) past this many nested `*` recursions. */
const MAX_STAR_NESTING = 1000;

export function globMatch(pattern: string, text: string, nocase = false): boolean {
  const plen = pattern.length;
  const tlen = text.length;
  if (tlen === 0) return plen === 0;
  // Over 1000 nested stars needs at least 2 bytes per star; only then count them.
  if (plen > 2 * MAX_STAR_NESTING && nestedStars(pattern) > MAX_STAR_NESTING) return false;
  let p = 0;
  let t = 0;
  let starP = -1;
  let starT = 0;
  while (t < tlen) {
    if (p < plen) {
      if (pattern.charCodeAt(p) === 42 /* * */) {
        while (p < plen && pattern.charCodeAt(p) === 42) p++;
        if (p === plen) return true;
        starP = p;
        starT = t;
        continue;
      }
      const consumed = matchOne(pattern, p, text.charCodeAt(t), nocase);
      if (consumed > 0) {
        p += consumed;
        t++;
        continue;
      }
    }
    if (starP === -1) return false;
    p = starP;
    t = ++starT;
  }
  while (p < plen && pattern.charCodeAt(p) === 42) p++;
  return p === plen;
}

/** Number of `*` groups followed by more pattern: the recursion depth Redis needs to match it all. */
function nestedStars(pattern: string): number {
  const plen = pattern.length;
  let count = 0;
  let p = 0;
  while (p < plen) {
    if (pattern.charCodeAt(p) === 42) {
      while (p < plen && pattern.charCodeAt(p) === 42) p++;
      if (p < plen) count++;
    } else {
      p += elementLength(pattern, p);
    }
  }
  return count;
}

/** Length of the pattern element at `p` (a class is parsed the same way whatever the text). */
function elementLength(pattern: string, p: number): number {
  const pc = pattern.charCodeAt(p);
  if (pc === 91 /* [ */) return classEnd(pattern, p) - p + 1;
  if (pc === 92 /* \ */ && p + 1 < pattern.length) return 2;
  return 1;
}

/** Matches one text byte against the element at `p`; returns the element's length, or 0 on mismatch. */
function matchOne(pattern: string, p: number, c: number, nocase: boolean): number {
  const pc = pattern.charCodeAt(p);
  if (pc === 63 /* ? */) return 1;
  if (pc === 91 /* [ */) return matchClass(pattern, p, c, nocase);
  if (pc === 92 /* \ */ && p + 1 < pattern.length) return eq(pattern.charCodeAt(p + 1), c, nocase) ? 2 : 0;
  return eq(pc, c, nocase) ? 1 : 0;
}

/** Index of the byte that closes the class opened at `start` (its `]`, or the pattern's last byte). */
function classEnd(pattern: string, start: number): number {
  const plen = pattern.length;
  let p = start + 1;
  if (p < plen && pattern.charCodeAt(p) === 94 /* ^ */) p++;
  for (;;) {
    if (p >= plen) return plen - 1;
    const pc = pattern.charCodeAt(p);
    if (pc === 92 && p + 1 < plen) p++;
    else if (pc === 93 /* ] */) return p;
    else if (p + 2 < plen && pattern.charCodeAt(p + 1) === 45 /* - */) p += 2;
    p++;
  }
}

function matchClass(pattern: string, start: number, c: number, nocase: boolean): number {
  const plen = pattern.length;
  let p = start + 1;
  const negate = p < plen && pattern.charCodeAt(p) === 94; /* ^ */
  if (negate) p++;
  let matched = false;
  for (;;) {
    if (p >= plen) {
      p = plen - 1; // unterminated: the class ends with the pattern
      break;
    }
    const pc = pattern.charCodeAt(p);
    if (pc === 92 /* \ */ && p + 1 < plen) {
      p++;
      if (pattern.charCodeAt(p) === c) matched = true;
    } else if (pc === 93 /* ] */) {
      break;
    } else if (p + 2 < plen && pattern.charCodeAt(p + 1) === 45 /* - */) {
      let lo = signed(pc);
      let hi = signed(pattern.charCodeAt(p + 2));
      let cc = signed(c);
      if (lo > hi) [lo, hi] = [hi, lo];
      if (nocase) {
        lo = lower(lo);
        hi = lower(hi);
        cc = lower(cc);
      }
      if (cc >= lo && cc <= hi) matched = true;
      p += 2;
    } else if (eq(pc, c, nocase)) {
      matched = true;
    }
    p++;
  }
  return matched !== negate ? p - start + 1 : 0;
}

/** A byte as C's (signed) char on x86/arm64 Linux builds of Redis. */
function signed(c: number): number {
  return c >= 128 ? c - 256 : c;
}

function eq(a: number, b: number, nocase: boolean): boolean {
  return a === b || (nocase && lower(a) === lower(b));
}

/** C's tolower in the "C" locale: ASCII letters only. */
function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}
