// INFO replication as redis 7.0 prints it (src/server.c genRedisInfoString, "# Replication"): the replica
// block (master_host ... replica_announced, with the sync progress during a full sync and
// master_link_down_since_seconds while the link is down), connected_slaves and one slaveN line per replica,
// then the history: ids, offsets and the backlog. Pure: the values come from Replication.
import type { ConfigStore } from '../config/config-store.js';
import { NEVER_LINKED, type Replication } from './replication.js';

const seconds = (ms: number): number => Math.floor(ms / 1000);

export function replicationInfoLines(replication: Replication, config: ConfigStore, now: number): string[] {
  const state = replication.state;
  const lines: string[] = [];
  const link = replication.role === 'replica' ? replication.link : null;
  lines.push(`role:${link === null ? 'master' : 'slave'}`);
  if (link !== null) {
    const connected = link.status === 'connected';
    lines.push(
      `master_host:${link.host}`,
      `master_port:${link.port}`,
      `master_link_status:${connected ? 'up' : 'down'}`,
      `master_last_io_seconds_ago:${connected ? seconds(now - link.lastIoAt) : -1}`,
      `master_sync_in_progress:${link.status === 'sync' ? 1 : 0}`,
      `slave_read_repl_offset:${link.readOffset}`,
      `slave_repl_offset:${replication.reportedOffset()}`,
    );
    if (link.status === 'sync') {
      // The snapshot's size is not known in advance (Redis's diskless transfer prints -1 too).
      lines.push(
        'master_sync_total_bytes:-1',
        `master_sync_read_bytes:${link.syncReadBytes}`,
        'master_sync_left_bytes:-1',
        'master_sync_perc:0.00',
        `master_sync_last_io_seconds_ago:${seconds(now - link.lastIoAt)}`,
      );
    }
    if (!connected) {
      const down = link.downSince === NEVER_LINKED ? -1 : seconds(now - link.downSince);
      lines.push(`master_link_down_since_seconds:${down}`);
    }
    lines.push(
      `slave_priority:${config.getNumber('replica-priority')}`,
      `slave_read_only:${config.getBool('replica-read-only') ? 1 : 0}`,
      `replica_announced:${config.getBool('replica-announced') ? 1 : 0}`,
    );
  }
  const sessions = [...replication.hub.sessions];
  lines.push(`connected_slaves:${sessions.length}`);
  sessions.forEach((session, i) => {
    lines.push(
      `slave${i}:ip=${session.ip},port=${session.port},state=${session.state},` +
        `offset=${session.ackOffset},lag=${seconds(now - session.ackAt)}`,
    );
  });
  const backlog = state.backlog;
  lines.push(
    'master_failover_state:no-failover',
    `master_replid:${state.replicationId}`,
    `master_replid2:${state.replicationId2}`,
    `master_repl_offset:${state.offset}`,
    `second_repl_offset:${state.secondReplOffset}`,
    `repl_backlog_active:${backlog === null ? 0 : 1}`,
    `repl_backlog_size:${config.getNumber('repl-backlog-size')}`,
    `repl_backlog_first_byte_offset:${backlog === null ? 0 : backlog.start + 1}`,
    `repl_backlog_histlen:${backlog === null ? 0 : backlog.length}`,
  );
  return lines;
}
