// Redis's glob-style pattern matching (stringmatchlen in redis src/util.c): `*`, `?`, `[abc]`, `[^a]`,
// `[a-z]`, and `\` escapes, over byte strings. Consecutive `*` collapse and matching is iterative with
// one backtrack point, so hostile patterns (`*a*a*a...b`) cost O(pattern x string), never exponential
// (CVE-2022-36021).

export function globMatch(pattern: string, text: string, nocase = false): boolean {
  let p = 0;
  let t = 0;
  let starP = -1;
  let starT = 0;
  const plen = pattern.length;
  const tlen = text.length;
  while (t < tlen) {
    if (p < plen) {
      const pc = pattern.charCodeAt(p);
      if (pc === 42 /* * */) {
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

/** Matches one text char against the pattern element at `p`; returns the element's length, or 0 on mismatch. */
function matchOne(pattern: string, p: number, c: number, nocase: boolean): number {
  const pc = pattern.charCodeAt(p);
  if (pc === 63 /* ? */) return 1;
  if (pc === 91 /* [ */) return matchClass(pattern, p, c, nocase);
  if (pc === 92 /* \ */ && p + 1 < pattern.length) {
    return eq(pattern.charCodeAt(p + 1), c, nocase) ? 2 : 0;
  }
  return eq(pc, c, nocase) ? 1 : 0;
}

function matchClass(pattern: string, start: number, c: number, nocase: boolean): number {
  let p = start + 1;
  const negate = pattern.charCodeAt(p) === 94; /* ^ */
  if (negate) p++;
  let matched = false;
  const plen = pattern.length;
  for (;;) {
    if (p >= plen) {
      // Unterminated class: Redis treats the end of pattern as closing it.
      p = plen - 1;
      break;
    }
    const pc = pattern.charCodeAt(p);
    if (pc === 93 /* ] */) break;
    if (pc === 92 && p + 2 < plen + 1 && p + 1 < plen) {
      p++;
      if (eq(pattern.charCodeAt(p), c, nocase)) matched = true;
    } else if (p + 2 < plen && pattern.charCodeAt(p + 1) === 45 /* - */) {
      let lo = pc;
      let hi = pattern.charCodeAt(p + 2);
      if (lo > hi) [lo, hi] = [hi, lo];
      let cc = c;
      if (nocase) {
        lo = lower(lo);
        hi = lower(hi);
        cc = lower(c);
      }
      if (cc >= lo && cc <= hi) matched = true;
      p += 2;
    } else if (eq(pc, c, nocase)) {
      matched = true;
    }
    p++;
  }
  if (negate) matched = !matched;
  return matched ? p - start + 1 : 0;
}

function eq(a: number, b: number, nocase: boolean): boolean {
  return a === b || (nocase && lower(a) === lower(b));
}

function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}
