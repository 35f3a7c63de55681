// `-MOVED <slot> <host>:<port>`: the slot is served by another node from now on (redis src/cluster.c
// `clusterRedirectClient`). The client patches its slot table, refreshes the topology and retries there.
// Parsed once from the reply text; no I/O here.
import { formatSlotEndpoint, parseSlotEndpoint } from './parse-slot-endpoint.js';

export class MovedError extends Error {
  override readonly name = 'MovedError';
  /** The RESP error prefix. */
  readonly code = 'MOVED';
  /** Discriminant of the redirect table (`redirect-table.ts`). */
  readonly kind = 'moved';

  constructor(
    readonly slot: number,
    /** `''` means "the host of the node that replied" (unknown endpoint). */
    readonly host: string,
    readonly port: number,
    options?: ErrorOptions,
  ) {
    super(formatSlotEndpoint('MOVED', { slot, host, port }), options);
  }

  /** The redirect in `text` (an error reply without its `-`), or null when `text` is not a valid MOVED. */
  static parse(text: string): MovedError | null {
    const parsed = parseSlotEndpoint('MOVED', text);
    return parsed === null ? null : new MovedError(parsed.slot, parsed.host, parsed.port);
  }
}
