// Parses `client-output-buffer-limit` ("normal 0 0 0 replica 256mb 64mb 60 pubsub 32mb 8mb 60") into limits
// per client class. No I/O.
import { parseMemory } from '../config/config-store.js';

export interface OutputLimit {
  /** Close the client as soon as this many bytes are pending (0 = no limit). */
  readonly hard: number;
  /** Close the client when at least this many bytes stay pending for `softSeconds` (0 = no limit). */
  readonly soft: number;
  readonly softSeconds: number;
}

export type ClientClass = 'normal' | 'replica' | 'pubsub';

export type OutputLimits = Record<ClientClass, OutputLimit>;

const NONE: OutputLimit = { hard: 0, soft: 0, softSeconds: 0 };

/** Parses the directive; throws Error with Redis's reason on bad syntax. */
export function parseOutputLimits(text: string): OutputLimits {
  const limits: OutputLimits = { normal: NONE, replica: NONE, pubsub: NONE };
  const tokens = text.trim().split(/\s+/).filter(Boolean);
  if (tokens.length % 4 !== 0) throw new Error('Wrong number of arguments in buffer limit configuration.');
  for (let i = 0; i < tokens.length; i += 4) {
    const name = (tokens[i] as string).toLowerCase();
    const cls: ClientClass | null =
      name === 'normal'
        ? 'normal'
        : name === 'slave' || name === 'replica'
          ? 'replica'
          : name === 'pubsub'
            ? 'pubsub'
            : null;
    const hard = parseMemory(tokens[i + 1] as string);
    const soft = parseMemory(tokens[i + 2] as string);
    const seconds = Number(tokens[i + 3]);
    if (
      cls === null ||
      hard === null ||
      soft === null ||
      !Number.isInteger(seconds) ||
      hard < 0 ||
      soft < 0 ||
      seconds < 0
    ) {
      throw new Error('Invalid client class specified in buffer limit configuration.');
    }
    limits[cls] = { hard, soft, softSeconds: seconds };
  }
  return limits;
}

/** Renders limits the way CONFIG GET prints them. */
export function formatOutputLimits(limits: OutputLimits): string {
  const part = (name: string, l: OutputLimit) => `${name} ${l.hard} ${l.soft} ${l.softSeconds}`;
  return [part('normal', limits.normal), part('slave', limits.replica), part('pubsub', limits.pubsub)].join(
    ' ',
  );
}
