// Test support: runs a RequestDecoder over chunks and records what it emits as plain data (commands as
// latin1 strings, protocol errors as their message), plus the largest `bufferedBytes` seen after a feed.
import { RequestDecoder, type RequestLimits } from '../index.js';

export type RequestEvent = { command: string[] } | { error: string };

export interface RequestRun {
  events: RequestEvent[];
  /** Largest bufferedBytes observed after any feed(). */
  maxBuffered: number;
  /** bufferedBytes after the last feed(). */
  buffered: number;
  decoder: RequestDecoder;
}

/**
 * Feeds `chunks` to a fresh decoder. `onCommand` runs inside handler.command (to call setLimits, reset...).
 */
export function decodeRequests(
  chunks: readonly Buffer[],
  limits?: Partial<RequestLimits>,
  onCommand?: (args: Buffer[], decoder: RequestDecoder) => void,
): RequestRun {
  const events: RequestEvent[] = [];
  const decoder: RequestDecoder = new RequestDecoder(
    {
      command: (args) => {
        events.push({ command: args.map((a) => a.toString('latin1')) });
        onCommand?.(args, decoder);
      },
      protocolError: (error) => events.push({ error: error.message }),
    },
    limits,
  );
  let maxBuffered = 0;
  for (const chunk of chunks) {
    decoder.feed(chunk);
    maxBuffered = Math.max(maxBuffered, decoder.bufferedBytes);
  }
  return { events, maxBuffered, buffered: decoder.bufferedBytes, decoder };
}
