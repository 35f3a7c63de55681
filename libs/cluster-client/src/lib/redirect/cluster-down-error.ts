// `-CLUSTERDOWN The cluster is down` / `... Hash slot not served` / `... only accepts read commands`:
// the node cannot serve the slot right now (redis src/cluster.c `clusterRedirectClient`). The client
// refreshes its topology and retries after a delay, a bounded number of times. No I/O here.
import { hasPrefix } from './try-again-error.js';

export class ClusterDownError extends Error {
  override readonly name = 'ClusterDownError';
  /** The RESP error prefix. */
  readonly code = 'CLUSTERDOWN';
  /** Discriminant of the redirect table (`redirect-table.ts`). */
  readonly kind = 'clusterdown';

  /** The CLUSTERDOWN reply in `text` (without its `-`), or null when `text` is something else. */
  static parse(text: string): ClusterDownError | null {
    return hasPrefix(text, 'CLUSTERDOWN') ? new ClusterDownError(text) : null;
  }
}
