// The end ZMPOP and BZMPOP pop from: MIN (lowest scores first) or MAX.

/** Parses MIN or MAX (any case) as `max`; null for anything else (the caller replies with a syntax error). */
export function parseMinMax(text: string): boolean | null {
  const upper = text.toUpperCase();
  if (upper === 'MIN') return false;
  if (upper === 'MAX') return true;
  return null;
}
