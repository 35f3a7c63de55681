// Parsing of one node line, the grammar shared by CLUSTER NODES and nodes.conf (redis `clusterLoadConfig`,
// redis-cli `clusterManagerNodeLoadInfo` / `parseClusterNodeAddress`):
//   <id> <ip>:<port>@<cport>[,<hostname>][,<aux>=<value>]... <flags> <master|-> <ping> <pong> <epoch> <link> <slot>...
// Every field is validated (stricter than Redis's atoi where Redis would accept garbage): ids are 40 lowercase
// hex, numbers canonical decimals, ports 0..65535, slots 0..16383, flags from the table; migration tokens are
// `[slot->-id]` / `[slot-<-id]`. Aux fields (nodes.conf only) are Redis 7.2's: shard-id, nodename, tcp-port,
// tls-port; an unknown one is an error, as in Redis. Returns a problem string instead of throwing; the calling
// parser wraps it in its typed error with the line number. Internal to the lib. Pure: no I/O.
import { parseRangeToken, parseSlot, SlotError, type SlotRange } from '@tessera/slot';
import type { LinkState } from '../model/cluster-node.js';
import { quote } from '../model/errors.js';
import { parseEpoch } from '../model/epoch.js';
import { normalizeIp } from '../model/ip-address.js';
import { parseFlags, type NodeFlag } from '../model/node-flags.js';
import { isNodeId, type NodeId } from '../model/node-id.js';
import { isValidHostname } from '../transitions/validate-message.js';

/** One node line, as written. */
export interface ParsedNodeLine {
  readonly id: NodeId;
  readonly ip: string;
  readonly port: number;
  readonly busPort: number;
  readonly hostname?: string;
  /** From the `shard-id=` aux field (nodes.conf of Redis 7.2+). */
  readonly shardId?: NodeId;
  readonly flags: readonly NodeFlag[];
  readonly masterId: NodeId | null;
  readonly pingSent: number;
  readonly pongReceived: number;
  /** The epoch column (a replica's line shows its master's configEpoch). */
  readonly configEpoch: bigint;
  readonly link: LinkState;
  readonly slots: readonly SlotRange[];
  readonly migrating: readonly { readonly slot: number; readonly nodeId: NodeId }[];
  readonly importing: readonly { readonly slot: number; readonly nodeId: NodeId }[];
}

/** Splits a line into tokens on whitespace, as sdssplitargs does for our grammar. */
export function tokenize(line: string): string[] {
  return line.split(/[ \t\r\v\f]+/).filter((token) => token.length > 0);
}

const DECIMAL = /^(?:0|[1-9][0-9]*)$/;
const AUX_VALUE = /^[^\s,=]*$/;
const MIGRATING = /^\[(0|[1-9][0-9]{0,4})->-([0-9a-f]{40})\]$/;
const IMPORTING = /^\[(0|[1-9][0-9]{0,4})-<-([0-9a-f]{40})\]$/;

/** Parses the tokens of one node line; `allowAux` accepts nodes.conf aux fields. */
export function parseNodeTokens(tokens: readonly string[], allowAux: boolean): ParsedNodeLine | string {
  if (tokens.length < 8) return `a node line needs at least 8 fields, got ${tokens.length}`;
  const [id, addressField, flagsField, masterField, pingField, pongField, epochField, linkField] = tokens as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (!isNodeId(id)) return `node id ${quote(id)} is not 40 lowercase hex characters`;
  const address = parseAddressField(addressField, allowAux);
  if (typeof address === 'string') return address;
  const flags = parseFlags(flagsField);
  if (flags === null) return `unknown flag in ${quote(flagsField)}`;
  if (masterField !== '-' && !isNodeId(masterField))
    return `master id ${quote(masterField)} is not a node id or -`;
  const pingSent = timestamp(pingField);
  const pongReceived = timestamp(pongField);
  if (pingSent === null || pongReceived === null)
    return 'ping_sent and pong_recv must be non-negative integers';
  const configEpoch = parseEpoch(epochField);
  if (configEpoch === null) return `config epoch ${quote(epochField)} is not a uint64 in decimal`;
  if (linkField !== 'connected' && linkField !== 'disconnected') {
    return `link state must be connected or disconnected, got ${quote(linkField)}`;
  }
  const slots: SlotRange[] = [];
  const migrating: { slot: number; nodeId: NodeId }[] = [];
  const importing: { slot: number; nodeId: NodeId }[] = [];
  for (const token of tokens.slice(8)) {
    if (token.startsWith('[')) {
      const problem = parseMigrationToken(token, migrating, importing);
      if (problem) return problem;
      continue;
    }
    try {
      slots.push(parseRangeToken(token));
    } catch (error) {
      if (error instanceof SlotError) return `slot token ${quote(token)}: ${error.message}`;
      throw error;
    }
  }
  return {
    id,
    ...address,
    flags,
    masterId: masterField === '-' ? null : masterField,
    pingSent,
    pongReceived,
    configEpoch,
    link: linkField,
    slots,
    migrating,
    importing,
  };
}

interface ParsedAddress {
  ip: string;
  port: number;
  busPort: number;
  hostname?: string;
  shardId?: NodeId;
}

function parseAddressField(field: string, allowAux: boolean): ParsedAddress | string {
  const parts = field.split(',');
  const main = parts[0] as string;
  const colon = main.lastIndexOf(':');
  if (colon < 0) return `address ${quote(main)} has no :port`;
  const ip = main.slice(0, colon);
  if (ip !== '' && normalizeIp(ip) === null) return `address ${quote(ip)} is not an IPv4 or IPv6 address`;
  const at = main.indexOf('@', colon);
  const portText = at < 0 ? main.slice(colon + 1) : main.slice(colon + 1, at);
  let port = portNumber(portText);
  if (port === null) return `port ${quote(portText)} is not in 0..65535`;
  // Files older than Redis 4 have no @cport: the bus port is then port + 10000.
  const busPort = at < 0 ? port + 10_000 : portNumber(main.slice(at + 1));
  if (busPort === null || busPort > 65535) return `bus port in ${quote(main)} is not in 0..65535`;
  const result: ParsedAddress = { ip, port, busPort };
  const hostname = parts[1];
  if (hostname) {
    if (!isValidHostname(hostname)) return `hostname ${quote(hostname)} has characters Redis does not allow`;
    result.hostname = hostname;
  }
  if (parts.length > 2 && !allowAux)
    return `unexpected aux fields in ${quote(field)} (only nodes.conf has them)`;
  for (const aux of parts.slice(2)) {
    const eq = aux.indexOf('=');
    const key = eq < 0 ? aux : aux.slice(0, eq);
    const value = eq < 0 ? '' : aux.slice(eq + 1);
    if (eq < 0 || !AUX_VALUE.test(value)) return `aux field ${quote(aux)} is not <name>=<value>`;
    if (key === 'shard-id') {
      if (!isNodeId(value)) return `shard-id ${quote(value)} is not 40 lowercase hex characters`;
      result.shardId = value;
    } else if (key === 'tcp-port' || key === 'tls-port') {
      const auxPort = portNumber(value);
      if (auxPort === null) return `${key} ${quote(value)} is not in 0..65535`;
      // With tcp-port present the main port is the TLS one; tessera serves plain TCP, so keep the TCP port.
      if (key === 'tcp-port') port = auxPort;
      result.port = port;
    } else if (key !== 'nodename') {
      return `unknown aux field ${quote(key)}`;
    }
  }
  return result;
}

function parseMigrationToken(
  token: string,
  migrating: { slot: number; nodeId: NodeId }[],
  importing: { slot: number; nodeId: NodeId }[],
): string | null {
  const out = MIGRATING.exec(token);
  const into = out ? null : IMPORTING.exec(token);
  const match = out ?? into;
  const slot = match ? parseSlot(match[1] as string) : null;
  if (!match || slot === null) return `migration token ${quote(token)} is not [slot->-id] or [slot-<-id]`;
  (out ? migrating : importing).push({ slot, nodeId: match[2] as NodeId });
  return null;
}

function portNumber(text: string): number | null {
  if (!DECIMAL.test(text) || text.length > 5) return null;
  const value = Number(text);
  return value <= 65535 ? value : null;
}

function timestamp(text: string): number | null {
  if (!DECIMAL.test(text) || text.length > 16) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}
