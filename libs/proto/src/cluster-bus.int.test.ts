import { Client, Metadata, credentials, status, type ServiceError } from '@grpc/grpc-js';
import { connect as connectHttp2, constants as http2 } from 'node:http2';
import { connect as connectTcp, createServer, type AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  AuthenticatedClient,
  BUS_PROOF_METADATA_KEY,
  ClusterBusServiceClient,
  ClusterBusServiceService,
  HealthCheckResponse_ServingStatus,
  HealthClient,
  PingRequest,
  ReplyUnauthenticatedError,
  deriveBusKey,
  signBusRequest,
  type ClusterBusServiceService as BusDefinition,
} from './index.js';
import { ABOVE_2_53, fullSlotBitmap, masterHeader, nodeId, ping, replicaHeader } from './testing/fixtures.js';
import { SERVER_NODE, startBusTestServer } from './testing/bus-test-server.js';

const KEY = deriveBusKey('cluster A secret: 3f9d0c1e7a2b4d6f');
const STRANGER = deriveBusKey('somebody else entirely, not cluster A');
const PING_PATH = ClusterBusServiceService.ping.path;

function busClient(address: string, keys = [KEY], clock?: () => number): AuthenticatedClient<BusDefinition> {
  return new AuthenticatedClient(ClusterBusServiceService, address, credentials.createInsecure(), {
    keys,
    ...(clock ? { clock } : {}),
  });
}

const soon = (): number => Date.now() + 5_000;

function statusOf(promise: Promise<unknown>): Promise<number | string> {
  return promise.then(
    () => 'ok',
    (error: unknown) => (error as ServiceError).code ?? String(error),
  );
}

/** Sends `payload` to the Ping method with the given proof, bypassing AuthenticatedClient. */
function rawPing(address: string, payload: Buffer, proof: string | undefined): Promise<number | string> {
  const client = new Client(address, credentials.createInsecure());
  const metadata = new Metadata();
  if (proof !== undefined) metadata.set(BUS_PROOF_METADATA_KEY, proof);
  return new Promise((resolve) => {
    client.makeUnaryRequest(
      PING_PATH,
      (bytes: Buffer) => bytes,
      (bytes: Buffer) => bytes,
      payload,
      metadata,
      { deadline: soon() },
      (error) => {
        client.close();
        resolve(error ? error.code : 'ok');
      },
    );
  });
}

describe('ClusterBusService over a real grpc-js connection', () => {
  it('waitForReady resolves once connected and rejects at the deadline when nobody listens', async () => {
    await using server = await startBusTestServer({ keys: [KEY] });
    const client = busClient(server.address);
    await client.waitForReady(soon());
    expect(client.connectivity()).toBe(2);
    client.close();
    const closed = await freeClosedPort();
    const nobody = busClient(`127.0.0.1:${closed}`);
    await expect(nobody.waitForReady(Date.now() + 300)).rejects.toThrow();
    nobody.close();
  });

  it('tells a handler the address the caller dialed', async () => {
    let host = '';
    await using server = await startBusTestServer({
      keys: [KEY],
      bus: {
        pong: (_request, context) => {
          host = context.host;
          return {};
        },
      },
    });
    const client = busClient(server.address);
    await client.unary(
      'pong',
      { pong: { header: masterHeader(0), gossip: [], forgotten: [] } },
      { deadline: soon() },
    );
    client.close();
    expect(host).toBe(server.address);
  });

  it('answers a signed PING with the receiver PONG, epochs above 2^53 and the full bitmap intact', async () => {
    await using server = await startBusTestServer({ keys: [KEY] });
    const client = busClient(server.address);
    const reply = await client.unary('ping', { ping: ping(3) }, { deadline: soon() });
    client.close();
    expect(reply.pong?.header?.sender).toEqual(nodeId(SERVER_NODE));
    expect(reply.pong?.header?.currentEpoch).toBe(ABOVE_2_53 + 41n);
    expect(reply.pong?.header?.slots?.encoding).toEqual({ $case: 'bitmap', value: fullSlotBitmap() });
    expect(server.handled).toEqual(['ping']);
  });

  it('carries a vote in the FailoverAuth reply only when the master grants it', async () => {
    await using server = await startBusTestServer({ keys: [KEY] });
    const client = busClient(server.address);
    const forced = await client.unary(
      'failoverAuth',
      { header: replicaHeader(4, 0), forceAck: true },
      { deadline: soon() },
    );
    const plain = await client.unary(
      'failoverAuth',
      { header: replicaHeader(4, 0), forceAck: false },
      { deadline: soon() },
    );
    client.close();
    expect(forced.ack?.header?.sender).toEqual(nodeId(SERVER_NODE));
    expect(plain.ack).toBeUndefined();
  });

  it('reports the server SERVING over grpc.health.v1, without a proof', async () => {
    await using server = await startBusTestServer({ keys: [KEY] });
    const health = new HealthClient(server.address, credentials.createInsecure());
    const answer = await new Promise((resolve, reject) =>
      health.check(
        { service: 'tessera.cluster.v1.ClusterBusService' },
        new Metadata(),
        { deadline: soon() },
        (error, reply) => (error ? reject(error) : resolve(reply)),
      ),
    );
    health.close();
    expect(answer).toEqual({ status: HealthCheckResponse_ServingStatus.SERVING });
  });

  it('rejects a caller with another cluster secret with UNAUTHENTICATED before any handler runs', async () => {
    await using server = await startBusTestServer({ keys: [KEY] });
    const client = busClient(server.address, [STRANGER]);
    const code = await statusOf(client.unary('meet', { meet: ping(1) }, { deadline: soon() }));
    client.close();
    expect(code).toBe(status.UNAUTHENTICATED);
    expect(server.handled).toEqual([]);
    expect(server.rejected.map((call) => [call.method, call.reason])).toEqual([
      [ClusterBusServiceService.meet.path, 'unknown-key'],
    ]);
  });

  it('rejects a generated client that sends no proof at all', async () => {
    await using server = await startBusTestServer({ keys: [KEY] });
    const plain = new ClusterBusServiceClient(server.address, credentials.createInsecure());
    const code = await new Promise((resolve) =>
      plain.ping({ ping: ping(1) }, new Metadata(), { deadline: soon() }, (error) =>
        resolve(error?.code ?? 'ok'),
      ),
    );
    plain.close();
    expect(code).toBe(status.UNAUTHENTICATED);
    expect(server.rejected[0]?.reason).toBe('missing');
  });

  it('rejects a tampered payload, a replayed request and an old timestamp', async () => {
    await using server = await startBusTestServer({ keys: [KEY] });
    const payload = Buffer.from(PingRequest.encode({ ping: ping(2) }).finish());
    const { proof } = signBusRequest(KEY, { method: PING_PATH, payload }, { nowMs: Date.now() });
    const tampered = Buffer.from(payload);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 0x40;
    const old = signBusRequest(KEY, { method: PING_PATH, payload }, { nowMs: Date.now() - 120_000 }).proof;

    expect(await rawPing(server.address, tampered, proof)).toBe(status.UNAUTHENTICATED);
    expect(await rawPing(server.address, payload, proof)).toBe('ok');
    expect(await rawPing(server.address, payload, proof)).toBe(status.UNAUTHENTICATED);
    expect(await rawPing(server.address, payload, old)).toBe(status.UNAUTHENTICATED);
    expect(server.rejected.map((call) => call.reason)).toEqual(['bad-mac', 'replayed', 'expired']);
    expect(server.handled).toEqual(['ping']);
  });

  it('rejects a client whose clock is a minute behind', async () => {
    await using server = await startBusTestServer({ keys: [KEY] });
    const client = busClient(server.address, [KEY], () => Date.now() - 60_000);
    expect(await statusOf(client.unary('ping', { ping: ping(1) }, { deadline: soon() }))).toBe(
      status.UNAUTHENTICATED,
    );
    client.close();
  });

  it('answers INVALID_ARGUMENT to signed bytes that are not a protobuf message', async () => {
    await using server = await startBusTestServer({ keys: [KEY] });
    const garbage = Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]);
    const { proof } = signBusRequest(KEY, { method: PING_PATH, payload: garbage }, { nowMs: Date.now() });
    expect(await rawPing(server.address, garbage, proof)).toBe(status.INVALID_ARGUMENT);
    expect(server.rejected[0]?.reason).toBe('undecodable');
  });

  it('rejects a message above grpc.max_receive_message_length with RESOURCE_EXHAUSTED and keeps serving', async () => {
    await using server = await startBusTestServer({ keys: [KEY], maxMessageBytes: 64 * 1024 });
    const client = busClient(server.address);
    const huge = { channel: Buffer.from('news'), message: randomBytes(100 * 1024) };
    const code = await statusOf(
      client.unary(
        'publish',
        { publish: { header: masterHeader(0), messages: [huge] } },
        { deadline: soon() },
      ),
    );
    expect(code).toBe(status.RESOURCE_EXHAUSTED);
    expect(server.handled).toEqual([]);
    expect((await client.unary('ping', { ping: ping(1) }, { deadline: soon() })).pong).toBeDefined();
    client.close();
  });

  it('passes a CallRejectedError status through and hides other handler errors behind INTERNAL', async () => {
    await using server = await startBusTestServer({
      keys: [KEY],
      bus: {
        update: () => {
          throw new Error('bug: secret internals');
        },
      },
    });
    const client = busClient(server.address);
    const unknownSender = { header: { ...masterHeader(0), sender: nodeId(77) }, failingNodeId: nodeId(2) };
    const failError = await client
      .unary('fail', { fail: unknownSender }, { deadline: soon() })
      .catch((e: ServiceError) => e);
    const updateError = await client
      .unary(
        'update',
        { update: { header: masterHeader(0), nodeId: nodeId(2), configEpoch: 3n } },
        { deadline: soon() },
      )
      .catch((e: ServiceError) => e);
    client.close();
    expect(failError).toMatchObject({
      code: status.PERMISSION_DENIED,
      details: expect.stringMatching(/unknown node/),
    });
    expect(updateError).toMatchObject({ code: status.INTERNAL, details: 'internal error' });
    expect(server.errors).toHaveLength(1);
  });

  it('ends a call at its deadline with DEADLINE_EXCEEDED and aborts the handler signal', async () => {
    let aborted!: () => void;
    const handlerSawAbort = new Promise<void>((resolve) => (aborted = resolve));
    await using server = await startBusTestServer({
      keys: [KEY],
      bus: {
        ping: (_request, context) =>
          new Promise((_resolve, reject) => {
            context.signal.addEventListener('abort', () => {
              aborted();
              reject(new Error('caller went away'));
            });
          }),
      },
    });
    const client = busClient(server.address);
    const code = await statusOf(client.unary('ping', { ping: ping(1) }, { deadline: Date.now() + 200 }));
    client.close();
    expect(code).toBe(status.DEADLINE_EXCEEDED);
    await handlerSawAbort;
  });

  it('refuses a reply signed with a secret the caller does not hold (half-done rotation)', async () => {
    const next = deriveBusKey('cluster A secret, rotated: 77aa01bc');
    await using server = await startBusTestServer({ keys: [next, KEY] });
    const client = busClient(server.address, [KEY]);
    const error = await client
      .unary('ping', { ping: ping(1) }, { deadline: soon() })
      .catch((e: unknown) => e);
    client.close();
    expect(error).toBeInstanceOf(ReplyUnauthenticatedError);
    expect(error).toMatchObject({
      code: 'RC_ERR_PROTO_REPLY_UNAUTHENTICATED',
      message: expect.stringMatching(/unknown-key/),
    });
    expect(server.handled).toEqual(['ping']);
  });
});

describe('garbage on the cluster bus port', () => {
  it('survives raw TCP garbage and an HTTP/1 request, and still answers', async () => {
    await using server = await startBusTestServer({ keys: [KEY] });
    for (const junk of [
      randomBytes(64 * 1024),
      Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'),
      Buffer.from('*1\r\n$4\r\nPING\r\n'),
    ]) {
      await new Promise<void>((resolve, reject) => {
        const socket = connectTcp(server.port, '127.0.0.1', () => socket.write(junk));
        socket.on('error', () => resolve());
        socket.on('close', () => resolve());
        socket.on('data', () => undefined);
        socket.setTimeout(5_000, () => reject(new Error('the server kept a garbage connection open')));
      });
    }
    const client = busClient(server.address);
    expect((await client.unary('ping', { ping: ping(1) }, { deadline: soon() })).pong).toBeDefined();
    client.close();
  });

  it('survives the HTTP/2 preface followed by garbage frames', async () => {
    await using server = await startBusTestServer({ keys: [KEY] });
    await new Promise<void>((resolve) => {
      const socket = connectTcp(server.port, '127.0.0.1', () =>
        socket.write(Buffer.concat([Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'), randomBytes(4096)])),
      );
      socket.on('error', () => resolve());
      socket.on('close', () => resolve());
      socket.on('data', () => undefined);
    });
    const client = busClient(server.address);
    expect((await client.unary('ping', { ping: ping(1) }, { deadline: soon() })).pong).toBeDefined();
    client.close();
  });

  it('answers malformed gRPC requests over valid HTTP/2 with an error status, and still answers', async () => {
    await using server = await startBusTestServer({ keys: [KEY] });
    const session = connectHttp2(`http://${server.address}`);
    const send = (path: string, body: Buffer): Promise<string | undefined> =>
      new Promise((resolve) => {
        const stream = session.request({
          [http2.HTTP2_HEADER_METHOD]: 'POST',
          [http2.HTTP2_HEADER_PATH]: path,
          [http2.HTTP2_HEADER_CONTENT_TYPE]: 'application/grpc',
          te: 'trailers',
        });
        let grpcStatus: string | undefined;
        stream.on('response', (headers) => (grpcStatus = headers['grpc-status'] as string | undefined));
        stream.on('trailers', (trailers) => (grpcStatus = trailers['grpc-status'] as string | undefined));
        stream.on('data', () => undefined);
        stream.on('close', () => resolve(grpcStatus));
        stream.on('error', () => resolve(grpcStatus));
        stream.end(body);
      });
    // A length prefix announcing 2 GiB, a message shorter than its prefix, and an unknown method.
    const hugePrefix = Buffer.from([0, 0x7f, 0xff, 0xff, 0xff, 1, 2, 3]);
    const truncated = Buffer.from([0, 0, 0, 0, 100, 1, 2, 3]);
    const statuses = [
      await send(PING_PATH, hugePrefix),
      await send(PING_PATH, truncated),
      await send('/tessera.cluster.v1.ClusterBusService/Nope', Buffer.from([0, 0, 0, 0, 0])),
    ];
    session.close();
    expect(statuses[0]).toBe(String(status.RESOURCE_EXHAUSTED));
    // grpc-js ends a unary call whose stream closes before one whole message with UNIMPLEMENTED.
    expect([String(status.UNIMPLEMENTED), String(status.INTERNAL)]).toContain(statuses[1]);
    expect(statuses[2]).toBe(String(status.UNIMPLEMENTED));
    expect(server.handled).toEqual([]);
    const client = busClient(server.address);
    expect((await client.unary('ping', { ping: ping(1) }, { deadline: soon() })).pong).toBeDefined();
    client.close();
  });
});

/** A port that was free a moment ago and has no listener. */
function freeClosedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}
