// The keyspace as the cluster links change it outside commands (the gossip-agent's flush_data and
// drop_slot_keys, the in-process link's dropped slots): the same deletions, also propagated to replicas as
// FLUSHALL and DELs (redis delKeysInSlot propagates each deleted key), so a replica follows its master there
// too. On a node that does not propagate (no replicas, or a replica) it is the plain keyspace. No I/O.
import type { LocalKeyspace } from '../cluster/local-agent-link.js';
import type { ServerState } from '../server/server-state.js';

export function replicatedKeyspace(server: ServerState): LocalKeyspace {
  const db = server.db;
  const state = server.replication.state;
  return {
    get size() {
      return db.size;
    },
    countInSlot: (slot) => db.countInSlot(slot),
    flushSlot: (slot) => {
      let deleted = 0;
      for (const key of db.keysInSlot(slot, db.countInSlot(slot))) {
        if (!db.delete(key)) continue;
        deleted++;
        state.propagate(['DEL', key]);
      }
      return deleted;
    },
    flush: () => {
      const removed = db.flush();
      state.propagate(['FLUSHALL']);
      return removed;
    },
  };
}
