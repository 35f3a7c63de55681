// Cluster mode's replication control (what redis clusterSetMaster / replicationSetMaster /
// replicationUnsetMaster do when the cluster configuration changes a node's role): it watches every topology
// view the data-node installs and makes the node play the role the view gives it.
// - myself a replica of M: stop propagating, drop the replicas this node served, stop expiring keys on its own,
//   and (re)open a MasterLink to M's data-node at M's IP and client port + 20000 (a new link when M or its
//   address changes); the link offers this node's history, so a node that shares M's (PSYNC2) resumes.
// - myself a master again (promotion, CLUSTER RESET...): close the link, keep the data, take a new replication
//   id keeping the old one as replid2 (siblings resume from the backlog), expire keys again and go on
//   propagating from the same offset.
// It also answers whether a Psync may be served (this node is the master the replica names), sends
// keepalives, frees the backlog after repl-backlog-ttl without replicas, and tells the agent link (heartbeat)
// and the routing view (CLUSTER SLOTS shows a replica once it has synced) when that changes.
import { status } from '@grpc/grpc-js';
import type { Logger } from '@tessera/telemetry';
import type { ClusterView } from '../cluster/cluster-view.js';
import type { Dispatcher } from '../commands/dispatcher.js';
import type { ServerState } from '../server/server-state.js';
import { MasterLink, type MasterLinkTiming } from './master-link.js';
import { NEVER_LINKED, type Replication } from './replication.js';

/** A master's replication port is its client port plus this (the cluster bus is + 10000). */
export const REPLICATION_PORT_INCR = 20_000;

/** Ticks per second of the manager (keepalives, backlog TTL). */
const TICK_MS = 100;

export interface ReplicationManagerOptions {
  readonly server: ServerState;
  readonly dispatcher: Dispatcher;
  readonly secret: string;
  readonly log: Logger;
  /** The client port this node announces (told to its master, INFO slaveN:port). */
  readonly clientPort: number;
  /**
   * Where the master with this IP and client port serves ReplicationService.
   * @default `${ip}:${port + 20000}`
   */
  readonly replicationAddress?: (ip: string, port: number) => string;
  /** The reported offset, the role or the link status changed: heartbeat now, re-render CLUSTER SLOTS. */
  readonly changed?: () => void;
  readonly linkTiming?: Partial<MasterLinkTiming>;
}

export class ReplicationManager {
  private readonly replication: Replication;
  private link: MasterLink | null = null;
  private linkTarget = '';
  private myId = '';
  private myIp = '';
  private readonly ticker: NodeJS.Timeout;
  private ticks = 0;
  private lastReported = '';
  private closed = false;

  constructor(private readonly options: ReplicationManagerOptions) {
    this.replication = options.server.replication;
    const log = options.log;
    this.replication.events = {
      synced: (session, how, offset) =>
        log.info(
          { replica: session.nodeId, addr: `${session.ip}:${session.port}`, how, offset },
          how === 'full'
            ? 'replica asked for a sync: full sync from a snapshot'
            : 'replica resumed: partial resync',
        ),
      snapshotSent: (session, keys, bytes, ms) =>
        log.info({ replica: session.nodeId, keys, bytes, ms }, 'full sync: snapshot sent, replica online'),
      closed: (session, reason) => log.info({ replica: session.nodeId, reason }, 'replica disconnected'),
    };
    this.ticker = setInterval(() => this.tick(), TICK_MS);
    this.ticker.unref();
    options.server.config.onChange((name) => {
      if (name === 'replica-read-only') this.applyReadOnly();
    });
  }

  /** A replica refuses its clients' writes while replica-read-only is yes (Redis's default). */
  private applyReadOnly(): void {
    const server = this.options.server;
    this.options.dispatcher.readOnlyReplica =
      this.replication.role === 'replica' && server.config.getBool('replica-read-only');
  }

  /** Follows myself's role in a new topology view. */
  viewChanged(view: ClusterView): void {
    if (this.closed) return;
    const me = view.myself;
    this.myId = me.id;
    this.myIp = view.nodeAddress?.(me.id)?.ip ?? '';
    if (me.role === 'replica' && me.masterId !== null) this.followMaster(view, me.masterId);
    else if (this.replication.role === 'replica') this.becomeMaster();
    this.reportIfChanged();
  }

  /** Null when this node may serve a replica of `masterNodeId` now, else why not (FAILED_PRECONDITION). */
  canServe(masterNodeId: string): string | null {
    if (this.closed) return 'this data-node is shutting down';
    if (this.replication.role !== 'master') return 'this data-node is a replica, not a master';
    if (masterNodeId !== this.myId)
      return `this data-node is ${this.myId || 'not part of a cluster yet'}, not ${masterNodeId}`;
    return null;
  }

  /** Stops the link and ends every replica's stream (shutdown). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.ticker);
    this.link?.close();
    this.link = null;
    this.replication.hub.closeAll(status.UNAVAILABLE, 'the master is shutting down');
  }

  // ------------------------------------------------------------------ role changes

  private followMaster(view: ClusterView, masterId: string): void {
    const address = view.nodeAddress?.(masterId) ?? null;
    const target = address === null ? `${masterId}@?` : `${masterId}@${address.ip}:${address.port}`;
    if (this.replication.role === 'replica' && this.linkTarget === target) return;
    const { server, log } = this.options;
    const replication = this.replication;
    const wasMaster = replication.role === 'master';
    if (wasMaster) {
      log.info(
        { master: masterId },
        'this node is now a replica: it stops taking writes and follows its master',
      );
      replication.state.stopPropagating();
      replication.hub.closeAll(status.FAILED_PRECONDITION, 'this node is now a replica');
      server.db.deleteExpired = false;
      replication.role = 'replica';
      this.applyReadOnly();
    }
    const downSince =
      this.link === null ? (wasMaster ? server.now() : NEVER_LINKED) : this.link.downSince || server.now();
    this.link?.close();
    this.link = null;
    this.linkTarget = target;
    if (address === null) {
      log.warn({ master: masterId }, 'the master of this replica has no known address yet');
      replication.link = placeholderLink(masterId, downSince);
      return;
    }
    const link = new MasterLink({
      server,
      dispatcher: this.options.dispatcher,
      masterId,
      masterHost: address.ip,
      masterPort: address.port,
      replicationAddress: (this.options.replicationAddress ?? defaultReplicationAddress)(
        address.ip,
        address.port,
      ),
      myId: this.myId,
      myPort: this.options.clientPort,
      myIp: this.myIp,
      secret: this.options.secret,
      log,
      downSince,
      changed: () => this.reportIfChanged(),
      ...(this.options.linkTiming === undefined ? {} : { timing: this.options.linkTiming }),
    });
    this.link = link;
    replication.link = link;
    link.start();
  }

  /** Promotion (or a replica reset): keep the data, continue the history under a new id. */
  private becomeMaster(): void {
    const { server, log } = this.options;
    const replication = this.replication;
    const link = this.link;
    this.link?.close();
    this.link = null;
    this.linkTarget = '';
    replication.link = null;
    replication.role = 'master';
    this.applyReadOnly();
    server.db.deleteExpired = true;
    replication.state.shiftReplicationId();
    if (replication.state.backlog !== null) replication.state.startPropagating();
    log.info(
      {
        formerMaster: link?.masterId,
        offset: replication.state.offset,
        replicationId: replication.state.replicationId,
        replicationId2: replication.state.replicationId2,
      },
      'this node is now a master: it keeps its data and continues the replication history',
    );
  }

  // ------------------------------------------------------------------ periodic

  private tick(): void {
    const hub = this.replication.hub;
    hub.tick();
    if (++this.ticks % 10 === 0) this.expireBacklog();
    this.reportIfChanged();
  }

  /** A master without replicas for repl-backlog-ttl seconds frees its backlog (redis replicationCron). */
  private expireBacklog(): void {
    const { server, log } = this.options;
    const state = this.replication.state;
    const ttl = server.config.getNumber('repl-backlog-ttl');
    const since = this.replication.hub.noReplicasSince;
    if (this.replication.role !== 'master' || state.backlog === null || ttl === 0 || since === 0) return;
    if (server.now() - since < ttl * 1000) return;
    state.freeBacklog();
    log.info({ ttlSeconds: ttl }, 'replication backlog freed: no replica for repl-backlog-ttl');
  }

  /** Tells `changed` when what the node reports (role, offset zero or not, link status) changed. */
  private reportIfChanged(): void {
    const replication = this.replication;
    const report = `${replication.role}/${replication.reportedOffset() === 0 ? 0 : 1}/${replication.link?.status ?? '-'}`;
    if (report === this.lastReported) return;
    this.lastReported = report;
    this.options.changed?.();
  }
}

function defaultReplicationAddress(ip: string, port: number): string {
  const host = ip.includes(':') ? `[${ip}]` : ip;
  return `${host}:${port + REPLICATION_PORT_INCR}`;
}

/** The link of a replica whose master has no address yet: down, nothing read. */
function placeholderLink(masterId: string, downSince: number): Replication['link'] {
  return {
    masterId,
    host: '?',
    port: 0,
    status: 'connect',
    lastIoAt: 0,
    downSince,
    readOffset: 0,
    syncStartedAt: 0,
    syncReadBytes: 0,
  };
}
