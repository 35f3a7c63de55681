// Test support for replication: real data-nodes in this process, in cluster mode with the in-process agent
// link, on client ports whose replication port (+ 20000) is free too, given a topology where one master
// serves every slot and the others are its replicas (installed with LocalAgentLink.load, as a snapshot from
// the agent would be). Helpers wait for a replica to be synced and compare whole datasets (DEBUG DIGEST).
// Production code never imports src/testing.
import { clusterStateFromNodes } from '@tessera/cluster-model';
import { freePortPair, waitFor } from '@tessera/testing';
import { createRootLogger } from '@tessera/telemetry';
import type { Redis } from 'ioredis';
import type { CreateDataNodeOptions } from '../app/create-data-node.js';
import { settled } from './cluster-fixtures.js';
import { startInProcessNode, type InProcessNode } from './in-process-node.js';

export const MASTER_ID = 'a'.repeat(40);
/** Ids of the replicas, in order. */
export const REPLICA_IDS = ['d'.repeat(40), 'e'.repeat(40), 'f'.repeat(40)] as const;

export interface ReplicatedNodesOptions {
  /** Replicas of the master. @default 1 */
  readonly replicas?: number;
  /** Directives of every node. */
  readonly directives?: Record<string, string>;
  /** Directives of the master only. */
  readonly masterDirectives?: Record<string, string>;
  /** Replication overrides of the replicas (link timings). */
  readonly replicaReplication?: CreateDataNodeOptions['replication'];
  /** LOG_LEVEL of the nodes' loggers. @default env LOG_LEVEL, else silent */
  readonly logLevel?: string;
  /**
   * Start with the replicas as masters without slots (the master can be filled first); `replicate()` makes
   * them its replicas. @default false
   */
  readonly detached?: boolean;
}

export interface ReplicatedNodes extends AsyncDisposable {
  readonly master: InProcessNode;
  readonly replicas: readonly InProcessNode[];
  /** Admin clients, one per node (master first), disconnected on dispose. */
  readonly masterClient: Redis;
  readonly replicaClients: readonly Redis[];
  /** The first replica and its admin client. */
  readonly replica: InProcessNode;
  readonly replicaClient: Redis;
  /** Installs a topology on every node, written as CLUSTER NODES lines by `lines(myselfId)`. */
  load(lines: (myself: string) => string): void;
  /** Installs the topology where every replica follows the master (the start's, unless `detached`). */
  replicate(): void;
  close(): Promise<void>;
}

const DIRECTIVES = {
  'cluster-enabled': 'yes',
  'cluster-agent': 'local',
  'cluster-announce-ip': '127.0.0.1',
};

/** The topology: `masterId` serves 0-16383 at `masterPort`, each replica follows it. */
export function masterWithReplicasText(
  myself: string,
  master: { id: string; port: number },
  replicas: readonly { id: string; port: number; masterId?: string }[],
): string {
  const flag = (id: string, role: string) => (id === myself ? `myself,${role}` : role);
  const lines = [
    `${master.id} 127.0.0.1:${master.port}@${master.port} ${flag(master.id, 'master')} - 0 0 1 connected 0-16383`,
    ...replicas.map(
      (r) =>
        `${r.id} 127.0.0.1:${r.port}@${r.port} ${flag(r.id, 'slave')} ${r.masterId ?? master.id} 0 0 1 connected`,
    ),
  ];
  return lines.map((line) => `${line}\n`).join('');
}

export async function startReplicatedNodes(options: ReplicatedNodesOptions = {}): Promise<ReplicatedNodes> {
  const level = options.logLevel ?? process.env['LOG_LEVEL'] ?? 'silent';
  const logger = createRootLogger({ service: 'data-node', level });
  const start = async (
    directives: Record<string, string>,
    replication?: CreateDataNodeOptions['replication'],
  ) => {
    const port = await freePortPair('127.0.0.1', 20_000);
    return startInProcessNode(
      { ...DIRECTIVES, ...options.directives, ...directives, port: String(port) },
      { logger, ...(replication === undefined ? {} : { replication }) },
    );
  };
  const master = await start(options.masterDirectives ?? {});
  const replicas: InProcessNode[] = [];
  for (let i = 0; i < (options.replicas ?? 1); i++)
    replicas.push(await start({}, options.replicaReplication));
  const nodes = [master, ...replicas];
  const ids = [MASTER_ID, ...REPLICA_IDS];
  const load = (lines: (myself: string) => string): void => {
    nodes.forEach((node, i) => {
      if (node.cluster?.kind !== 'local') throw new Error('expected the in-process agent link');
      node.cluster.agent.load(settled(clusterStateFromNodes(lines(ids[i] as string))));
    });
  };
  const replicate = (): void =>
    load((myself) =>
      masterWithReplicasText(
        myself,
        { id: MASTER_ID, port: master.port },
        replicas.map((r, i) => ({ id: REPLICA_IDS[i] as string, port: r.port })),
      ),
    );
  if (options.detached) {
    load((myself) => {
      const flag = (id: string) => (id === myself ? 'myself,master' : 'master');
      return [
        `${MASTER_ID} 127.0.0.1:${master.port}@${master.port} ${flag(MASTER_ID)} - 0 0 1 connected 0-16383\n`,
        ...replicas.map(
          (r, i) =>
            `${REPLICA_IDS[i]} 127.0.0.1:${r.port}@${r.port} ${flag(REPLICA_IDS[i] as string)} - 0 0 0 connected\n`,
        ),
      ].join('');
    });
  } else {
    replicate();
  }
  const masterClient = master.ioredis();
  const replicaClients = replicas.map((r) => r.ioredis());
  const close = async (): Promise<void> => {
    for (const client of [masterClient, ...replicaClients]) client.disconnect();
    await Promise.all(nodes.map((node) => node.close()));
  };
  return {
    master,
    replicas,
    masterClient,
    replicaClients,
    replica: replicas[0] as InProcessNode,
    replicaClient: replicaClients[0] as Redis,
    load,
    replicate,
    close,
    [Symbol.asyncDispose]: close,
  };
}

/** INFO replication of `client` as fields. */
export async function replicationInfo(client: Redis): Promise<Record<string, string>> {
  const text = await client.info('replication');
  const fields: Record<string, string> = {};
  for (const line of text.split('\r\n')) {
    const at = line.indexOf(':');
    if (at > 0) fields[line.slice(0, at)] = line.slice(at + 1);
  }
  return fields;
}

/** Waits until the replica's link is up and it applied everything the master has propagated. */
export async function waitForCaughtUp(master: Redis, replica: Redis, timeoutMs = 20_000): Promise<void> {
  await waitFor(
    'the replica to catch up with its master',
    async () => {
      const [m, r] = await Promise.all([replicationInfo(master), replicationInfo(replica)]);
      const link = r['master_link_status'];
      const at = `master ${m['master_repl_offset']}, replica ${r['slave_repl_offset']}, link ${link}`;
      return link === 'up' && m['master_repl_offset'] === r['slave_repl_offset'] ? true : at;
    },
    { timeoutMs, intervalMs: 20 },
  );
}

/** Waits until the replica's link to its master is up (its first sync is over). */
export async function waitForLinkUp(replica: Redis, timeoutMs = 20_000): Promise<void> {
  await waitFor(
    'the replica link to be up',
    async () => {
      const info = await replicationInfo(replica);
      return info['master_link_status'] === 'up' ? true : `link ${info['master_link_status']}`;
    },
    { timeoutMs, intervalMs: 20 },
  );
}

/** DEBUG DIGEST of a node: equal on two nodes exactly when they hold the same keys, values and TTLs. */
export async function digest(client: Redis): Promise<string> {
  return String(await client.call('DEBUG', 'DIGEST'));
}
