// The RESP listener: accepts connections (up to maxclients), wires each to a ClientConnection, implements
// the ClientTransport port for commands (flush other clients, close, pause), runs the periodic cron
// (active expiry, idle timeouts, instantaneous metrics) and shuts down gracefully.
import { createServer, type Server as NetServer, type Socket } from 'node:net';
import type { Logger } from '@tessera/telemetry';
import type { Dispatcher } from '../commands/dispatcher.js';
import { ClientConnection } from './client-connection.js';
import type { ClientState, ClientTransport } from './client-state.js';
import type { ServerState } from './server-state.js';

export interface ListenOptions {
  port: number;
  /** Addresses to bind; Redis's `bind` directive. @default ['0.0.0.0'] */
  hosts?: readonly string[];
}

/** Keys checked per active-expiry cycle (each cron tick). */
const ACTIVE_EXPIRE_BUDGET = 2000;

export class RespServer implements ClientTransport {
  private readonly listeners: NetServer[] = [];
  private readonly connections = new Map<number, ClientConnection>();
  private readonly flushQueue = new Set<ClientState>();
  private flushScheduled = false;
  private cron: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly state: ServerState,
    private readonly dispatcher: Dispatcher,
    private readonly log: Logger,
  ) {}

  /** Listens on every host of `options`; resolves with the bound port (useful with port 0). */
  async listen(options: ListenOptions): Promise<number> {
    const hosts = options.hosts && options.hosts.length > 0 ? options.hosts : ['0.0.0.0'];
    let port = options.port;
    for (const host of hosts) {
      const server = createServer({ noDelay: true }, (socket) => this.accept(socket));
      server.on('error', (err) => this.log.error({ err }, 'listener error'));
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen({ port, host, backlog: this.state.config.getNumber('tcp-backlog') }, () => {
          server.off('error', reject);
          resolve();
        });
      });
      const address = server.address();
      if (address !== null && typeof address === 'object') port = address.port;
      this.listeners.push(server);
    }
    this.state.port = port;
    this.startCron();
    return port;
  }

  private accept(socket: Socket): void {
    if (this.closed) {
      socket.destroy();
      return;
    }
    const stats = this.state.stats;
    if (this.connections.size >= this.state.config.getNumber('maxclients')) {
      stats.rejectedConnections++;
      socket.end('-ERR max number of clients reached\r\n');
      return;
    }
    stats.totalConnections++;
    const connection = new ClientConnection(socket, this.state, this.dispatcher, this, this.log);
    const client = connection.client;
    this.connections.set(client.id, connection);
    this.state.clients.set(client.id, client);
    socket.on('error', (err) =>
      this.log.debug({ client: client.id, err: err.message }, 'client socket error'),
    );
    socket.on('close', () => this.forget(client));
    const keepAlive = this.state.config.getNumber('tcp-keepalive');
    if (keepAlive > 0) socket.setKeepAlive(true, keepAlive * 1000);
  }

  private forget(client: ClientState): void {
    client.closing = true;
    this.state.blocking.unblock(client);
    this.state.pubsub.removeClient(client);
    this.state.unwatchAll(client);
    this.connections.delete(client.id);
    this.state.clients.delete(client.id);
    this.flushQueue.delete(client);
  }

  // ------------------------------------------------------------ ClientTransport

  requestFlush(client: ClientState): void {
    this.flushQueue.add(client);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    queueMicrotask(() => this.flushAll());
  }

  private flushAll(): void {
    this.flushScheduled = false;
    for (const client of this.flushQueue) this.connections.get(client.id)?.flush();
    this.flushQueue.clear();
  }

  closeAfterReply(client: ClientState): void {
    this.connections.get(client.id)?.closeAfterReply();
  }

  kill(client: ClientState, reason: string): void {
    this.log.debug({ client: client.id, reason }, 'killing client');
    this.connections.get(client.id)?.kill();
  }

  setReading(client: ClientState, reading: boolean): void {
    const connection = this.connections.get(client.id);
    if (connection === undefined) return;
    if (reading) queueMicrotask(() => connection.resumeReading());
    else connection.pauseReading();
  }

  /** The connection of a client (AUTH tells it to lift the unauthenticated limits). */
  connectionOf(client: ClientState): ClientConnection | undefined {
    return this.connections.get(client.id);
  }

  // ------------------------------------------------------------ cron and shutdown

  private startCron(): void {
    const hz = this.state.config.getNumber('hz');
    this.cron = setInterval(() => this.tick(), Math.max(2, Math.floor(1000 / hz)));
    this.cron.unref();
  }

  private tick(): void {
    const now = this.state.now();
    this.state.stats.sample(now);
    this.state.db.activeExpireCycle(
      ACTIVE_EXPIRE_BUDGET * this.state.config.getNumber('active-expire-effort'),
    );
    const timeout = this.state.config.getNumber('timeout');
    if (timeout > 0) {
      for (const connection of this.connections.values()) {
        const client = connection.client;
        if (client.blocked !== null || client.subscriptionCount !== 0) continue;
        if (now - client.lastInteraction > timeout * 1000) {
          this.log.debug({ client: client.id }, 'closing idle client');
          connection.kill();
        }
      }
    }
    if (this.state.blocking.hasReady) this.state.blocking.serveReady();
  }

  /** Stops accepting, flushes and closes every client, and resolves when the listeners are closed. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.cron !== null) clearInterval(this.cron);
    const closing = this.listeners.map(
      (server) => new Promise<void>((resolve) => server.close(() => resolve())),
    );
    for (const connection of this.connections.values()) connection.closeAfterReply();
    await Promise.all(closing);
  }
}
