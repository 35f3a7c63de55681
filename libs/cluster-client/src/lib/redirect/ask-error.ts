// `-ASK <slot> <host>:<port>`: the slot is being migrated and this key is already on the target (redis
// src/cluster.c `getNodeByQuery`). The client sends `ASKING` + the command to the target once and leaves
// its slot table alone. Parsed once from the reply text; no I/O here.
import { formatSlotEndpoint, parseSlotEndpoint } from './parse-slot-endpoint.js';

export class AskError extends Error {
  override readonly name = 'AskError';
  /** The RESP error prefix. */
  readonly code = 'ASK';
  /** Discriminant of the redirect table (`redirect-table.ts`). */
  readonly kind = 'ask';

  constructor(
    readonly slot: number,
    /** `''` means "the host of the node that replied" (unknown endpoint). */
    readonly host: string,
    readonly port: number,
    options?: ErrorOptions,
  ) {
    super(formatSlotEndpoint('ASK', { slot, host, port }), options);
  }

  /** The redirect in `text` (an error reply without its `-`), or null when `text` is not a valid ASK. */
  static parse(text: string): AskError | null {
    const parsed = parseSlotEndpoint('ASK', text);
    return parsed === null ? null : new AskError(parsed.slot, parsed.host, parsed.port);
  }
}
