// Counters behind INFO stats, commandstats, errorstats and latencystats. Updated on the hot path, so
// every method is a few arithmetic operations; rendering lives with the INFO command.

export interface CommandStat {
  calls: number;
  /** Total microseconds spent in the handler. */
  usec: number;
  /** Rejected before running (arity, auth, OOM, redirection...). */
  rejectedCalls: number;
  /** Ran and replied with an error. */
  failedCalls: number;
}

/** Instantaneous metrics are sampled every cron tick over this many samples (Redis: STATS_METRIC_SAMPLES). */
const SAMPLES = 16;

class RateSampler {
  private readonly samples = new Float64Array(SAMPLES);
  private index = 0;
  private lastTime = 0;
  private lastValue = 0;

  sample(now: number, value: number): void {
    if (this.lastTime !== 0 && now > this.lastTime) {
      this.samples[this.index] = ((value - this.lastValue) * 1000) / (now - this.lastTime);
      this.index = (this.index + 1) % SAMPLES;
    }
    this.lastTime = now;
    this.lastValue = value;
  }

  get rate(): number {
    let sum = 0;
    for (const s of this.samples) sum += s;
    return sum / SAMPLES;
  }
}

export class ServerStats {
  totalCommands = 0;
  totalConnections = 0;
  rejectedConnections = 0;
  netInputBytes = 0;
  netOutputBytes = 0;
  totalErrorReplies = 0;
  queryBufferLimitDisconnections = 0;
  outputBufferLimitDisconnections = 0;
  readonly errors = new Map<string, number>();
  readonly commands = new Map<string, CommandStat>();
  private readonly opsRate = new RateSampler();
  private readonly inputRate = new RateSampler();
  private readonly outputRate = new RateSampler();

  /** Counts an error reply under its code, the text's first word (errorstat_ERR, errorstat_WRONGTYPE...). */
  countError(text: string): void {
    this.totalErrorReplies++;
    const space = text.indexOf(' ');
    const code = space === -1 ? text : text.slice(0, space);
    this.errors.set(code, (this.errors.get(code) ?? 0) + 1);
  }

  command(name: string): CommandStat {
    let stat = this.commands.get(name);
    if (stat === undefined) {
      stat = { calls: 0, usec: 0, rejectedCalls: 0, failedCalls: 0 };
      this.commands.set(name, stat);
    }
    return stat;
  }

  /** Called by the server cron. */
  sample(now: number): void {
    this.opsRate.sample(now, this.totalCommands);
    this.inputRate.sample(now, this.netInputBytes);
    this.outputRate.sample(now, this.netOutputBytes);
  }

  get instantaneousOps(): number {
    return Math.round(this.opsRate.rate);
  }

  get instantaneousInputKbps(): number {
    return this.inputRate.rate / 1024;
  }

  get instantaneousOutputKbps(): number {
    return this.outputRate.rate / 1024;
  }

  reset(): void {
    this.totalCommands = 0;
    this.totalConnections = 0;
    this.rejectedConnections = 0;
    this.netInputBytes = 0;
    this.netOutputBytes = 0;
    this.totalErrorReplies = 0;
    this.errors.clear();
    this.commands.clear();
  }
}
