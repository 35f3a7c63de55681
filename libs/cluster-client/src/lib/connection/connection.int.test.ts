import { Socket } from 'node:net';
import { RespError } from '@tessera/resp';
import { freePort, startRedisServer } from '@tessera/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startScriptedServer } from '../../testing/scripted-resp-server.js';
import {
  ConnectFailedError,
  ConnectionClosedError,
  HandshakeFailedError,
  ProtocolError,
  TimeoutError,
} from '../errors.js';
import { nodeAddress } from '../topology/node-address.js';
import { Connection, CONNECTION_STATES, type ReplySink } from './connection.js';
import { resolveConnectionSettings, type ConnectionSettings } from './connection-settings.js';

function open(port: number, settings: ConnectionSettings & { readOnly?: boolean } = {}): Connection {
  const { readOnly = false, ...rest } = settings;
  return new Connection(nodeAddress('127.0.0.1', port), {
    ...resolveConnectionSettings(rest),
    readOnly,
    connectDelayMs: 0,
  });
}

/** A sink that records how its command ended. */
function recordingSink() {
  let outcome: { reply: unknown } | { error: Error; sent: boolean } | undefined;
  const sink: ReplySink = { reply: () => undefined, fail: () => undefined };
  const settled = new Promise<void>((resolve) => {
    sink.reply = (value) => {
      outcome = { reply: value };
      resolve();
    };
    sink.fail = (error, sent) => {
      outcome = { error, sent };
      resolve();
    };
  });
  return { sink, settled, outcome: () => outcome };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Connection against redis-server', () => {
  it('pipelines commands queued in one tick into one socket write and matches replies in order', async () => {
    await using redis = await startRedisServer();
    const connection = open(redis.port);
    expect(await connection.send(['PING'])).toBe('PONG');
    const write = vi.spyOn(Socket.prototype, 'write');
    const replies = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        connection.send(i % 2 === 0 ? ['SET', `k${i}`, `v${i}`] : ['GET', `k${i - 1}`]),
      ),
    );
    expect(write).toHaveBeenCalledTimes(1);
    replies.forEach((reply, i) => expect(reply).toBe(i % 2 === 0 ? 'OK' : `v${i - 1}`));
    await connection.close();
    expect(connection.state).toBe(CONNECTION_STATES.CLOSED);
  });

  it('queues commands until AUTH succeeds, then serves them', async () => {
    await using redis = await startRedisServer({ args: ['--requirepass', 's3cret'] });
    const connection = open(redis.port, { password: 's3cret', clientName: 'tessera-test' });
    expect(connection.state).toBe(CONNECTION_STATES.CONNECTING);
    const [set, name] = await Promise.all([
      connection.send(['SET', 'a', '1']),
      connection.send(['CLIENT', 'GETNAME']),
    ]);
    expect([set, name]).toEqual(['OK', 'tessera-test']);
    await connection.close();
  });

  it('fails queued commands, unsent, with HandshakeFailedError on a wrong password', async () => {
    await using redis = await startRedisServer({ args: ['--requirepass', 's3cret'] });
    const connection = open(redis.port, { password: 'wrong' });
    const { sink, settled, outcome } = recordingSink();
    connection.write(Buffer.from('*1\r\n$4\r\nPING\r\n'), sink);
    await settled;
    const result = outcome() as { error: Error; sent: boolean };
    expect(result.error).toBeInstanceOf(HandshakeFailedError);
    expect(result.error.message).toMatch(/rejected AUTH/);
    expect(result.error.message).not.toMatch(/wrong/); // credentials never show in messages
    expect(result.error.cause).toBeInstanceOf(RespError);
    expect(result.sent).toBe(false);
    expect(connection.state).toBe(CONNECTION_STATES.CLOSED);
  });

  it('speaks RESP3 after HELLO 3 (maps come back as Map)', async () => {
    await using redis = await startRedisServer();
    const connection = open(redis.port, { protocol: 3 });
    await connection.send(['HSET', 'h', 'f', 'v']);
    expect(await connection.send(['HGETALL', 'h'])).toEqual(new Map([['f', 'v']]));
    await connection.close();
  });

  it('lets in-flight commands finish on close() and refuses new ones, unsent', async () => {
    await using redis = await startRedisServer();
    const connection = open(redis.port);
    await connection.send(['PING']);
    const pending = Promise.all([connection.send(['SET', 'x', '1']), connection.send(['GET', 'x'])]);
    const closed = connection.close();
    const { sink, settled, outcome } = recordingSink();
    connection.write(Buffer.from('*1\r\n$4\r\nPING\r\n'), sink);
    expect(await pending).toEqual(['OK', '1']);
    await closed;
    await settled;
    expect(outcome()).toMatchObject({ error: expect.any(ConnectionClosedError), sent: false });
  });

  it('fails a command in flight, as sent, when the server kills the connection', async () => {
    await using redis = await startRedisServer();
    const blocked = open(redis.port);
    const admin = open(redis.port);
    await blocked.send(['CLIENT', 'SETNAME', 'victim']);
    const { sink, settled, outcome } = recordingSink();
    blocked.write(Buffer.from('*3\r\n$5\r\nBLPOP\r\n$4\r\nnone\r\n$1\r\n0\r\n'), sink, 0);
    await vi.waitFor(async () =>
      expect(String(await admin.send(['CLIENT', 'LIST']))).toMatch(/name=victim .*cmd=blpop/),
    );
    await admin.send(['CLIENT', 'KILL', 'TYPE', 'normal', 'SKIPME', 'yes']);
    await settled;
    expect(outcome()).toMatchObject({ error: expect.any(ConnectionClosedError), sent: true });
    expect(blocked.state).toBe(CONNECTION_STATES.CLOSED);
    await admin.close();
  });
});

describe('Connection faults', () => {
  it('fails with ConnectFailedError when nothing listens', async () => {
    const port = await freePort();
    const connection = open(port);
    const error = await connection.send(['PING']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectFailedError);
    expect(error).toMatchObject({
      code: 'RC_ERR_CLUSTER_CLIENT_CONNECT_FAILED',
      address: `127.0.0.1:${port}`,
    });
  });

  it('fails a command with TimeoutError when the peer never answers (default or per-command timeout)', async () => {
    await using silent = await startScriptedServer(() => null);
    const connection = open(silent.port, { commandTimeoutMs: 200 });
    const error = await connection.send(['GET', 'k']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({
      phase: 'command',
      timeoutMs: 200,
      code: 'RC_ERR_CLUSTER_CLIENT_COMMAND_TIMEOUT',
    });
    const perCommand = await connection.send(['GET', 'k'], 50).catch((e: unknown) => e);
    expect(perCommand).toMatchObject({ phase: 'command', timeoutMs: 50 });
    expect(connection.pendingCount).toBe(0);
    await connection.destroy();
  });

  it('fails with a connect TimeoutError when the handshake is never answered', async () => {
    await using silent = await startScriptedServer(() => null);
    const connection = open(silent.port, { password: 'pw', connectTimeoutMs: 200 });
    const { sink, settled, outcome } = recordingSink();
    connection.write(Buffer.from('*1\r\n$4\r\nPING\r\n'), sink);
    await settled;
    expect(outcome()).toMatchObject({ error: { name: 'TimeoutError', phase: 'connect' }, sent: false });
    expect(silent.commands).toEqual([['AUTH', 'pw']]);
  });

  it('drops the connection with ProtocolError when the peer sends garbage', async () => {
    await using garbage = await startScriptedServer(() => '@not resp\r\n');
    const connection = open(garbage.port);
    const error = await connection.send(['PING']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error).toMatchObject({ code: 'RC_ERR_CLUSTER_CLIENT_PROTOCOL' });
    expect(connection.state).toBe(CONNECTION_STATES.CLOSED);
  });

  it('treats a reply nobody asked for as a protocol error', async () => {
    await using chatty = await startScriptedServer(() => '+OK\r\n+EXTRA\r\n');
    const connection = open(chatty.port);
    expect(await connection.send(['PING'])).toBe('OK');
    await vi.waitFor(() => expect(connection.state).toBe(CONNECTION_STATES.CLOSED));
    const error = await connection.send(['PING']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProtocolError);
  });
});
