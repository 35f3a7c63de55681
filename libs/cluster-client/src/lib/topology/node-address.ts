// Node addresses: `host` + `port` plus the `host:port` key used for pooling and for comparing redirect
// targets (ioredis keys connections the same way, so MOVED and CLUSTER SLOTS must spell hosts alike).
// Seeds given by the caller are validated here. No I/O here.
import { InvalidOptionError } from '../errors.js';

export interface NodeAddress {
  readonly host: string;
  readonly port: number;
  /** `host:port`. */
  readonly key: string;
}

/** A seed as the caller writes it: `'host:port'` or `{ host, port }`. */
export type SeedAddress = string | { readonly host: string; readonly port: number };

export function nodeAddress(host: string, port: number): NodeAddress {
  return { host, port, key: `${host}:${port}` };
}

/** True when `port` is a TCP port a node can listen on. */
export function isValidPort(port: unknown): port is number {
  return typeof port === 'number' && Number.isInteger(port) && port >= 1 && port <= 65535;
}

/** Parses one node address; throws InvalidOptionError naming `option` when it is unusable. */
export function parseSeed(seed: SeedAddress, option = 'seeds'): NodeAddress {
  let host: string;
  let port: number;
  if (typeof seed === 'string') {
    const colon = seed.lastIndexOf(':');
    host = colon < 0 ? '' : seed.slice(0, colon);
    port = colon < 0 || !/^[0-9]{1,5}$/.test(seed.slice(colon + 1)) ? NaN : Number(seed.slice(colon + 1));
  } else {
    host = seed.host;
    port = seed.port;
  }
  if (typeof host !== 'string' || host.length === 0 || !isValidPort(port)) {
    throw new InvalidOptionError(
      `${option}: ${JSON.stringify(seed)} is not 'host:port' or { host, port } with a port in 1..65535`,
    );
  }
  return nodeAddress(host, port);
}
