// LATENCY LATEST/HISTORY/RESET: latency spikes per event class ("command", "fast-command"), recorded when a
// command takes at least latency-monitor-threshold milliseconds (redis src/latency.c). Each event keeps
// its latest and all-time maximum spike and a history of the last 160 seconds that had one (samples of
// the same second keep the maximum). No I/O.

/** LATENCY_TS_LEN: history samples kept per event. */
const HISTORY_LENGTH = 160;

export interface LatencySample {
  /** Unix time in seconds. */
  readonly time: number;
  /** Milliseconds. */
  latency: number;
}

export interface LatencyEvent {
  readonly history: LatencySample[];
  /** The most recent sample. */
  latest: LatencySample;
  /** Highest latency ever recorded for the event (ms). */
  max: number;
}

export class LatencyMonitor {
  readonly events = new Map<string, LatencyEvent>();

  /** Adds a spike of `latency` ms to `event` at unix second `time`. */
  add(event: string, time: number, latency: number): void {
    const entry = this.events.get(event);
    if (entry === undefined) {
      const sample = { time, latency };
      this.events.set(event, { history: [sample], latest: sample, max: latency });
      return;
    }
    if (latency > entry.max) entry.max = latency;
    if (entry.latest.time === time) {
      if (latency > entry.latest.latency) entry.latest.latency = latency;
      return;
    }
    const sample = { time, latency };
    entry.history.push(sample);
    if (entry.history.length > HISTORY_LENGTH) entry.history.shift();
    entry.latest = sample;
  }

  /** Forgets the named events (all when none are named); returns how many existed. */
  reset(events: readonly string[]): number {
    if (events.length === 0) {
      const count = this.events.size;
      this.events.clear();
      return count;
    }
    let count = 0;
    for (const event of events) if (this.events.delete(event)) count++;
    return count;
  }
}
