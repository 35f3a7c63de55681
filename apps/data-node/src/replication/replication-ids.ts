// Replication ids (redis server.replid / replid2, src/replication.c changeReplicationId): 40 random lowercase
// hex characters naming one history of the stream. A master takes a new one when it starts a backlog for
// its first replica and when it is promoted (keeping the old one as replid2, so replicas of the same old
// master can still resume: PSYNC2). Pure apart from the random source.
import { randomBytes } from 'node:crypto';

/** replid2 when there is none (INFO master_replid2). */
export const NO_REPLICATION_ID = '0000000000000000000000000000000000000000';

const REPLICATION_ID = /^[0-9a-f]{40}$/;

/** A fresh random replication id. */
export function newReplicationId(): string {
  return randomBytes(20).toString('hex');
}

/** Whether `text` is a replication id (40 lowercase hex). */
export function isReplicationId(text: string): boolean {
  return REPLICATION_ID.test(text);
}
