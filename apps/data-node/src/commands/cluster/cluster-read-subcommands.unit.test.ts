// The CLUSTER subcommands the data-node answers itself, on node A of the three-master topology (A 0-5460,
// B 5461-10922, C 10923-16383, R replica of A), through the real dispatcher and keyspace; and what every
// cluster command answers in standalone mode.
import { clusterStateFromNodes } from '@tessera/cluster-model';
import { keySlot } from '@tessera/slot';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClusterMode } from '../../cluster/enable-cluster-mode.js';
import {
  A,
  B,
  C,
  R,
  clusterHarness,
  settled,
  threeMasters,
  threeMastersText,
} from '../../testing/cluster-fixtures.js';
import { CommandHarness, ReplyError } from '../../testing/command-harness.js';
import { clusterCommands } from './index.js';

const err = (message: string) => new ReplyError(message);

let mode: ClusterMode | undefined;
afterEach(() => mode?.close());

function onA(initial = threeMasters()) {
  const made = clusterHarness(initial);
  mode = made.mode;
  return made.h;
}

const map = (...pairs: unknown[]) => {
  const entries: [unknown, unknown][] = [];
  for (let i = 0; i < pairs.length; i += 2) entries.push([pairs[i], pairs[i + 1]]);
  return new Map(entries);
};

describe('CLUSTER NODES', () => {
  it("replies the model's text of the topology, every line ending in \\n, verbatim in RESP3", () => {
    const h = onA();
    expect(h.run('CLUSTER', 'NODES')).toBe(threeMastersText());
    h.run('HELLO', '3');
    const text = threeMastersText();
    expect(h.client.raw('CLUSTER', 'NODES')).toBe(`=${text.length + 4}\r\ntxt:${text}\r\n`);
  });
});

describe('CLUSTER SLOTS', () => {
  it('lists each range with its master as [ip, port, id, {}] (R, with offset 0, is not available)', () => {
    const h = onA();
    expect(h.run('CLUSTER', 'SLOTS')).toEqual([
      [0, 5460, ['127.0.0.1', 7000, A, []]],
      [5461, 10922, ['127.0.0.1', 7001, B, []]],
      [10923, 16383, ['127.0.0.1', 7002, C, []]],
    ]);
  });

  it('gives the hostname endpoint with the ip in a RESP3 meta map, and NULL for unknown-endpoint', () => {
    const h = onA();
    h.run('CONFIG', 'SET', 'cluster-preferred-endpoint-type', 'hostname');
    h.run('HELLO', '3');
    const [first] = h.run('CLUSTER', 'SLOTS') as unknown[][];
    expect(first).toEqual([0, 5460, ['?', 7000, A, map('ip', '127.0.0.1')]]);
    h.run('CONFIG', 'SET', 'cluster-preferred-endpoint-type', 'unknown-endpoint');
    const [again] = h.run('CLUSTER', 'SLOTS') as unknown[][];
    expect(again).toEqual([0, 5460, [null, 7000, A, map('ip', '127.0.0.1')]]);
  });
});

describe('CLUSTER SHARDS', () => {
  it('lists one shard per master with its slots and nodes, integers where Redis sends integers', () => {
    const h = onA();
    h.run('HELLO', '3');
    const node = (id: string, port: number, role: string, health: string) =>
      map(
        'id',
        id,
        'port',
        port,
        'ip',
        '127.0.0.1',
        'endpoint',
        '127.0.0.1',
        'role',
        role,
        'replication-offset',
        0,
        'health',
        health,
      );
    expect(h.run('CLUSTER', 'SHARDS')).toEqual([
      map('slots', [0, 5460], 'nodes', [
        node(A, 7000, 'master', 'online'),
        node(R, 7003, 'replica', 'loading'),
      ]),
      map('slots', [5461, 10922], 'nodes', [node(B, 7001, 'master', 'online')]),
      map('slots', [10923, 16383], 'nodes', [node(C, 7002, 'master', 'online')]),
    ]);
  });
});

describe('CLUSTER INFO', () => {
  it('replies the CRLF lines of the cluster state', () => {
    const h = onA();
    const info = h.run('CLUSTER', 'INFO') as string;
    expect(info.startsWith('cluster_state:ok\r\ncluster_slots_assigned:16384\r\n')).toBe(true);
    expect(info).toContain('\r\ncluster_known_nodes:4\r\ncluster_size:3\r\ncluster_current_epoch:3\r\n');
    expect(info).toContain('\r\ncluster_my_epoch:1\r\n');
    expect(info.endsWith('total_cluster_links_buffer_limit_exceeded:0\r\n')).toBe(true);
  });

  it('shows cluster_state:fail while a master is failing', () => {
    const h = onA(threeMasters({ bFlags: ['fail'] }));
    expect(h.run('CLUSTER', 'INFO')).toMatch(/^cluster_state:fail\r\n/);
  });
});

describe('CLUSTER MYID and MYSHARDID', () => {
  it("reply myself's id and its shard's id", () => {
    const h = onA(threeMasters({ myself: R }));
    expect(h.run('CLUSTER', 'MYID')).toBe(R);
    // A Redis 7.0 topology has no shard ids: a shard is named after its master (cluster-model).
    expect(h.run('CLUSTER', 'MYSHARDID')).toBe(A);
  });
});

describe('CLUSTER KEYSLOT', () => {
  it('hashes the key bytes with hash tags', () => {
    const h = onA();
    expect(h.run('CLUSTER', 'KEYSLOT', 'foo')).toBe(12182);
    expect(h.run('CLUSTER', 'KEYSLOT', '{user1000}.following')).toBe(3443);
    expect(h.run('CLUSTER', 'KEYSLOT', '123456789')).toBe(12739);
    expect(h.run('CLUSTER', 'KEYSLOT', Buffer.from([0xff, 0x00, 0x7b]))).toBe(
      keySlot(Buffer.from([0xff, 0x00, 0x7b])),
    );
    expect(h.run('CLUSTER', 'KEYSLOT')).toEqual(
      err("ERR wrong number of arguments for 'cluster|keyslot' command"),
    );
  });
});

describe('CLUSTER COUNTKEYSINSLOT and GETKEYSINSLOT', () => {
  it('count and list the keys this node holds in a slot, up to count', () => {
    const h = onA();
    for (const key of ['{bar}1', '{bar}2', '{bar}3', 'hello']) h.run('SET', key, 'v');
    const slot = String(keySlot('bar'));
    expect(h.run('CLUSTER', 'COUNTKEYSINSLOT', slot)).toBe(3);
    expect(h.run('CLUSTER', 'COUNTKEYSINSLOT', '0')).toBe(0);
    expect(h.run('CLUSTER', 'GETKEYSINSLOT', slot, '2')).toEqual(['{bar}1', '{bar}2']);
    expect(h.run('CLUSTER', 'GETKEYSINSLOT', slot, '10')).toEqual(['{bar}1', '{bar}2', '{bar}3']);
    expect(h.run('CLUSTER', 'GETKEYSINSLOT', slot, '0')).toEqual([]);
  });

  it("refuse what Redis refuses, with Redis's texts", () => {
    const h = onA();
    expect(h.run('CLUSTER', 'COUNTKEYSINSLOT', '16384')).toEqual(err('ERR Invalid slot'));
    expect(h.run('CLUSTER', 'COUNTKEYSINSLOT', '-1')).toEqual(err('ERR Invalid slot'));
    expect(h.run('CLUSTER', 'COUNTKEYSINSLOT', 'x')).toEqual(
      err('ERR value is not an integer or out of range'),
    );
    expect(h.run('CLUSTER', 'GETKEYSINSLOT', '16384', '1')).toEqual(
      err('ERR Invalid slot or number of keys'),
    );
    expect(h.run('CLUSTER', 'GETKEYSINSLOT', '1', '-1')).toEqual(err('ERR Invalid slot or number of keys'));
    expect(h.run('CLUSTER', 'GETKEYSINSLOT', 'x', '1')).toEqual(
      err('ERR value is not an integer or out of range'),
    );
    expect(h.run('CLUSTER', 'GETKEYSINSLOT', '1', 'x')).toEqual(
      err('ERR value is not an integer or out of range'),
    );
  });
});

describe('CLUSTER COUNT-FAILURE-REPORTS', () => {
  it('counts the reports about a known node and refuses an unknown id', () => {
    const h = onA();
    expect(h.run('CLUSTER', 'COUNT-FAILURE-REPORTS', B)).toBe(0);
    expect(h.run('CLUSTER', 'COUNT-FAILURE-REPORTS', 'nope')).toEqual(err('ERR Unknown node nope'));
  });
});

describe('CLUSTER REPLICAS and SLAVES', () => {
  it("list a master's replicas as CLUSTER NODES lines, refuse replicas and unknown ids", () => {
    const h = onA();
    const rLine = threeMastersText().split('\n')[3];
    expect(h.run('CLUSTER', 'REPLICAS', A)).toEqual([rLine]);
    expect(h.run('CLUSTER', 'SLAVES', A)).toEqual([rLine]);
    expect(h.run('CLUSTER', 'REPLICAS', B)).toEqual([]);
    expect(h.run('CLUSTER', 'REPLICAS', R)).toEqual(err('ERR The specified node is not a master'));
    expect(h.run('CLUSTER', 'SLAVES', 'nope')).toEqual(err('ERR Unknown node nope'));
  });
});

describe('CLUSTER LINKS', () => {
  it('is empty: the in-process agent link has no bus links', () => {
    expect(onA().run('CLUSTER', 'LINKS')).toEqual([]);
  });
});

describe('CLUSTER HELP', () => {
  it("lists Redis's subcommands (and MYSHARDID), ending with HELP", () => {
    const help = onA().run('CLUSTER', 'HELP') as string[];
    expect(help[0]).toBe('CLUSTER <subcommand> [<arg> [value] [opt] ...]. Subcommands are:');
    expect(help).toContain('MYSHARDID');
    expect(help.slice(-2)).toEqual(['HELP', '    Prints this help.']);
  });

  it('names an unknown subcommand and the container arity like Redis', () => {
    const h = onA();
    expect(h.run('CLUSTER', 'FOO')).toEqual(err("ERR unknown subcommand 'FOO'. Try CLUSTER HELP."));
    expect(h.run('CLUSTER')).toEqual(err("ERR wrong number of arguments for 'cluster' command"));
  });
});

describe('cluster commands in standalone mode', () => {
  it('answer that cluster support is disabled, subcommands, HELP and connection flags alike', () => {
    const h = new CommandHarness();
    const disabled = err('ERR This instance has cluster support disabled');
    for (const args of [
      ['CLUSTER', 'INFO'],
      ['CLUSTER', 'HELP'],
      ['CLUSTER', 'KEYSLOT', 'foo'],
      ['CLUSTER', 'ADDSLOTS', '1'],
      ['CLUSTER', 'RESET', 'a', 'b'],
      ['ASKING'],
      ['READONLY'],
      ['READWRITE'],
    ]) {
      expect(h.run(...args)).toEqual(disabled);
    }
  });

  it('registers CLUSTER, ASKING, READONLY and READWRITE', () => {
    expect(clusterCommands.map((spec) => spec.name)).toEqual(['cluster', 'asking', 'readonly', 'readwrite']);
  });
});

describe('a view built from another node', () => {
  it('reads its own renderings, not the ones of the node it was built from', () => {
    const h = onA(settled(clusterStateFromNodes(threeMastersText({ myself: B }))));
    expect(h.run('CLUSTER', 'MYID')).toBe(B);
    expect((h.run('CLUSTER', 'NODES') as string).split('\n')[1]).toContain(' myself,master ');
  });
});
