// The RESP listener: accepts connections (up to maxclients, loopback only in protected mode), wires each to a
// ClientConnection, implements the ClientTransport port for commands (flush other clients, close, pause,
// authentication changes), runs the periodic cron (active expiry, idle timeouts, instantaneous metrics) and
// shuts down gracefully: stop accepting, flush and close every client, destroy the ones that linger.
import { createServer, type Server as NetServer, type Socket } from 'node:net';
import type { Logger } from '@tessera/telemetry';
import type { Dispatcher } from '../commands/dispatcher.js';
import { ClientConnection } from './client-connection.js';
import type { ClientState, ClientTransport, ConnectionInfo } from './client-state.js';
import type { ServerState } from './server-state.js';
import { isActiveExpireEnabled } from './active-expire-switch.js';
import { clientPauseOf } from './client-pause.js';
import { isLoopback } from './loopback.js';

export interface ListenOptions {
  port: number;
  /** Addresses to bind; Redis's `bind` directive. @default ['0.0.0.0'] */
  hosts?: readonly string[];
}

/** Keys checked per active-expiry cycle (each cron tick). */
const ACTIVE_EXPIRE_BUDGET = 2000;
/** How long `close()` waits for clients to take their last replies before destroying their sockets. */
const CLOSE_GRACE_MS = 2000;

/** Redis 7.0's refusal in protected mode (networking.c clientAcceptHandler, typo included), sent before closing. */
const PROTECTED_MODE_DENIED =
  '-DENIED Redis is running in protected mode because protected mode is enabled and no password is set ' +
  'for the default user. In this mode connections are only accepted from the loopback interface. If you ' +
  'want to connect from external computers to Redis you may adopt one of the following solutions: 1) Just ' +
  "disable protected mode sending the command 'CONFIG SET protected-mode no' from the loopback interface " +
  'by connecting to Redis from the same host the server is running, however MAKE SURE Redis is not ' +
  'publicly accessible from internet if you do so. Use CONFIG REWRITE to make this change permanent. 2) ' +
  'Alternatively you can just disable the protected mode by editing the Redis configuration file, and ' +
  "setting the protected mode option to 'no', and then restarting the server. 3) If you started the " +
  "server manually just for testing, restart it with the '--protected-mode no' option. 4) Setup a an " +
  'authentication password for the default user. NOTE: You only need to do one of the above things in ' +
  'order for the server to start accepting connections from the outside.\r\n';

export class RespServer implements ClientTransport {
  private readonly listeners: NetServer[] = [];
  private readonly connections = new Map<number, ClientConnection>();
  private readonly flushQueue = new Set<ClientState>();
  private flushScheduled = false;
  private cron: NodeJS.Timeout | null = null;
  private closed = false;
  /** While set, accepted connections wait unread for it (see holdClientsUntil). */
  private admission: Promise<void> | null = null;
  private readonly held = new Set<Socket>();

  constructor(
    private readonly state: ServerState,
    private readonly dispatcher: Dispatcher,
    private readonly log: Logger,
  ) {
    // Clearing requirepass lets clients that never authenticated in at once: Redis asks for AUTH only while
    // the default user has a password (authRequired).
    state.config.onChange((name, value) => {
      if (name !== 'requirepass' || value !== '') return;
      for (const connection of this.connections.values()) {
        if (connection.client.authenticated) continue;
        connection.client.authenticated = true;
        connection.authenticationChanged();
      }
    });
  }

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

  /**
   * Connections accepted before `ready` resolves are held, unread, until it does: a cluster node has no
   * identity or topology before its gossip-agent's first snapshot, and a client that read a placeholder node
   * id (redis-cli --cluster create does at once) would act on it. Redis does not accept before it loaded
   * nodes.conf either.
   */
  holdClientsUntil(ready: Promise<void>): void {
    this.admission = ready;
    void ready.then(() => {
      if (this.admission === ready) this.admission = null;
    });
  }

  private accept(socket: Socket): void {
    if (this.closed) {
      socket.destroy();
      return;
    }
    const admission = this.admission;
    if (admission !== null) {
      socket.pause();
      socket.on('error', () => undefined);
      this.held.add(socket);
      void admission.then(() => {
        this.held.delete(socket);
        if (socket.destroyed) return;
        this.accept(socket);
        socket.resume();
      });
      return;
    }
    const stats = this.state.stats;
    socket.on('error', () => undefined); // a refused peer may reset before we close
    if (this.connections.size >= this.state.config.getNumber('maxclients')) {
      stats.rejectedConnections++;
      socket.end('-ERR max number of clients reached\r\n');
      return;
    }
    if (
      this.state.config.getBool('protected-mode') &&
      !this.state.requiresAuth &&
      !isLoopback(socket.remoteAddress)
    ) {
      stats.rejectedConnections++;
      this.log.warn({ addr: socket.remoteAddress }, 'refusing non-loopback client in protected mode');
      socket.end(PROTECTED_MODE_DENIED);
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
    this.state.suspensions.drop(client);
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

  authenticationChanged(client: ClientState): void {
    this.connections.get(client.id)?.authenticationChanged();
  }

  describe(client: ClientState): ConnectionInfo {
    return this.connections.get(client.id)?.describe() ?? { fd: -1, queryBuffer: 0, outputBuffer: 0 };
  }

  /** The connection of a client. */
  connectionOf(client: ClientState): ClientConnection | undefined {
    return this.connections.get(client.id);
  }

  // ------------------------------------------------------------ cron and shutdown

  /** Runs `tick` hz times a second, re-armed when CONFIG SET changes hz. */
  private startCron(): void {
    const arm = (): void => {
      if (this.cron !== null) clearInterval(this.cron);
      const hz = this.state.config.getNumber('hz');
      this.cron = setInterval(() => this.tick(), Math.max(2, Math.floor(1000 / hz)));
      this.cron.unref();
    };
    arm();
    this.state.config.onChange((name) => {
      if (name === 'hz' && !this.closed) arm();
    });
  }

  private tick(): void {
    const now = this.state.now();
    this.state.stats.sample(now);
    // A CLIENT PAUSE freezes the keyspace: keys expire again once it ends (Redis: PAUSE_ACTION_EXPIRE).
    if (isActiveExpireEnabled(this.state) && !clientPauseOf(this.state).active) {
      this.state.db.activeExpireCycle(
        ACTIVE_EXPIRE_BUDGET * this.state.config.getNumber('active-expire-effort'),
      );
    }
    const timeout = this.state.config.getNumber('timeout');
    if (timeout > 0) {
      for (const connection of this.connections.values()) {
        const client = connection.client;
        if (client.blocked !== null || client.suspended !== null || client.subscriptionCount !== 0) continue;
        if (now - client.lastInteraction > timeout * 1000) {
          this.log.debug({ client: client.id }, 'closing idle client');
          connection.kill();
        }
      }
    }
    if (this.state.blocking.hasReady) this.state.blocking.serveReady();
  }

  /**
   * Stops accepting, flushes and half-closes every client, and resolves once every socket and listener is
   * closed. Clients still open after `graceMs` (a peer that does not read or never closes its side) are
   * destroyed, so shutdown is bounded.
   */
  async close(graceMs = CLOSE_GRACE_MS): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.cron !== null) clearInterval(this.cron);
    const closing = this.listeners.map(
      (server) => new Promise<void>((resolve) => server.close(() => resolve())),
    );
    for (const connection of this.connections.values()) connection.closeAfterReply();
    for (const socket of this.held) socket.destroy();
    this.held.clear();
    const grace = setTimeout(() => {
      for (const connection of this.connections.values()) connection.kill();
    }, graceMs);
    await Promise.all(closing);
    clearTimeout(grace);
  }
}
