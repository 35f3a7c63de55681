// Counters behind INFO stats, commandstats, errorstats and latencystats, plus the slow path of a command
// (SLOWLOG, LATENCY spikes). Updated on the hot path, so recording is a few arithmetic operations: the
// dispatcher compares each duration with one precomputed threshold (`slowPathUsec`) and only slow commands
// allocate. Rendering lives with the INFO, SLOWLOG and LATENCY commands. No I/O.
import type { CommandSpec } from '../commands/command-spec.js';
import type { ConfigStore } from '../config/config-store.js';
import type { ClientState } from './client-state.js';
import { LatencyHistogram } from './latency-histogram.js';
import { LatencyMonitor } from './latency-monitor.js';
import { SlowLog } from './slow-log.js';

export interface CommandStat {
  calls: number;
  /** Total microseconds spent in the handler. */
  usec: number;
  /** Rejected before running (arity, auth, OOM, redirection...). */
  rejectedCalls: number;
  /** Ran and replied with an error. */
  failedCalls: number;
  /** Distribution of the durations (INFO latencystats, LATENCY HISTOGRAM), while latency-tracking is on. */
  readonly latency: LatencyHistogram;
}

/** Instantaneous metrics are sampled every cron tick over this many samples (Redis: STATS_METRIC_SAMPLES). */
const SAMPLES = 16;
/** ERRORSTATS_LIMIT: distinct error codes tracked; later new codes are only counted in total_error_replies. */
const ERROR_CODES_LIMIT = 128;

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

  reset(): void {
    this.samples.fill(0);
    this.lastTime = 0;
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
  readonly slowlog = new SlowLog();
  readonly latencyEvents = new LatencyMonitor();
  /** V8 heap in use when the node started (code, command table): INFO used_memory_startup. */
  readonly startupBytes = process.memoryUsage().heapUsed;
  /** Highest used_memory reported so far (INFO used_memory_peak). */
  peakMemory = 0;
  /** Record per-command latency histograms (latency-tracking). */
  trackLatency = true;
  /**
   * Commands taking at least this many microseconds go through `recordSlow`: the smaller of the slowlog
   * and latency-monitor thresholds, Infinity when both are off.
   */
  slowPathUsec = Infinity;
  private slowlogUsec = 10_000;
  private latencyUsec = Infinity;
  private readonly opsRate = new RateSampler();
  private readonly inputRate = new RateSampler();
  private readonly outputRate = new RateSampler();

  /** Reads the slowlog/latency directives and follows their changes (CONFIG SET). */
  configure(config: ConfigStore): void {
    const apply = (name: string): void => {
      if (name === 'slowlog-log-slower-than') {
        const usec = config.getNumber(name);
        this.slowlogUsec = usec < 0 ? Infinity : usec;
      } else if (name === 'slowlog-max-len') {
        this.slowlog.resize(config.getNumber(name));
      } else if (name === 'latency-monitor-threshold') {
        const ms = config.getNumber(name);
        this.latencyUsec = ms <= 0 ? Infinity : ms * 1000;
      } else if (name === 'latency-tracking') {
        this.trackLatency = config.getBool(name);
      } else {
        return;
      }
      this.slowPathUsec = Math.min(this.slowlogUsec, this.latencyUsec);
    };
    for (const name of [
      'slowlog-log-slower-than',
      'slowlog-max-len',
      'latency-monitor-threshold',
      'latency-tracking',
    ])
      apply(name);
    config.onChange(apply);
  }

  /**
   * The slow path of a command that took `usec` (>= slowPathUsec): a SLOWLOG entry (unless the command is
   * skip_slowlog, like EXEC) and a "command"/"fast-command" latency spike. `now` is the wall clock in ms.
   */
  recordSlow(
    client: ClientState,
    args: readonly Buffer[],
    spec: CommandSpec,
    usec: number,
    now: number,
  ): void {
    const seconds = Math.floor(now / 1000);
    if (usec >= this.slowlogUsec && !spec.flags.includes('skip_slowlog')) {
      this.slowlog.push(args, Math.floor(usec), seconds, client.addr, client.name);
    }
    if (usec >= this.latencyUsec) {
      const event = spec.flags.includes('fast') ? 'fast-command' : 'command';
      this.latencyEvents.add(event, seconds, Math.floor(usec / 1000));
    }
  }

  /** Counts an error reply under its code, the text's first word (errorstat_ERR, errorstat_WRONGTYPE...). */
  countError(text: string): void {
    this.totalErrorReplies++;
    const space = text.indexOf(' ');
    const code = space === -1 ? text : text.slice(0, space);
    const count = this.errors.get(code);
    if (count !== undefined) this.errors.set(code, count + 1);
    else if (this.errors.size < ERROR_CODES_LIMIT) this.errors.set(code, 1);
  }

  command(name: string): CommandStat {
    let stat = this.commands.get(name);
    if (stat === undefined) {
      stat = { calls: 0, usec: 0, rejectedCalls: 0, failedCalls: 0, latency: new LatencyHistogram() };
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

  /**
   * CONFIG RESETSTAT: zeroes the INFO stats, commandstats, errorstats and latencystats. Command entries are
   * zeroed rather than dropped, because the dispatcher may hold one while a command runs.
   */
  reset(): void {
    this.totalCommands = 0;
    this.totalConnections = 0;
    this.rejectedConnections = 0;
    this.netInputBytes = 0;
    this.netOutputBytes = 0;
    this.totalErrorReplies = 0;
    this.queryBufferLimitDisconnections = 0;
    this.outputBufferLimitDisconnections = 0;
    this.errors.clear();
    for (const stat of this.commands.values()) {
      stat.calls = 0;
      stat.usec = 0;
      stat.rejectedCalls = 0;
      stat.failedCalls = 0;
      stat.latency.reset();
    }
    this.opsRate.reset();
    this.inputRate.reset();
    this.outputRate.reset();
  }
}
