// `-TRYAGAIN Multiple keys request during rehashing of slot`: a multi-key command hit a slot being
// migrated with only some of its keys here (redis src/cluster.c `getNodeByQuery`). The client retries the
// same command after a delay. Parsed once from the reply text; no I/O here.

export class TryAgainError extends Error {
  override readonly name = 'TryAgainError';
  /** The RESP error prefix. */
  readonly code = 'TRYAGAIN';
  /** Discriminant of the redirect table (`redirect-table.ts`). */
  readonly kind = 'tryagain';

  /** The TRYAGAIN reply in `text` (without its `-`), or null when `text` is something else. */
  static parse(text: string): TryAgainError | null {
    return hasPrefix(text, 'TRYAGAIN') ? new TryAgainError(text) : null;
  }
}

/** True when `text` is `prefix` alone or `prefix` followed by a space (the RESP error code rule). */
export function hasPrefix(text: string, prefix: string): boolean {
  return (
    text.startsWith(prefix) && (text.length === prefix.length || text.charCodeAt(prefix.length) === 0x20)
  );
}
