import { describe, expect, it } from 'vitest';
import {
  agreementProblem,
  ClusterNodesFormatError,
  clusterView,
  formatSlots,
  myselfOf,
  parseClusterNodes,
  unhealthyLines,
} from './cluster-nodes.js';

// Replies of redis-server 7.0.15 (three masters, a replica, slot 100 migrating from 21001 to 21002), as seen
// from 21001 and from 21002, then from 21001 after 21003 died.
const FROM_21001 =
  '6213d886e41d2cd2c388623b9a2f26bf97306ca1 127.0.0.1:21004@31004 slave 4679528dca644769c8c4f3b18da09f42d02fd8db 0 1795577384483 1 connected\n' +
  '4679528dca644769c8c4f3b18da09f42d02fd8db 127.0.0.1:21001@31001 myself,master - 0 1795577384000 1 connected 0-5460 [100->-21907692914808f4d47cccc73ea18a753538d57a]\n' +
  '586f52518da530a65f8c6c2400e06d0049053d85 127.0.0.1:21003@31003 master - 0 1795577384584 3 connected 10923-16383\n' +
  '21907692914808f4d47cccc73ea18a753538d57a 127.0.0.1:21002@31002 master - 0 1795577384584 2 connected 5461-10922\n';
const FROM_21002 =
  '6213d886e41d2cd2c388623b9a2f26bf97306ca1 127.0.0.1:21004@31004 slave 4679528dca644769c8c4f3b18da09f42d02fd8db 0 1795577384329 1 connected\n' +
  '586f52518da530a65f8c6c2400e06d0049053d85 127.0.0.1:21003@31003 master - 0 1795577384530 3 connected 10923-16383\n' +
  '4679528dca644769c8c4f3b18da09f42d02fd8db 127.0.0.1:21001@31001 master - 0 1795577384530 1 connected 0-5460\n' +
  '21907692914808f4d47cccc73ea18a753538d57a 127.0.0.1:21002@31002 myself,master - 0 1795577384000 2 connected 5461-10922 [100-<-4679528dca644769c8c4f3b18da09f42d02fd8db]\n';
const AFTER_FAIL =
  '4679528dca644769c8c4f3b18da09f42d02fd8db 127.0.0.1:21001@31001 myself,master - 0 1795577390000 1 connected 0-5460\n' +
  '586f52518da530a65f8c6c2400e06d0049053d85 127.0.0.1:21003@31003 master,fail - 1795577387198 1795577386695 3 disconnected 10923-16383\n';

describe('parseClusterNodes', () => {
  it('reads every field of a redis-server 7.0.15 reply', () => {
    const lines = parseClusterNodes(FROM_21001);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({
      id: '6213d886e41d2cd2c388623b9a2f26bf97306ca1',
      ip: '127.0.0.1',
      port: 21004,
      busPort: 31004,
      hostname: '',
      flags: ['slave'],
      masterId: '4679528dca644769c8c4f3b18da09f42d02fd8db',
      pingSent: 0,
      pongReceived: 1795577384483,
      configEpoch: 1,
      link: 'connected',
      slots: [],
      openSlots: [],
    });
    expect(myselfOf(lines)).toMatchObject({
      port: 21001,
      flags: ['myself', 'master'],
      masterId: null,
      slots: [[0, 5460]],
      openSlots: [{ slot: 100, state: 'migrating', nodeId: '21907692914808f4d47cccc73ea18a753538d57a' }],
    });
    expect(myselfOf(parseClusterNodes(FROM_21002)).openSlots).toEqual([
      { slot: 100, state: 'importing', nodeId: '4679528dca644769c8c4f3b18da09f42d02fd8db' },
    ]);
  });

  it('reads failure flags and a disconnected link', () => {
    const [, dead] = parseClusterNodes(AFTER_FAIL);
    expect(dead).toMatchObject({ flags: ['master', 'fail'], link: 'disconnected', pingSent: 1795577387198 });
    expect(unhealthyLines(parseClusterNodes(AFTER_FAIL)).map((line) => line.port)).toEqual([21003]);
    expect(unhealthyLines(parseClusterNodes(FROM_21001))).toEqual([]);
  });

  it('reads a hostname after the bus port, single slots and an IPv6 address', () => {
    const [line] = parseClusterNodes(
      'e7d1eecce10fd6bb5eb35b9f99a514335d9ba9ca ::1:7000@17000,node-a.example master - 0 0 4 connected 0 2-3 16383\n',
    );
    expect(line).toMatchObject({ ip: '::1', port: 7000, busPort: 17000, hostname: 'node-a.example' });
    expect(line?.slots).toEqual([
      [0, 0],
      [2, 3],
      [16383, 16383],
    ]);
    expect(formatSlots(line?.slots ?? [])).toBe('0 2-3 16383');
  });

  it('an empty reply is no lines', () => {
    expect(parseClusterNodes('')).toEqual([]);
  });

  it.each([
    ['a last line without \\n', FROM_21001.slice(0, -1)],
    ['an upper-case node id', FROM_21001.replace('6213d886e41d', '6213D886E41D')],
    ['fewer than 8 fields', '6213d886e41d2cd2c388623b9a2f26bf97306ca1 127.0.0.1:1@2 master - 0 0 1\n'],
    ['an unknown flag', FROM_21001.replace('myself,master', 'myself,primary')],
    ['flags out of order', FROM_21001.replace('myself,master', 'master,myself')],
    ['an address without a bus port', FROM_21001.replace('127.0.0.1:21003@31003', '127.0.0.1:21003')],
    ['a slot above 16383', FROM_21001.replace('10923-16383', '10923-16384')],
    ['a backwards range', FROM_21001.replace('10923-16383', '16383-10923')],
    ['a bad link state', FROM_21001.replace('3 connected', '3 up')],
    ['a slot token that is no slot', FROM_21001.replace('5461-10922', '5461..10922')],
  ])('rejects %s', (_, text) => {
    expect(() => parseClusterNodes(text)).toThrow(ClusterNodesFormatError);
  });
});

describe('clusterView', () => {
  it('is the same from every node of a converged cluster, whoever is myself and whatever the ping times', () => {
    expect(clusterView(parseClusterNodes(FROM_21001))).toEqual(clusterView(parseClusterNodes(FROM_21002)));
    expect(clusterView(parseClusterNodes(FROM_21001))).toEqual([
      '21907692914808f4d47cccc73ea18a753538d57a 127.0.0.1:21002@31002 master - 2 5461-10922',
      '4679528dca644769c8c4f3b18da09f42d02fd8db 127.0.0.1:21001@31001 master - 1 0-5460',
      '586f52518da530a65f8c6c2400e06d0049053d85 127.0.0.1:21003@31003 master - 3 10923-16383',
      '6213d886e41d2cd2c388623b9a2f26bf97306ca1 127.0.0.1:21004@31004 slave 4679528dca644769c8c4f3b18da09f42d02fd8db 1',
    ]);
  });

  it('differs when a node owns other slots or has another epoch', () => {
    const moved = FROM_21002.replace('10923-16383', '10924-16383');
    const bumped = FROM_21002.replace('1795577384530 3 connected', '1795577384530 4 connected');
    const mine = clusterView(parseClusterNodes(FROM_21001));
    expect(clusterView(parseClusterNodes(moved))).not.toEqual(mine);
    expect(clusterView(parseClusterNodes(bumped))).not.toEqual(mine);
  });
});

describe('agreementProblem', () => {
  const ports = [21001, 21002, 21003, 21004];
  const from21001 = { port: 21001, lines: parseClusterNodes(FROM_21001) };
  const from21002 = { port: 21002, lines: parseClusterNodes(FROM_21002) };

  it('is true when every node lists the same healthy nodes alike', () => {
    expect(agreementProblem([from21001, from21002], ports)).toBe(true);
  });

  it('names a node that lists other ports than expected', () => {
    expect(agreementProblem([from21001], [21001, 21002, 21003])).toBe(
      '21001 lists ports 21001, 21002, 21003, 21004, expected 21001, 21002, 21003',
    );
  });

  it('names a node that sees a failing node', () => {
    const failing = {
      port: 21001,
      lines: parseClusterNodes(FROM_21001.replace('3 connected', '3 disconnected')),
    };
    expect(agreementProblem([failing, from21002], ports)).toMatch(
      /^21001 sees 586f52518da5.* disconnected 10923-16383$/,
    );
  });

  it('names two nodes that print different views', () => {
    const other = { port: 21002, lines: parseClusterNodes(FROM_21002.replace('10923-16383', '10924-16383')) };
    expect(agreementProblem([from21001, other], ports)).toMatch(
      /^21001 prints .* but 21002 prints .*10924-16383/,
    );
  });
});
