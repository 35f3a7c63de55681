// The client's view of the cluster: discovery with CLUSTER SLOTS (known masters first, then the seeds,
// one at a time, the first good answer wins), the current SlotTable, and refreshes that coalesce: a
// refresh asked for while one runs shares it, and a refresh scheduled while one runs (after a MOVED seen
// mid-flight) runs once more after it. Optional periodic refresh. Sends nothing itself: it asks a
// SlotsSource (the client's pool) so it can be tested with a fake.
import type { RespValue } from '@tessera/resp';
import { ClusterDiscoveryError, toError } from '../errors.js';
import type { ClusterClientLogger } from '../logger.js';
import type { NodeAddress } from './node-address.js';
import { parseClusterSlots } from './parse-cluster-slots.js';
import { SlotTable } from './slot-table.js';

/** What the topology needs from the transport: a CLUSTER SLOTS reply from one node. */
export interface SlotsSource {
  clusterSlots(address: NodeAddress, timeoutMs: number): Promise<RespValue>;
}

export interface ClusterTopologyOptions {
  readonly refreshTimeoutMs: number;
  /** 0 disables the periodic refresh. */
  readonly refreshIntervalMs: number;
  readonly logger: ClusterClientLogger;
  /** Called with each new table (the client drops links to nodes that left). */
  readonly onTable?: (table: SlotTable) => void;
}

export class ClusterTopology {
  #table = SlotTable.fromRanges([]);
  #running: Promise<SlotTable> | null = null;
  /** A refresh was scheduled while one ran: run another when it ends. */
  #again = false;
  #timer: NodeJS.Timeout | null = null;
  #closed = false;
  #refreshes = 0;

  constructor(
    private readonly seeds: readonly NodeAddress[],
    private readonly source: SlotsSource,
    private readonly options: ClusterTopologyOptions,
  ) {}

  /** The current routing table (patched in place on MOVED). */
  get table(): SlotTable {
    return this.#table;
  }

  /** Completed refreshes so far. */
  get refreshes(): number {
    return this.#refreshes;
  }

  /** Starts the periodic refresh, if configured. */
  start(): void {
    if (this.options.refreshIntervalMs <= 0 || this.#timer !== null) return;
    this.#timer = setInterval(() => this.scheduleRefresh(), this.options.refreshIntervalMs);
    this.#timer.unref();
  }

  /**
   * Fetches the topology now, or joins the refresh already running.
   * @throws ClusterDiscoveryError when no node answered; the previous table stays in use.
   */
  refresh(): Promise<SlotTable> {
    if (this.#running !== null) return this.#running;
    const running = this.#discover().finally(() => {
      this.#running = null;
      if (this.#again && !this.#closed) {
        this.#again = false;
        this.scheduleRefresh();
      }
    });
    this.#running = running;
    return running;
  }

  /** Asks for a refresh without waiting (after MOVED, CLUSTERDOWN, a lost node); failures are logged. */
  scheduleRefresh(): void {
    if (this.#closed) return;
    if (this.#running !== null) {
      this.#again = true;
      return;
    }
    this.refresh().catch((error: unknown) =>
      this.options.logger.warn({ err: error }, 'topology refresh failed, keeping the previous slot table'),
    );
  }

  close(): void {
    this.#closed = true;
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
  }

  /** Asks known masters, then the seeds, in turn; the first non-empty CLUSTER SLOTS answer wins. */
  async #discover(): Promise<SlotTable> {
    const candidates = new Map<string, NodeAddress>();
    for (const address of [...this.#table.masters(), ...this.seeds]) candidates.set(address.key, address);
    const errors: Error[] = [];
    for (const address of candidates.values()) {
      if (this.#closed) break;
      try {
        const reply = await this.source.clusterSlots(address, this.options.refreshTimeoutMs);
        const ranges = parseClusterSlots(reply, address.host);
        if (ranges.length === 0) throw new Error(`${address.key} serves no slots (CLUSTER SLOTS is empty)`);
        const table = SlotTable.fromRanges(ranges);
        this.#table = table;
        this.#refreshes++;
        this.options.logger.debug({ node: address.key, ranges: ranges.length }, 'topology refreshed');
        this.options.onTable?.(table);
        return table;
      } catch (error) {
        errors.push(toError(error));
      }
    }
    const tried = [...candidates.keys()];
    throw new ClusterDiscoveryError(tried, {
      cause: new AggregateError(errors, 'CLUSTER SLOTS failed everywhere'),
    });
  }
}
