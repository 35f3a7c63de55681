// Parses `client-output-buffer-limit` ("normal 0 0 0 replica 256mb 64mb 60 pubsub 32mb 8mb 60") into limits
// per client class, with Redis's rules and error texts (redis src/config.c
// setConfigClientOutputBufferLimitOption): the whole value is checked before any class changes, and classes
// not named keep their current limits. No I/O.
import { parseMemory } from '../config/memory-units.js';

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

/** Redis's class names (getClientTypeByName); `master` exists but cannot be limited. */
const CLASS_BY_NAME: Readonly<Record<string, ClientClass>> = {
  normal: 'normal',
  slave: 'replica',
  replica: 'replica',
  pubsub: 'pubsub',
};

/**
 * Parses the directive on top of `base` (classes not named keep their limits). Throws Error with Redis's
 * reason on bad syntax.
 */
export function parseOutputLimits(text: string, base?: OutputLimits): OutputLimits {
  const limits: OutputLimits = base ? { ...base } : { normal: NONE, replica: NONE, pubsub: NONE };
  const tokens = text.trim().split(/\s+/).filter(Boolean);
  if (tokens.length === 0 || tokens.length % 4 !== 0) {
    throw new Error('Wrong number of arguments in buffer limit configuration.');
  }
  const parsed: [ClientClass, OutputLimit][] = [];
  for (let i = 0; i < tokens.length; i += 4) {
    const cls = CLASS_BY_NAME[(tokens[i] as string).toLowerCase()];
    if (cls === undefined) throw new Error('Invalid client class specified in buffer limit configuration.');
    const hard = parseMemory(tokens[i + 1] as string);
    const soft = parseMemory(tokens[i + 2] as string);
    const secondsText = tokens[i + 3] as string;
    const seconds = Number(secondsText);
    if (hard === null || soft === null || !/^\d+$/.test(secondsText) || !Number.isSafeInteger(seconds)) {
      throw new Error('Error in hard, soft or soft_seconds setting in buffer limit configuration.');
    }
    parsed.push([cls, { hard, soft, softSeconds: seconds }]);
  }
  for (const [cls, limit] of parsed) limits[cls] = limit;
  return limits;
}

/** Applies the classes named in `text` to the limits rendered in `current` (CONFIG SET). */
export function mergeOutputLimits(current: string, text: string): OutputLimits {
  return parseOutputLimits(text, parseOutputLimits(current));
}

/** Renders limits the way CONFIG GET prints them. */
export function formatOutputLimits(limits: OutputLimits): string {
  const part = (name: string, l: OutputLimit) => `${name} ${l.hard} ${l.soft} ${l.softSeconds}`;
  return [part('normal', limits.normal), part('slave', limits.replica), part('pubsub', limits.pubsub)].join(
    ' ',
  );
}
