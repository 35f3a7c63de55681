// Settings shared by every connection a client opens (timeouts, credentials, protocol), with their
// defaults and validation. Types and pure functions only; no I/O here.
import { InvalidOptionError } from '../errors.js';

export interface ConnectionSettings {
  /**
   * Longest time for the TCP connect plus the handshake (HELLO/AUTH/SETNAME/READONLY); then the
   * connection fails with TimeoutError (phase `connect`).
   * @default 10000
   */
  connectTimeoutMs?: number;
  /**
   * Longest wait for the reply to one command; then it fails with TimeoutError (phase `command`). The
   * connection stays up (the late reply is discarded). 0 waits forever.
   * @default 10000
   */
  commandTimeoutMs?: number;
  /**
   * ACL user name sent with AUTH / HELLO AUTH. Without it, AUTH authenticates the `default` user.
   * @default undefined
   */
  username?: string;
  /**
   * Password sent with AUTH (or HELLO 3 AUTH) when connecting. Never logged.
   * @default undefined (no AUTH)
   */
  password?: string;
  /**
   * RESP version: 2 sends no HELLO (what ioredis does by default); 3 sends `HELLO 3`, so replies may be
   * maps, sets, doubles and pushes.
   * @default 2
   */
  protocol?: 2 | 3;
  /**
   * Connection name set with CLIENT SETNAME (or HELLO SETNAME), shown by CLIENT LIST.
   * @default undefined
   */
  clientName?: string;
  /**
   * How blob-string replies are returned: decoded as UTF-8 text, latin1 byte strings, or Buffers.
   * @default 'utf8'
   */
  replyStrings?: 'utf8' | 'latin1' | 'buffer';
}

export type ResolvedConnectionSettings = Required<
  Omit<ConnectionSettings, 'username' | 'password' | 'clientName'>
> &
  Pick<ConnectionSettings, 'username' | 'password' | 'clientName'>;

export const DEFAULT_CONNECTION_SETTINGS = Object.freeze({
  connectTimeoutMs: 10_000,
  commandTimeoutMs: 10_000,
  protocol: 2,
  replyStrings: 'utf8',
} as const);

/** Settings with defaults filled in; throws InvalidOptionError naming the bad option. */
export function resolveConnectionSettings(settings: ConnectionSettings = {}): ResolvedConnectionSettings {
  const { connectTimeoutMs, commandTimeoutMs, username, password, protocol, clientName, replyStrings } =
    settings;
  const given = {
    connectTimeoutMs,
    commandTimeoutMs,
    username,
    password,
    protocol,
    clientName,
    replyStrings,
  };
  const resolved: ResolvedConnectionSettings = { ...DEFAULT_CONNECTION_SETTINGS, ...withoutUndefined(given) };
  requireDuration('connectTimeoutMs', resolved.connectTimeoutMs, false);
  requireDuration('commandTimeoutMs', resolved.commandTimeoutMs, true);
  if (resolved.protocol !== 2 && resolved.protocol !== 3) {
    throw new InvalidOptionError(`protocol must be 2 or 3, got ${String(resolved.protocol)}`);
  }
  if (!['utf8', 'latin1', 'buffer'].includes(resolved.replyStrings)) {
    throw new InvalidOptionError(`replyStrings must be 'utf8', 'latin1' or 'buffer'`);
  }
  if (resolved.username !== undefined && resolved.password === undefined) {
    throw new InvalidOptionError('username needs a password (AUTH <username> <password>)');
  }
  return resolved;
}

/** Throws unless `value` is a finite number of milliseconds (> 0, or >= 0 when zero is allowed). */
export function requireDuration(name: string, value: number, zeroAllowed: boolean): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (!zeroAllowed && value === 0)) {
    throw new InvalidOptionError(`${name} must be a number of milliseconds ${zeroAllowed ? '>= 0' : '> 0'}`);
  }
}

/** A copy of `object` without its undefined properties (so they do not override defaults). */
export function withoutUndefined<T extends object>(object: T): Partial<T> {
  const copy: Partial<T> = {};
  for (const [key, value] of Object.entries(object)) {
    if (value !== undefined) (copy as Record<string, unknown>)[key] = value;
  }
  return copy;
}
