// The CLUSTER NODES parser: events independent of chunking, render(parse(text)) === text, typed errors.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { arbitraryClusterState } from '../../testing/arbitrary-state.js';
import { id } from '../../testing/fixtures.js';
import { splitBytesAt, splitText, SPLIT_MODES } from '../../testing/split-text.js';
import { ClusterModelError } from '../model/errors.js';
import { renderClusterNodes } from '../render/render-cluster-nodes.js';
import { ClusterNodesParser, clusterStateFromNodes, parseClusterNodes } from './cluster-nodes-parser.js';
import type { ParsedNodeLine } from './node-line-parser.js';

const TEXT = [
  `${id('a')} 10.0.0.1:7000@17000,node-a.example myself,master - 0 1700000001000 3 connected 0-5460 [99->-${id('b')}]`,
  `${id('b')} 10.0.0.2:7001@17001 master - 0 1700000001200 2 connected 5461-10922`,
  `${id('c')} 10.0.0.3:7002@17002 master,fail - 1700000000000 1699999000000 1 disconnected 10923-16383`,
  `${id('d')} 2001:db8::7:7003@17003 slave ${id('b')} 0 1700000001100 2 connected`,
  '',
].join('\n');

function events(chunks: readonly (string | Uint8Array)[]): [number, ParsedNodeLine][] {
  const seen: [number, ParsedNodeLine][] = [];
  const parser = new ClusterNodesParser((node, line) => seen.push([line, node]));
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return seen;
}

describe('CLUSTER NODES parser', () => {
  it.each(SPLIT_MODES)('emits the same node events for the %s chunking', (mode) => {
    const seen = events(splitText(TEXT, mode));
    expect(seen).toEqual(events([TEXT]));
    expect(seen.map(([line, node]) => [line, node.id, node.flags])).toEqual([
      [1, id('a'), ['myself', 'master']],
      [2, id('b'), ['master']],
      [3, id('c'), ['master', 'fail']],
      [4, id('d'), ['replica']],
    ]);
    expect(seen[3]?.[1]).toMatchObject({ ip: '2001:db8::7', port: 7003, busPort: 17003, masterId: id('b') });
    expect(seen[0]?.[1]).toMatchObject({
      hostname: 'node-a.example',
      migrating: [{ slot: 99, nodeId: id('b') }],
    });
  });

  test.prop([fc.array(fc.nat(), { maxLength: 40 })])('is independent of byte chunk boundaries', (offsets) => {
    expect(events(splitBytesAt(TEXT, offsets))).toEqual(events([TEXT]));
  });

  it('renders the parsed state back to the same text', () => {
    expect(renderClusterNodes(clusterStateFromNodes(TEXT))).toBe(TEXT);
  });

  test.prop([arbitraryClusterState({ handshakeNodes: true })], { numRuns: 100 })(
    'render(parse(render(state))) is stable for any state',
    (state) => {
      const text = renderClusterNodes(state);
      expect(renderClusterNodes(clusterStateFromNodes(text, { currentEpoch: state.currentEpoch }))).toBe(
        text,
      );
      expect(parseClusterNodes(text).map((node) => node.id)).toEqual([...state.nodes.keys()]);
    },
  );

  it('refuses nodes.conf aux fields and names the line of any error', () => {
    const error = (() => {
      try {
        parseClusterNodes(`${TEXT}${id('e')} 1.2.3.4:1@2,,shard-id=${id('f')} master - 0 0 0 connected\n`);
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ClusterModelError);
    expect(error).toMatchObject({ code: 'RC_ERR_CLUSTER_MODEL_CLUSTER_NODES_INVALID', line: 5 });
  });

  test.prop([fc.string({ maxLength: 300 })])('throws nothing but the typed error on garbage', (text) => {
    try {
      clusterStateFromNodes(text);
    } catch (error) {
      expect(error).toBeInstanceOf(ClusterModelError);
    }
  });
});
