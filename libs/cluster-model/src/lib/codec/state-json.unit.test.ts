// JSON export/import of a whole state: identity round trip, and typed errors for anything else.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { arbitraryClusterState } from '../../testing/arbitrary-state.js';
import { fakeEnv } from '../../testing/fake-env.js';
import { id, stateOf, nodeOf } from '../../testing/fixtures.js';
import { clusterForget } from '../commands/cluster-forget.js';
import { ClusterModelError } from '../model/errors.js';
import { exportStateJson, importStateJson } from './state-json.js';

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('state JSON', () => {
  test.prop([arbitraryClusterState({ handshakeNodes: true })], { numRuns: 100 })(
    'import(export(state)) equals state',
    (state) => {
      expect(importStateJson(exportStateJson(state))).toEqual(state);
    },
  );

  it('keeps the failover votes and the failover options, and reads documents without them', () => {
    const state = stateOf(
      [
        `${id('a')} 127.0.0.1:7000@17000 myself,master - 0 0 1 connected 0-16383`,
        `${id('b')} 127.0.0.1:7001@17001 master,fail - 0 0 2 connected`,
        `${id('c')} 127.0.0.1:7002@17002 slave ${id('b')} 0 0 2 connected`,
      ],
      { replicaValidityFactor: 0, migrationBarrier: 2 },
    );
    const voted = {
      ...state,
      lastVoteEpoch: 9n,
      failoverVotes: new Map([[id('b'), { at: 1234, candidateId: id('c'), epoch: 9n }]]),
    };
    expect(importStateJson(exportStateJson(voted))).toEqual(voted);
    const old = JSON.parse(exportStateJson(state)) as Record<string, unknown>;
    delete old['failoverVotes'];
    expect(importStateJson(JSON.stringify(old)).failoverVotes.size).toBe(0);
  });

  it('keeps what nodes.conf does not: blacklist, failure reports, offsets, options', () => {
    const env = fakeEnv();
    const base = stateOf(
      [
        `${id('a')} 127.0.0.1:7000@17000 myself,master - 0 0 1 connected 0-16383`,
        `${id('b')} 127.0.0.1:7001@17001 master - 0 0 2 connected`,
        `${id('c')} 127.0.0.1:7002@17002 master,fail? - 0 0 2 connected`,
      ],
      { nodeTimeout: 4321, announceIp: '10.1.1.1' },
    );
    const forgot = clusterForget(base, [id('b')], env);
    if (!forgot.ok) throw forgot.error;
    const c = nodeOf(forgot.state, id('c'));
    const state = {
      ...forgot.state,
      nodes: new Map(forgot.state.nodes).set(id('c'), {
        ...c,
        failureReports: new Map([[id('a'), 99]]),
        replicationOffset: 2n ** 62n,
      }),
    };
    const back = importStateJson(exportStateJson(state));
    expect(back).toEqual(state);
    expect(back.blacklist.get(id('b'))).toBe(env.clock.now() + 60_000);
  });

  it.each([
    ['not JSON', '{'],
    ['another format', JSON.stringify({ format: 'x', version: 1 })],
    [
      'a missing node list',
      exportStateJson(stateOf([`${id('a')} 1.2.3.4:1@2 myself,master - 0 0 0 connected`])).replace(
        '"nodes":',
        '"nodez":',
      ),
    ],
    [
      'a bad epoch',
      exportStateJson(stateOf([`${id('a')} 1.2.3.4:1@2 myself,master - 0 0 0 connected`])).replace(
        '"currentEpoch":"0"',
        '"currentEpoch":"-1"',
      ),
    ],
    [
      'a bad slot text',
      exportStateJson(stateOf([`${id('a')} 1.2.3.4:1@2 myself,master - 0 0 0 connected 5`])).replace(
        '"slots":"5"',
        '"slots":"5-x"',
      ),
    ],
  ])('rejects %s with RC_ERR_CLUSTER_MODEL_STATE_JSON_INVALID', (_what, text) => {
    const error = thrown(() => importStateJson(text));
    expect(error).toBeInstanceOf(ClusterModelError);
    expect((error as ClusterModelError).code).toBe('RC_ERR_CLUSTER_MODEL_STATE_JSON_INVALID');
  });

  it('rejects a slot served by two nodes', () => {
    const doc = JSON.parse(
      exportStateJson(
        stateOf([
          `${id('a')} 1.2.3.4:1@2 myself,master - 0 0 0 connected 5`,
          `${id('b')} 1.2.3.4:3@4 master - 0 0 0 connected 6`,
        ]),
      ),
    );
    doc.nodes[1].slots = '5';
    expect(thrown(() => importStateJson(JSON.stringify(doc)))).toMatchObject({
      message: expect.stringContaining('slot 5'),
    });
  });

  test.prop([fc.json()])('throws nothing but the typed error on any JSON', (text) => {
    try {
      importStateJson(text);
    } catch (error) {
      expect(error).toBeInstanceOf(ClusterModelError);
    }
  });
});
