// The bus refuses strangers and survives garbage: an agent without the cluster secret cannot MEET in, and
// random bytes, a bogus HTTP/2 preface or an HTTP/1 request on a bus port leave every agent running.
import { connect as connectHttp2 } from 'node:http2';
import { connect as connectTcp } from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { Client, credentials, status } from '@grpc/grpc-js';
import { AgentAdminServiceService, AuthenticatedClient, deriveBusKey } from '@tessera/proto';
import { AgentProcess, TEST_SECRET } from './testing/agent-process.js';
import { waitUntil } from './testing/wait-until.js';

const agents: AgentProcess[] = [];
afterEach(async () => {
  await Promise.all(agents.splice(0).map((agent) => agent.stop()));
});

async function start(secret?: string): Promise<AgentProcess> {
  const agent = await AgentProcess.start({ nodeTimeout: 1000, ...(secret === undefined ? {} : { secret }) });
  agents.push(agent);
  return agent;
}

function sendRaw(port: number, bytes: Buffer): Promise<void> {
  return new Promise((resolve) => {
    const socket = connectTcp(port, '127.0.0.1', () => {
      socket.end(bytes);
    });
    socket.on('error', () => resolve());
    socket.on('close', () => resolve());
    setTimeout(() => {
      socket.destroy();
      resolve();
    }, 200);
  });
}

function bogusHttp2(port: number): Promise<void> {
  return new Promise((resolve) => {
    const session = connectHttp2(`http://127.0.0.1:${port}`);
    session.on('error', () => resolve());
    const request = session.request({
      ':path': '/tessera.cluster.v1.ClusterBusService/Meet',
      ':method': 'POST',
      'content-type': 'application/grpc',
    });
    request.on('error', () => undefined);
    request.end(randomBytes(512));
    request.on('close', () => {
      session.close();
      resolve();
    });
    setTimeout(() => {
      session.destroy();
      resolve();
    }, 500);
  });
}

describe('gossip-agent bus safety', () => {
  it('an agent without the cluster secret cannot MEET into the cluster', async () => {
    const member = await start();
    const stranger = await start('some other secret, not the cluster one');
    expect(
      await stranger.data.command('MEET', '127.0.0.1', String(member.port), String(member.busPort)),
    ).toBe('OK');
    expect(
      await member.data.command('MEET', '127.0.0.1', String(stranger.port), String(stranger.busPort)),
    ).toBe('OK');
    await new Promise((resolve) => setTimeout(resolve, 3000)); // three node timeouts: handshakes expire
    await waitUntil(
      'snapshots arrived',
      () => member.data.snapshot !== null && stranger.data.snapshot !== null,
    );
    expect(member.data.snapshot?.nodes.map((node) => node.address?.port)).toEqual([member.port]);
    expect(stranger.data.snapshot?.nodes.map((node) => node.address?.port)).toEqual([stranger.port]);
  });

  it('garbage on the bus port leaves the agents running and the cluster formed', async () => {
    const a = await start();
    const b = await start();
    expect(await a.data.command('MEET', '127.0.0.1', String(b.port), String(b.busPort))).toBe('OK');
    expect(await a.data.command('ADDSLOTSRANGE', '0', '8191')).toBe('OK');
    expect(await b.data.command('ADDSLOTSRANGE', '8192', '16383')).toBe('OK');
    await waitUntil('cluster ok', () => [a, b].every((agent) => agent.data.snapshot?.state === 1));
    for (let round = 0; round < 20; round++) await sendRaw(a.busPort, randomBytes(1 + round * 97));
    await sendRaw(a.busPort, Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
    await sendRaw(
      a.busPort,
      Buffer.concat([Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'), randomBytes(4096)]),
    );
    for (let round = 0; round < 5; round++) await bogusHttp2(a.busPort);
    // A well-formed gRPC call without the proof is refused and counted.
    const unsigned = new Client(`127.0.0.1:${a.busPort}`, credentials.createInsecure());
    const code = await new Promise<number | undefined>((resolve) => {
      unsigned.makeUnaryRequest(
        '/tessera.cluster.v1.ClusterBusService/Meet',
        (bytes: Buffer) => bytes,
        (bytes: Buffer) => bytes,
        Buffer.alloc(0),
        { deadline: Date.now() + 5000 },
        (error) => resolve(error?.code),
      );
    });
    unsigned.close();
    expect(code).toBe(status.UNAUTHENTICATED);
    // Still serving: an authenticated admin call answers, and the cluster stays ok.
    const admin = new AuthenticatedClient(
      AgentAdminServiceService,
      `127.0.0.1:${a.busPort}`,
      credentials.createInsecure(),
      {
        keys: [deriveBusKey(TEST_SECRET)],
      },
    );
    const stats = await admin.unary('getBusStats', {}, { deadline: Date.now() + 5000 });
    admin.close();
    expect(stats.rejected['unauthenticated'] ?? 0n).toBeGreaterThan(0n);
    expect(a.process?.child.exitCode).toBeNull();
    await waitUntil('cluster still ok', () => [a, b].every((agent) => agent.data.snapshot?.state === 1));
  });
});
