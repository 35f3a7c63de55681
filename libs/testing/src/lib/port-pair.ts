// Picks client ports for cluster nodes whose bus port (client port + 10000, Redis's rule) is free too.
// Ports come from a fixed band below the kernel's ephemeral range: outgoing connections of any process on
// the machine take ephemeral ports, so a node killed and restarted in a test could find its port (or its
// bus port) taken by some client socket if we picked from there, as `freePort()` (bind port 0) does.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Redis's bus port rule: `cluster-port 0` means client port + 10000. */
export const BUS_PORT_OFFSET = 10_000;

export interface PortPairRange {
  /** Lowest client port. */
  readonly min: number;
  /** Highest client port (its bus port, `max + offset`, must stay below the ephemeral range). */
  readonly max: number;
}

export interface PickPortPairOptions {
  /** Client ports to choose from. */
  readonly range: PortPairRange;
  /** Bus port = client port + offset. @default 10000 */
  readonly offset?: number;
  /** True when `port` can be bound now. */
  readonly isFree: (port: number) => Promise<boolean>;
  /** Client ports already handed out (by this process), never returned again; the pick is added. */
  readonly reserved: Set<number>;
  /** A number in [0, 1): where the search starts. @default Math.random */
  readonly random?: () => number;
  /** Candidates tried before giving up. @default 200 */
  readonly attempts?: number;
}

/**
 * The client port band for `offset`: from 20000 up to the highest port whose bus port is still below the
 * kernel's ephemeral range (`/proc/sys/net/ipv4/ip_local_port_range`, 32768 on Linux by default), that is
 * 20000..22767 here. Falls back to 20000..45000 when the ephemeral range leaves no room below it.
 */
export function portPairRange(offset = BUS_PORT_OFFSET, ephemeralLow = ephemeralRangeStart()): PortPairRange {
  const min = 20_000;
  const max = ephemeralLow - 1 - offset;
  return max - min >= 500 ? { min, max } : { min, max: Math.min(45_000, 65_535 - offset) };
}

/**
 * A client port whose bus port is free as well, starting at a random point of the band and walking it
 * with a stride (so parallel callers in other processes rarely collide). Pure apart from `isFree`.
 */
export async function pickPortPair(options: PickPortPairOptions): Promise<number> {
  const { range, isFree, reserved } = options;
  const offset = options.offset ?? BUS_PORT_OFFSET;
  const size = range.max - range.min + 1;
  if (size <= 0) throw new RangeError(`empty port range ${range.min}..${range.max}`);
  const random = options.random ?? Math.random;
  const attempts = Math.min(options.attempts ?? 200, size);
  const stride = coprimeStride(size);
  let port = range.min + Math.floor(random() * size);
  for (let tried = 0; tried < attempts; tried++) {
    if (!reserved.has(port) && (await isFree(port)) && (await isFree(port + offset))) {
      reserved.add(port);
      return port;
    }
    port = range.min + ((port - range.min + stride) % size);
  }
  throw new Error(`no free port pair (p, p+${offset}) in ${range.min}..${range.max} after ${attempts} tries`);
}

/** A step near 0.618 × size that is coprime with size, so the walk visits every port of the band once. */
function coprimeStride(size: number): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  let stride = Math.max(1, Math.floor(size * 0.618));
  while (gcd(stride, size) !== 1) stride++;
  return stride;
}

const handedOut = new Set<number>();

/**
 * A free client port `p` with `p + 10000` free too, on 127.0.0.1, never the same twice in this process
 * (a stopped node keeps its ports for its restart).
 */
export function freePortPair(host = '127.0.0.1', offset = BUS_PORT_OFFSET): Promise<number> {
  return pickPortPair({
    range: portPairRange(offset),
    offset,
    reserved: handedOut,
    isFree: (port) => canBind(port, host),
  });
}

/** True when `port` can be bound on `host` right now. */
export function canBind(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

function ephemeralRangeStart(): number {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/);
    const value = Number(low);
    return Number.isInteger(value) && value > 1024 ? value : 32_768;
  } catch {
    return 32_768;
  }
}
