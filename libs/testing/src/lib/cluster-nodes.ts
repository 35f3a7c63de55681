// Parses a CLUSTER NODES reply strictly, as redis-cli and redis-benchmark read it (redis `clusterGenNodeDescription`,
// redis-cli `clusterManagerNodeLoadInfo`), and reduces it to what two nodes must agree on. Tests use it as an
// oracle independent of the product's own renderer (libs/cluster-model), so a format slip fails here too.
// No I/O here.

/** Flags in the order Redis prints them (`redisNodeFlagsTable`); `noflags` when none is set. */
export const CLUSTER_NODE_FLAGS = [
  'myself',
  'master',
  'slave',
  'fail?',
  'fail',
  'handshake',
  'noaddr',
  'nofailover',
  'noflags',
] as const;

export type ClusterNodeFlag = (typeof CLUSTER_NODE_FLAGS)[number];

/** One open slot on the `myself` line: `[slot->-id]` (migrating to id) or `[slot-<-id]` (importing from id). */
export interface OpenSlot {
  readonly slot: number;
  readonly state: 'migrating' | 'importing';
  readonly nodeId: string;
}

/** One line of CLUSTER NODES. */
export interface ClusterNodesLine {
  readonly id: string;
  readonly ip: string;
  readonly port: number;
  readonly busPort: number;
  /** `,hostname` after the bus port; empty when not announced. */
  readonly hostname: string;
  readonly flags: readonly ClusterNodeFlag[];
  /** The master's id for a replica, null for `-`. */
  readonly masterId: string | null;
  readonly pingSent: number;
  readonly pongReceived: number;
  /** A master's configEpoch; for a replica, its master's. */
  readonly configEpoch: number;
  readonly link: 'connected' | 'disconnected';
  /** Inclusive slot ranges, as printed. */
  readonly slots: readonly (readonly [number, number])[];
  readonly openSlots: readonly OpenSlot[];
  /** The line as received, without its `\n`. */
  readonly text: string;
}

export class ClusterNodesFormatError extends Error {
  readonly code = 'RC_ERR_CLUSTER_NODES_FORMAT';
  constructor(message: string, line: string, options?: ErrorOptions) {
    super(`CLUSTER NODES: ${message} in line '${line}'`, options);
    this.name = 'ClusterNodesFormatError';
  }
}

const NODE_ID = /^[0-9a-f]{40}$/;
const SLOT_MAX = 16383;

/**
 * Parses a whole CLUSTER NODES reply. Every line must end in `\n`, the last one included (redis-cli drops a
 * last line without it); anything Redis would not print throws ClusterNodesFormatError.
 */
export function parseClusterNodes(text: string): ClusterNodesLine[] {
  if (text === '') return [];
  if (!text.endsWith('\n')) throw new ClusterNodesFormatError('the last line does not end in \\n', text);
  return text.slice(0, -1).split('\n').map(parseClusterNodesLine);
}

export function parseClusterNodesLine(line: string): ClusterNodesLine {
  const fail = (message: string): never => {
    throw new ClusterNodesFormatError(message, line);
  };
  const tokens = line.split(' ');
  if (tokens.length < 8) fail('fewer than 8 fields');
  const [id = '', address = '', flagText = '', master = '', ping = '', pong = '', epoch = '', link = ''] =
    tokens;
  if (!NODE_ID.test(id)) fail(`node id '${id}' is not 40 lowercase hex characters`);
  // redis-cli parseClusterNodeAddress: the last '@', then the last ':' before it (IPv6 works).
  const at = address.lastIndexOf('@');
  const colon = at < 0 ? -1 : address.lastIndexOf(':', at);
  if (colon < 0) fail(`address '${address}' is not ip:port@cport`);
  const [busText = '', ...hostParts] = address.slice(at + 1).split(',');
  const flags = flagText.split(',');
  const order = flags.map((flag) => (CLUSTER_NODE_FLAGS as readonly string[]).indexOf(flag));
  const unknown = flags.find((_, i) => order[i] === -1);
  if (unknown !== undefined) fail(`unknown flag '${unknown}'`);
  if (order.some((rank, i) => i > 0 && rank <= (order[i - 1] ?? -1))) fail('flags out of Redis order');
  if (master !== '-' && !NODE_ID.test(master)) fail(`master id '${master}' is not a node id`);
  if (link !== 'connected' && link !== 'disconnected') fail(`link state '${link}'`);
  const slots: [number, number][] = [];
  const openSlots: OpenSlot[] = [];
  for (const token of tokens.slice(8)) {
    const open = /^\[(\d+)-([<>])-([0-9a-f]{40})\]$/.exec(token);
    const range = /^(\d+)(?:-(\d+))?$/.exec(token);
    if (open) {
      const [, slot = '', arrow, nodeId = ''] = open;
      openSlots.push({ slot: slotOf(slot, fail), state: arrow === '>' ? 'migrating' : 'importing', nodeId });
    } else if (range) {
      const [, first = '', last] = range;
      const start = slotOf(first, fail);
      const end = last === undefined ? start : slotOf(last, fail);
      if (end < start) fail(`slot range '${token}' runs backwards`);
      slots.push([start, end]);
    } else {
      fail(`slot token '${token}'`);
    }
  }
  return {
    id,
    ip: address.slice(0, colon),
    port: integerOf(address.slice(colon + 1, at), 'port', fail),
    busPort: integerOf(busText, 'bus port', fail),
    hostname: hostParts.join(','),
    flags: flags as ClusterNodeFlag[],
    masterId: master === '-' ? null : master,
    pingSent: integerOf(ping, 'ping_sent', fail),
    pongReceived: integerOf(pong, 'pong_recv', fail),
    configEpoch: integerOf(epoch, 'configEpoch', fail),
    link: link as 'connected' | 'disconnected',
    slots,
    openSlots,
    text: line,
  };
}

function integerOf(text: string, what: string, fail: (message: string) => never): number {
  if (!/^\d+$/.test(text)) fail(`${what} '${text}' is not a non-negative integer`);
  return Number(text);
}

function slotOf(text: string, fail: (message: string) => never): number {
  const slot = integerOf(text, 'slot', fail);
  if (slot > SLOT_MAX) fail(`slot ${slot} is out of 0..${SLOT_MAX}`);
  return slot;
}

/** The line of the node that answered. */
export function myselfOf(lines: readonly ClusterNodesLine[]): ClusterNodesLine {
  const myself = lines.find((line) => line.flags.includes('myself'));
  if (myself === undefined) throw new Error('CLUSTER NODES has no myself line');
  return myself;
}

/** `a-b a c-d`: the slot ranges as Redis prints them. */
export function formatSlots(slots: readonly (readonly [number, number])[]): string {
  return slots.map(([start, end]) => (start === end ? `${start}` : `${start}-${end}`)).join(' ');
}

/**
 * What every node of a converged cluster prints alike: per node `id ip:port@cport role master epoch slots`,
 * sorted. Dropped: `myself`, ping/pong times and link state (they depend on the observer), open slots (only
 * on the myself line), and failure flags (see `unhealthyFlags`).
 */
export function clusterView(lines: readonly ClusterNodesLine[]): string[] {
  return lines
    .map((line) => {
      const role = line.flags.includes('slave') ? 'slave' : line.flags.includes('master') ? 'master' : '?';
      return [
        line.id,
        `${line.ip}:${line.port}@${line.busPort}`,
        role,
        line.masterId ?? '-',
        line.configEpoch,
        formatSlots(line.slots),
      ]
        .join(' ')
        .trimEnd();
    })
    .sort();
}

/** Lines whose flags or link say something is wrong: fail?, fail, handshake, noaddr, or disconnected. */
export function unhealthyLines(lines: readonly ClusterNodesLine[]): ClusterNodesLine[] {
  return lines.filter(
    (line) =>
      line.link === 'disconnected' ||
      line.flags.some(
        (flag) => flag === 'fail?' || flag === 'fail' || flag === 'handshake' || flag === 'noaddr',
      ),
  );
}

/** One node's CLUSTER NODES, with the client port of the node that printed it. */
export interface ObservedView {
  readonly port: number;
  readonly lines: readonly ClusterNodesLine[];
}

/**
 * True when every observer lists exactly the nodes on `ports`, none of them failing, in a handshake or
 * disconnected, and all print the same `clusterView`; otherwise what the first disagreement is.
 */
export function agreementProblem(views: readonly ObservedView[], ports: readonly number[]): true | string {
  const expected = [...ports].sort((a, b) => a - b).join(', ');
  for (const { port, lines } of views) {
    const seen = lines
      .map((line) => line.port)
      .sort((a, b) => a - b)
      .join(', ');
    if (seen !== expected) return `${port} lists ports ${seen}, expected ${expected}`;
    const bad = unhealthyLines(lines);
    if (bad.length > 0) return `${port} sees ${bad.map((line) => line.text).join(' | ')}`;
  }
  const [first, ...others] = views.map((view) => ({
    port: view.port,
    text: JSON.stringify(clusterView(view.lines)),
  }));
  const differing = others.find((other) => other.text !== first?.text);
  return differing === undefined
    ? true
    : `${first?.port} prints ${first?.text} but ${differing.port} prints ${differing.text}`;
}
