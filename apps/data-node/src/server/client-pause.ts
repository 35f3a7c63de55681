// CLIENT PAUSE / UNPAUSE: a period during which the commands of every client (ALL), or only those that may
// write (WRITE: write or may_replicate commands, and EXEC of a transaction holding one), are held back and
// run in order once the pause ends (redis src/networking.c pauseClients, 7.0). Active expiry stops too, so
// the keyspace cannot change. Connections ask `holds()` before running a command and wait with
// `whenOver()`. No I/O besides the timer that ends the pause.
import type { CommandTable } from '../commands/command-table.js';
import type { ClientState } from './client-state.js';
import type { ServerState } from './server-state.js';

export const PauseMode = {
  /** Hold write commands only; reads go on. */
  write: 'write',
  /** Hold every command. */
  all: 'all',
} as const;
export type PauseMode = (typeof PauseMode)[keyof typeof PauseMode];

/** Node timers cannot wait longer than 2^31-1 ms; a longer pause re-arms. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class ClientPause {
  private mode: PauseMode | null = null;
  private until = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly waiting = new Set<() => void>();

  constructor(
    private readonly commands: CommandTable,
    private readonly now: () => number,
  ) {}

  /** Whether a pause is in effect (checked on every command: a field read). */
  get active(): boolean {
    return this.mode !== null;
  }

  /**
   * Pauses for `durationMs` in `mode`. A pause already in effect keeps the later end and the stricter
   * mode, like Redis.
   */
  pause(durationMs: number, mode: PauseMode): void {
    const until = this.now() + durationMs;
    if (this.mode === null || until > this.until) this.until = until;
    if (this.mode !== PauseMode.all) this.mode = mode;
    this.arm();
  }

  /** Ends the pause now and lets every held client run its commands. */
  unpause(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.mode = null;
    const waiting = [...this.waiting];
    this.waiting.clear();
    for (const resume of waiting) resume();
  }

  /** Whether `args`, sent by `client`, must wait for the end of the pause. */
  holds(client: ClientState, args: readonly Buffer[]): boolean {
    if (this.mode === null) return false;
    if (this.mode === PauseMode.all) return true;
    const name = (args[0] as Buffer).toString('latin1');
    if (name.toLowerCase() === 'exec') {
      return (client.multi ?? []).some((queued) => this.mayWrite(queued.args));
    }
    return this.mayWrite(args);
  }

  /** Calls `resume` once when the pause ends. */
  whenOver(resume: () => void): void {
    this.waiting.add(resume);
  }

  private mayWrite(args: readonly Buffer[]): boolean {
    let spec = this.commands.lookup((args[0] as Buffer).toString('latin1'));
    if (spec?.subcommands !== undefined && args.length >= 2) {
      spec = this.commands.lookupSubcommand(spec, (args[1] as Buffer).toString('latin1'));
    }
    return spec !== undefined && (spec.flags.includes('write') || spec.flags.includes('may_replicate'));
  }

  private arm(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    const remaining = this.until - this.now();
    if (remaining <= 0) {
      this.unpause();
      return;
    }
    this.timer = setTimeout(() => this.arm(), Math.min(remaining, MAX_TIMER_MS));
    this.timer.unref();
  }
}

const pauses = new WeakMap<ServerState, ClientPause>();

/** The pause state of a server (made on first use; only CLIENT PAUSE and the connections touch it). */
export function clientPauseOf(server: ServerState): ClientPause {
  let pause = pauses.get(server);
  if (pause === undefined) {
    pause = new ClientPause(server.commands, server.now);
    pauses.set(server, pause);
  }
  return pause;
}
