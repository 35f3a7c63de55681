// The CLUSTER NODES contract of redis-compat §1.0, one rule per test.
import { describe, expect, it } from 'vitest';
import { fakeEnv } from '../../testing/fake-env.js';
import { id, stateOf, nodeOf } from '../../testing/fixtures.js';
import { changeFlags } from '../model/node-flags.js';
import { createClusterState } from '../transitions/create-cluster-state.js';
import { renderClusterNodes } from './render-cluster-nodes.js';
import { renderClusterReplicas } from './render-cluster-replicas.js';

const LINES = [
  `${id('a')} 127.0.0.1:7000@17000,host-a myself,master - 0 0 7 connected 0-5 7 9-16383 [6->-${id('b')}] [8-<-${id('b')}]`,
  `${id('b')} 127.0.0.1:7001@17001 master,fail? - 1700000000000 1699999990000 3 disconnected 6 8`,
  `${id('e')} ::1:7004@17004 slave,nofailover ${id('b')} 0 1700000000500 3 connected`,
  `${id('d')} :0@0 noflags - 0 0 0 disconnected`,
];

describe('renderClusterNodes', () => {
  it('renders every field in Redis order, ending every line with \\n', () => {
    expect(renderClusterNodes(stateOf(LINES))).toBe(`${LINES.join('\n')}\n`);
  });

  it('prints a replica with its master epoch, not its own', () => {
    const state = stateOf(LINES);
    expect(state.nodes.get(id('e'))?.configEpoch).toBe(0n);
    expect(renderClusterNodes(state).split('\n')[2]).toContain(` ${id('b')} 0 1700000000500 3 connected`);
  });

  it('prints flags in table order whatever order they were set in', () => {
    const state = stateOf(LINES);
    const b = nodeOf(state, id('b'));
    const shuffled = { ...b, flags: changeFlags([], ['nofailover', 'pfail', 'master']) };
    const text = renderClusterNodes({ ...state, nodes: new Map(state.nodes).set(id('b'), shuffled) });
    expect(text.split('\n')[1]).toContain(' master,fail?,nofailover - ');
  });

  it('shows migration brackets only on the myself line', () => {
    const lines = renderClusterNodes(stateOf(LINES)).split('\n');
    expect(lines[0]).toContain('[6->-');
    expect(lines.slice(1).join('\n')).not.toContain('[');
  });

  it('always shows myself as connected', () => {
    const env = fakeEnv();
    const fresh = createClusterState({ port: 7000, busPort: 17000 }, env);
    expect(renderClusterNodes(fresh)).toBe(`${fresh.myselfId} :7000@17000 myself,master - 0 0 0 connected\n`);
  });

  it('lists the replicas of a master for CLUSTER REPLICAS, refusing unknown ids and replicas', () => {
    const state = stateOf(LINES);
    expect(renderClusterReplicas(state, id('b'))).toEqual({ ok: true, lines: [LINES[2]] });
    expect(renderClusterReplicas(state, id('f'))).toMatchObject({
      ok: false,
      error: { message: `ERR Unknown node ${id('f')}` },
    });
    expect(renderClusterReplicas(state, id('e'))).toMatchObject({
      ok: false,
      error: { message: 'ERR The specified node is not a master' },
    });
  });
});
