import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../errors.js';
import {
  DEFAULT_CLUSTER_CLIENT_OPTIONS,
  resolveClusterClientOptions,
  type ClusterClientOptions,
} from './cluster-client-options.js';

describe('resolveClusterClientOptions', () => {
  it('fills in the documented defaults', () => {
    const resolved = resolveClusterClientOptions({ seeds: ['127.0.0.1:7000'] });
    expect(resolved).toMatchObject(DEFAULT_CLUSTER_CLIENT_OPTIONS);
    expect(resolved.connection).toEqual({
      connectTimeoutMs: 10_000,
      commandTimeoutMs: 10_000,
      protocol: 2,
      replyStrings: 'utf8',
    });
    expect(resolved.seeds).toEqual([{ host: '127.0.0.1', port: 7000, key: '127.0.0.1:7000' }]);
  });

  it('lets undefined options fall back to their defaults', () => {
    expect(resolveClusterClientOptions({ seeds: ['h:1'], maxRedirections: undefined }).maxRedirections).toBe(
      16,
    );
  });

  it.each([
    [{ seeds: [] }, /seeds/],
    [{ seeds: ['nope'] }, /seeds/],
    [{ seeds: ['h:1'], maxRedirections: -1 }, /maxRedirections/],
    [{ seeds: ['h:1'], connectionsPerNode: 0 }, /connectionsPerNode/],
    [{ seeds: ['h:1'], tryAgainDelayMs: Number.NaN }, /tryAgainDelayMs/],
    [{ seeds: ['h:1'], connectTimeoutMs: 0 }, /connectTimeoutMs/],
    [{ seeds: ['h:1'], commandTimeoutMs: -5 }, /commandTimeoutMs/],
    [{ seeds: ['h:1'], topologyRefreshTimeoutMs: 0 }, /topologyRefreshTimeoutMs/],
    [{ seeds: ['h:1'], protocol: 4 }, /protocol/],
    [{ seeds: ['h:1'], username: 'ops' }, /username needs a password/],
    [{ seeds: ['h:1'], scaleReads: 'slaves' }, /scaleReads/],
    [{ seeds: ['h:1'], stringArgs: 'ascii' }, /stringArgs/],
  ])('rejects %j with an InvalidOptionError naming the option', (options, message) => {
    const resolve = () => resolveClusterClientOptions(options as unknown as ClusterClientOptions);
    expect(resolve).toThrow(InvalidOptionError);
    expect(resolve).toThrow(message);
  });
});
