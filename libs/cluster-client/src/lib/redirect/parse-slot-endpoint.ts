// Strict parser of the `<KIND> <slot> <host>:<port>` text shared by MOVED and ASK replies
// (redis src/cluster.c `clusterRedirectClient`). Accepts exactly what Redis writes and nothing else, so
// that a parsed redirect always prints back to the same text. Pure: no I/O.
// Spec: https://redis.io/docs/latest/operate/oss_and_stack/reference/cluster-spec/#moved-redirection
import { parseSlot } from '@tessera/slot';

export interface SlotEndpoint {
  readonly slot: number;
  /** `''` when the node has no known endpoint (`MOVED 3999 :6381`): use the host of the node that replied. */
  readonly host: string;
  readonly port: number;
}

/** Host characters accepted: IPv4/IPv6 literals and DNS names. `?` (unknown endpoint) is not usable. */
const HOST = /^[A-Za-z0-9._:-]{0,255}$/;
const PORT = /^[1-9][0-9]{0,4}$/;

/** Parses `text` when it is `<kind> <slot> <host>:<port>` with a valid slot and port; otherwise null. */
export function parseSlotEndpoint(kind: string, text: string): SlotEndpoint | null {
  if (!text.startsWith(kind) || text.charCodeAt(kind.length) !== 0x20) return null;
  const parts = text.slice(kind.length + 1).split(' ');
  if (parts.length !== 2) return null;
  const [slotText, endpoint] = parts as [string, string];
  const slot = parseSlot(slotText);
  if (slot === null) return null;
  // The port follows the last ':' so that IPv6 hosts (`::1:7000`) keep their colons.
  const colon = endpoint.lastIndexOf(':');
  if (colon < 0) return null;
  const host = endpoint.slice(0, colon);
  const portText = endpoint.slice(colon + 1);
  if (!HOST.test(host) || !PORT.test(portText)) return null;
  const port = Number(portText);
  if (port > 65535) return null;
  return { slot, host, port };
}

/** The wire text of a slot redirect: the inverse of {@link parseSlotEndpoint}. */
export function formatSlotEndpoint(kind: string, { slot, host, port }: SlotEndpoint): string {
  return `${kind} ${slot} ${host}:${port}`;
}
