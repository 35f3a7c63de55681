// Node ids, flags, IP normalization and options: the small pure helpers every transition relies on.
import { describe, expect, it } from 'vitest';
import { FakeClock, SeededRandom } from '../../testing/fake-env.js';
import { resolveOptions } from './cluster-options.js';
import { generateNodeId, isNodeId } from './node-id.js';
import { formatFlags, parseFlags } from './node-flags.js';
import { normalizeIp } from './ip-address.js';
import { createClusterState } from '../transitions/create-cluster-state.js';

describe('node ids', () => {
  it('are 40 lowercase hex characters drawn from the injected random source', () => {
    const first = generateNodeId(new SeededRandom(3));
    expect(isNodeId(first)).toBe(true);
    expect(generateNodeId(new SeededRandom(3))).toBe(first);
    expect(generateNodeId(new SeededRandom(4))).not.toBe(first);
    expect(isNodeId(first.toUpperCase())).toBe(false);
  });

  it('fail with a typed error when the random source misbehaves', () => {
    expect(() => generateNodeId({ uint32: () => 2 ** 32 })).toThrow(
      expect.objectContaining({ code: 'RC_ERR_CLUSTER_MODEL_RANDOM_SOURCE_INVALID' }),
    );
  });
});

describe('node flags', () => {
  it('print in Redis table order, noflags when empty', () => {
    expect(formatFlags(['nofailover', 'pfail', 'replica', 'myself'])).toBe('myself,slave,fail?,nofailover');
    expect(formatFlags([])).toBe('noflags');
  });

  it('parse case-insensitively and refuse unknown words', () => {
    expect(parseFlags('MYSELF,Master')).toEqual(['myself', 'master']);
    expect(parseFlags('noflags')).toEqual([]);
    expect(parseFlags('master,,fail')).toBeNull();
    expect(parseFlags('leader')).toBeNull();
  });
});

describe('normalizeIp', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['2001:DB8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['::ffff:10.1.2.3', '::ffff:10.1.2.3'],
    ['0:0:0:0:0:ffff:0a01:0203', '::ffff:10.1.2.3'],
    ['1:0:0:2:0:0:0:3', '1:0:0:2::3'],
    ['::', '::'],
  ])('normalizes %s to %s like inet_ntop', (input, output) => {
    expect(normalizeIp(input)).toBe(output);
  });

  it.each(['127.000.0.1', '256.1.1.1', '1.2.3', 'localhost', '1::2::3', '12345::', 'fe80::1%eth0', ''])(
    'refuses %j like inet_pton',
    (input) => {
      expect(normalizeIp(input)).toBeNull();
    },
  );
});

describe('options and fresh states', () => {
  it('take Redis defaults and refuse a non-positive node timeout', () => {
    expect(resolveOptions()).toEqual({
      nodeTimeout: 15_000,
      requireFullCoverage: true,
      allowReplicaMigration: true,
      replicaNoFailover: false,
      announceIp: null,
    });
    expect(() => resolveOptions({ nodeTimeout: 0 })).toThrow(
      expect.objectContaining({ code: 'RC_ERR_CLUSTER_MODEL_OPTION_INVALID' }),
    );
  });

  it('start a node alone, master, epoch 0, nofailover when configured', () => {
    const env = { clock: new FakeClock(), random: new SeededRandom(9) };
    const state = createClusterState(
      { port: 7000, busPort: 17000, options: { replicaNoFailover: true } },
      env,
    );
    expect(state.nodes.get(state.myselfId)?.flags).toEqual(['myself', 'master', 'nofailover']);
    expect(state).toMatchObject({ currentEpoch: 0n, health: 'fail', size: 0 });
    expect(() => createClusterState({ port: 0, busPort: 1 }, env)).toThrow(
      expect.objectContaining({ code: 'RC_ERR_CLUSTER_MODEL_OPTION_INVALID' }),
    );
  });
});
