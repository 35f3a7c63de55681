import { describe, expect, it, vi } from 'vitest';
import { startScriptedServer, type ScriptedServer } from '../../testing/scripted-resp-server.js';
import { CONNECTION_STATES } from '../connection/connection.js';
import { resolveConnectionSettings } from '../connection/connection-settings.js';
import { ConnectFailedError, ConnectionClosedError } from '../errors.js';
import { SILENT_LOGGER } from '../logger.js';
import { nodeAddress } from '../topology/node-address.js';
import { ConnectionPool } from './connection-pool.js';
import { NodeLink, type NodeLinkOptions } from './node-link.js';

const pong = () => '+PONG\r\n';

function linkOptions(over: Partial<NodeLinkOptions> = {}): NodeLinkOptions {
  return {
    settings: resolveConnectionSettings({ commandTimeoutMs: 2000, connectTimeoutMs: 2000 }),
    readOnly: false,
    connectionsPerNode: 1,
    reconnectBaseDelayMs: 10,
    reconnectMaxDelayMs: 100,
    healthCheckIntervalMs: 0,
    logger: SILENT_LOGGER,
    ...over,
  };
}

describe('NodeLink', () => {
  it('connects lazily, on first use', async () => {
    await using server = await startScriptedServer(pong);
    const link = new NodeLink(nodeAddress('127.0.0.1', server.port), linkOptions());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.connections).toBe(0);
    expect(await link.connection().send(['PING'])).toBe('PONG');
    expect(server.connections).toBe(1);
    await link.close();
  });

  it('spreads commands over connectionsPerNode connections, round-robin', async () => {
    await using server = await startScriptedServer(pong);
    const link = new NodeLink(nodeAddress('127.0.0.1', server.port), linkOptions({ connectionsPerNode: 3 }));
    const connections = new Set(Array.from({ length: 6 }, () => link.connection()));
    expect(connections.size).toBe(3);
    await Promise.all([...connections].map((c) => c.send(['PING'])));
    expect(server.connections).toBe(3);
    await link.close();
  });

  it('reconnects after the node restarts, counting failed attempts and resetting on success', async () => {
    let server: ScriptedServer = await startScriptedServer(pong);
    const port = server.port;
    const link = new NodeLink(nodeAddress('127.0.0.1', port), linkOptions());
    try {
      expect(await link.connection().send(['PING'])).toBe('PONG');
      await server.close();
      await vi.waitFor(() => expect(link.connection().state).not.toBe(CONNECTION_STATES.READY));
      for (let attempt = 1; attempt <= 3; attempt++) {
        const error = await link
          .connection()
          .send(['PING'])
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ConnectFailedError);
      }
      expect(link.failures).toBeGreaterThanOrEqual(3);
      server = await startScriptedServer(pong, port);
      await vi.waitFor(async () => expect(await link.connection().send(['PING'])).toBe('PONG'), {
        timeout: 5000,
      });
      expect(link.failures).toBe(0);
    } finally {
      await link.close();
      await server.close();
    }
  });

  it('drops a connection whose idle health-check PING is not answered, and opens a new one on next use', async () => {
    let answered = 0;
    await using server = await startScriptedServer((args) => {
      if (args[0] !== 'PING') return null;
      answered++;
      return answered === 1 ? pong() : null; // the node hangs after its first reply
    });
    const link = new NodeLink(
      nodeAddress('127.0.0.1', server.port),
      linkOptions({
        healthCheckIntervalMs: 50,
        settings: resolveConnectionSettings({ commandTimeoutMs: 200 }),
      }),
    );
    const first = link.connection();
    expect(await first.send(['PING'])).toBe('PONG');
    await vi.waitFor(() => expect(first.state).toBe(CONNECTION_STATES.CLOSED), { timeout: 5000 });
    const health = server.commands.filter(([name]) => name === 'PING').length;
    expect(health).toBeGreaterThanOrEqual(2); // our PING + at least one health check
    expect(link.connection()).not.toBe(first);
    await link.close();
  });
});

describe('ConnectionPool', () => {
  it('closes the links of nodes that left the topology and keeps the others', async () => {
    await using a = await startScriptedServer(pong);
    await using b = await startScriptedServer(pong);
    const pool = new ConnectionPool(linkOptions());
    const linkA = pool.link(nodeAddress('127.0.0.1', a.port));
    const linkB = pool.link(nodeAddress('127.0.0.1', b.port));
    const [connA, connB] = [linkA.connection(), linkB.connection()];
    await Promise.all([connA.send(['PING']), connB.send(['PING'])]);
    await pool.retain(new Set([`127.0.0.1:${a.port}`]));
    expect(pool.keys()).toEqual([`127.0.0.1:${a.port}`]);
    expect(connB.state).toBe(CONNECTION_STATES.CLOSED);
    expect(connA.state).toBe(CONNECTION_STATES.READY);
    expect(pool.link(nodeAddress('127.0.0.1', a.port))).toBe(linkA);
    await pool.close();
    expect(connA.state).toBe(CONNECTION_STATES.CLOSED);
    const error = await connA.send(['PING']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionClosedError);
  });
});
