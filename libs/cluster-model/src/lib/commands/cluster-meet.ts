// CLUSTER MEET ip port [cport] (redis src/cluster.c 7.0, `clusterStartHandshake`): parse the ports
// (`Invalid TCP base port specified`, `Invalid TCP bus port specified`), check the address as inet_pton does
// and normalize it (`Invalid node address specified: <ip>:<port>`), then add a handshake node with a random
// temporary id unless one for the same address is already in progress (still `+OK`). The tick then connects
// to it and the first message is a MEET. cport defaults to port + 10000. Pure: randomness from the env.
import { createNode, inHandshake } from '../model/cluster-node.js';
import type { ClusterState } from '../model/cluster-state.js';
import type { ModelEnv } from '../model/env.js';
import { normalizeIp } from '../model/ip-address.js';
import { StateDraft } from '../model/state-draft.js';
import { CLUSTER_ERRORS, int64Argument, OK_REPLY, refuse, type CommandOutcome } from './command-outcome.js';

/** Redis's default distance between the client port and the bus port (CLUSTER_PORT_INCR). */
export const CLUSTER_PORT_INCR = 10_000;

/** `args`: `[<ip>, <port>]` or `[<ip>, <port>, <cport>]`. */
export function clusterMeet(state: ClusterState, args: readonly string[], env: ModelEnv): CommandOutcome {
  const [ipText = '', portText = '', busText] = args;
  const port = int64Argument(portText);
  if (port === null) return refuse(CLUSTER_ERRORS.invalidBasePort(portText));
  let busPort = port + BigInt(CLUSTER_PORT_INCR);
  if (busText !== undefined) {
    const parsed = int64Argument(busText);
    if (parsed === null) return refuse(CLUSTER_ERRORS.invalidBusPort(busText));
    busPort = parsed;
  }
  const ip = normalizeIp(ipText);
  if (ip === null || port <= 0n || port > 65535n || busPort <= 0n || busPort > 65535n) {
    return refuse(CLUSTER_ERRORS.invalidAddress(ipText, portText));
  }
  const draft = new StateDraft(state, env);
  const inProgress = draft
    .allNodes()
    .some(
      (node) =>
        inHandshake(node) && node.ip === ip && node.port === Number(port) && node.busPort === Number(busPort),
    );
  if (!inProgress) {
    const id = draft.randomId();
    draft.addNode(
      createNode({
        id,
        shardId: draft.randomId(),
        createdAt: draft.now,
        ip,
        port: Number(port),
        busPort: Number(busPort),
        flags: ['handshake'],
        meetPending: true,
      }),
    );
    draft.event('node-added', id, { via: 'CLUSTER MEET', handshake: true });
  }
  return { ok: true, reply: OK_REPLY, ...draft.finish() };
}
