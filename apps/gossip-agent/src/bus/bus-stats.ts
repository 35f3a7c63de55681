// The cluster bus counters: messages sent and received per Redis type (CLUSTER INFO's
// cluster_stats_messages_<type>_sent/_received, pushed to the data-node in every snapshot), and calls refused
// before they counted as received, by reason (GetBusStats `rejected`). Counting rules: bus.proto.
import { BUS_MESSAGE_TYPES, type BusMessageCounters, type BusMessageType } from '@tessera/proto';

const TYPES = Object.keys(BUS_MESSAGE_TYPES) as BusMessageType[];

export class BusStats {
  private readonly sentCounts = new Map<BusMessageType, bigint>();
  private readonly receivedCounts = new Map<BusMessageType, bigint>();
  readonly rejected = new Map<string, bigint>();

  sent(type: BusMessageType, count = 1): void {
    this.sentCounts.set(type, (this.sentCounts.get(type) ?? 0n) + BigInt(count));
  }

  received(type: BusMessageType, count = 1): void {
    this.receivedCounts.set(type, (this.receivedCounts.get(type) ?? 0n) + BigInt(count));
  }

  reject(reason: string): void {
    this.rejected.set(reason, (this.rejected.get(reason) ?? 0n) + 1n);
  }

  /** Every type in Redis's order, zero counts included. */
  counters(): BusMessageCounters[] {
    return TYPES.map((type) => ({
      type,
      sent: this.sentCounts.get(type) ?? 0n,
      received: this.receivedCounts.get(type) ?? 0n,
    }));
  }
}
