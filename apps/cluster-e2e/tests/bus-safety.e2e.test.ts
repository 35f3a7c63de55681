// The cluster bus refuses strangers and survives garbage: a node whose data-node was given another
// cluster-bus-secret (so its agent signs with another key) cannot join by CLUSTER MEET in either direction, and
// random bytes, an HTTP/1 request, a bogus HTTP/2 preface and HTTP/2 requests with junk bodies on every bus port
// leave every process (the same pids: no crash and restart by the supervisor) running and the cluster ok.
import { connect as connectHttp2 } from 'node:http2';
import { randomBytes } from 'node:crypto';
import { connect as connectTcp } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { isAlive, myselfOf, startTesseraCluster } from '@tessera/testing';

/** Writes `bytes` to 127.0.0.1:`port`, half-closes, and waits for the peer to close (or 2 s). */
function sendRaw(port: number, bytes: Buffer): Promise<void> {
  return new Promise((resolve) => {
    const socket = connectTcp(port, '127.0.0.1', () => socket.end(bytes));
    socket.resume(); // read (and drop) what the server answers, or 'close' waits for the timeout
    socket.on('error', () => resolve());
    socket.on('close', () => resolve());
    socket.setTimeout(2000, () => socket.destroy());
  });
}

/** A real HTTP/2 session posting junk as a gRPC call to the bus service. */
function junkHttp2(port: number): Promise<void> {
  return new Promise((resolve) => {
    const session = connectHttp2(`http://127.0.0.1:${port}`);
    const done = () => {
      session.destroy();
      resolve();
    };
    session.on('error', done);
    const request = session.request({
      ':method': 'POST',
      ':path': '/tessera.cluster.v1.ClusterBusService/Meet',
      'content-type': 'application/grpc',
    });
    request.on('error', done);
    request.on('close', done);
    request.end(randomBytes(512));
    setTimeout(done, 2000);
  });
}

describe('cluster bus safety', () => {
  it('a node started with another cluster-bus-secret cannot MEET into the cluster, whoever sends the MEET', async () => {
    await using cluster = await startTesseraCluster({ nodes: 4, masters: 3 });
    const stranger = await cluster.addNode({ secret: 'not the secret of this cluster, long enough' });
    const strangerId = myselfOf(await cluster.clusterNodes(stranger)).id;
    const member = cluster.node(1);
    const strangerNode = cluster.node(stranger);
    expect(
      await cluster.call(
        stranger,
        'CLUSTER',
        'MEET',
        '127.0.0.1',
        String(member.port),
        String(member.busPort),
      ),
    ).toBe('OK');
    expect(
      await cluster.call(
        0,
        'CLUSTER',
        'MEET',
        '127.0.0.1',
        String(strangerNode.port),
        String(strangerNode.busPort),
      ),
    ).toBe('OK');
    // Handshakes expire after the node timeout (at least 1 s): after three, nothing may be left of them.
    await sleep(3 * cluster.nodeTimeoutMs + 500);
    for (const i of [0, 1, 2]) {
      const lines = await cluster.clusterNodes(i);
      expect(lines.map((line) => line.port)).not.toContain(strangerNode.port);
      expect(lines.map((line) => line.id)).not.toContain(strangerId);
    }
    expect((await cluster.clusterNodes(stranger)).map((line) => line.port)).toEqual([strangerNode.port]);
    await cluster.waitForAgreement([0, 1, 2], 1000);
    await cluster.waitForState('ok', [0, 1, 2], 1000);
    expect(strangerNode.running).toBe(true);
  });

  it('random bytes, an HTTP/1 request, a bogus HTTP/2 preface and junk gRPC calls on every bus port leave every process running and the cluster ok', async () => {
    await using cluster = await startTesseraCluster({ masters: 3 });
    const pids = cluster.nodes.map((node) => [node.pid, node.agentPid]);
    for (const node of cluster.nodes) {
      for (let round = 0; round < 10; round++) await sendRaw(node.busPort, randomBytes(1 + round * 331));
      await sendRaw(node.busPort, Buffer.from('GET / HTTP/1.1\r\nHost: localhost\r\n\r\n'));
      await sendRaw(node.busPort, Buffer.from('POST /tessera HTTP/1.1\r\nContent-Length: 100000\r\n\r\nxx'));
      await sendRaw(
        node.busPort,
        Buffer.concat([Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'), randomBytes(4096)]),
      );
      for (let round = 0; round < 3; round++) await junkHttp2(node.busPort);
    }
    // Long enough for a crash to show, and for a failure to be detected if the bus stopped answering.
    await sleep(2 * cluster.nodeTimeoutMs);
    expect(cluster.nodes.map((node) => [node.pid, node.findAgentPid()])).toEqual(pids);
    expect(pids.flat().every((pid) => isAlive(pid))).toBe(true);
    await cluster.waitForAgreement(undefined, 1000);
    await cluster.waitForState('ok', undefined, 1000);
  });
});
