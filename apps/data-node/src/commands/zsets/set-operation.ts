// ZUNION, ZINTER, ZDIFF, their *STORE forms and ZINTERCARD share this, as in Redis 7.0
// (zunionInterDiffGenericCommand in redis src/t_zset.c): `numkeys key [key ...]` then WEIGHTS, AGGREGATE,
// WITHSCORES or LIMIT depending on the command, in Redis's order of errors (numkeys, WRONGTYPE while the
// keys are read, then the options). Plain sets take part with every score 1. Union and intersection visit
// the inputs from the smallest up (a stable sort, like glibc's qsort), which also fixes the order in which
// floating point sums are taken; a weighted score or a sum that is NaN (0 * inf, inf + -inf) counts as 0.
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';
import { isCollection, ValueKind } from '../../keyspace/values.js';
import { ZsetValue } from '../../keyspace/zset-value.js';
import { parseScore } from './parse-score.js';
import { parseInt64 } from '../../util/int64.js';
import { writeMember, writeMembersHeader } from './write-members.js';
import { zsetLimits } from './zset-limits.js';
import { storeResult } from './zset-lookup.js';

export const SetOperation = { union: 0, inter: 1, diff: 2 } as const;
export type SetOperation = (typeof SetOperation)[keyof typeof SetOperation];

/** What the command does with the result. */
export const SetOutput = {
  /** Reply with the members (WITHSCORES allowed). */
  reply: 0,
  /** Store at argv[1] and reply with the size. */
  store: 1,
  /** Reply with the size only (ZINTERCARD, with LIMIT). */
  cardinality: 2,
} as const;
export type SetOutput = (typeof SetOutput)[keyof typeof SetOutput];

const Aggregate = { sum: 0, min: 1, max: 2 } as const;
type Aggregate = (typeof Aggregate)[keyof typeof Aggregate];

const EMPTY: ReadonlyMap<string, number> = new Map();

interface Source {
  readonly scores: ReadonlyMap<string, number>;
  weight: number;
}

/** Runs the operation over the keys counted by argv[numKeysIndex]. */
export function setOperation(
  ctx: CommandContext,
  numKeysIndex: number,
  operation: SetOperation,
  output: SetOutput,
): void {
  const numKeys = parseInt64(ctx.arg(numKeysIndex));
  if (numKeys === null) return ctx.error(Err.notInteger);
  if (numKeys < 1) return ctx.error(Err.inputKeyNeeded(ctx.spec.name));
  if (numKeys > ctx.argc - numKeysIndex - 1) return ctx.error(Err.syntax);
  const sources: Source[] = [];
  for (let i = numKeysIndex + 1; i <= numKeysIndex + numKeys; i++) {
    const scores = readScores(ctx, ctx.arg(i));
    if (scores === null) return;
    sources.push({ scores, weight: 1 });
  }

  let aggregate: Aggregate = Aggregate.sum;
  let withScores = false;
  let limit = 0;
  const plain = operation !== SetOperation.diff && output !== SetOutput.cardinality;
  for (let i = numKeysIndex + 1 + numKeys; i < ctx.argc; i++) {
    const option = ctx.option(i);
    const remaining = ctx.argc - i;
    if (plain && option === 'WEIGHTS' && remaining > numKeys) {
      for (const source of sources) {
        const weight = parseScore(ctx.arg(++i));
        if (weight === null) return ctx.error(Err.weightNotFloat);
        source.weight = weight;
      }
    } else if (plain && option === 'AGGREGATE' && remaining >= 2) {
      const name = ctx.option(++i);
      if (name === 'SUM') aggregate = Aggregate.sum;
      else if (name === 'MIN') aggregate = Aggregate.min;
      else if (name === 'MAX') aggregate = Aggregate.max;
      else return ctx.error(Err.syntax);
    } else if (output === SetOutput.reply && option === 'WITHSCORES') {
      withScores = true;
    } else if (output === SetOutput.cardinality && option === 'LIMIT' && remaining >= 2) {
      const parsed = parseInt64(ctx.arg(++i));
      if (parsed === null || parsed < 0) return ctx.error(Err.limitNegative);
      limit = parsed;
    } else {
      return ctx.error(Err.syntax);
    }
  }

  if (operation !== SetOperation.diff) sources.sort(bySize);
  if (output === SetOutput.cardinality) return ctx.reply.integer(intersectionSize(sources, limit));
  const result = new Map<string, number>();
  if (operation === SetOperation.union) union(sources, aggregate, result);
  else if (operation === SetOperation.inter) intersection(sources, aggregate, result);
  else difference(sources, result);

  const zset = new ZsetValue(false);
  const limits = zsetLimits(ctx.server);
  for (const [member, score] of result) zset.add(member, score, limits);
  if (output === SetOutput.store) {
    zset.compactIfSmall(limits);
    return storeResult(ctx, ctx.arg(1), zset);
  }
  writeMembersHeader(ctx, zset.size, withScores);
  if (zset.size === 0) return;
  const cursor = zset.cursor(0);
  for (let n = zset.size; n > 0; n--, cursor.next()) {
    writeMember(ctx, cursor.member, cursor.score, withScores);
  }
}

/** The scores of a sorted set, or of a set (all 1); an empty map when missing; null after WRONGTYPE. */
function readScores(ctx: CommandContext, key: string): ReadonlyMap<string, number> | null {
  const value = ctx.db.lookupRead(key);
  if (value === undefined) return EMPTY;
  if (value instanceof ZsetValue) return value.scores;
  if (isCollection(value) && value.kind === ValueKind.set) {
    const scores = new Map<string, number>();
    for (const member of value.members()) scores.set(member, 1);
    return scores;
  }
  ctx.error(Err.wrongType);
  return null;
}

function union(sources: readonly Source[], aggregate: Aggregate, result: Map<string, number>): void {
  for (const { scores, weight } of sources) {
    for (const [member, score] of scores) {
      const weighted = weightedScore(score, weight);
      const current = result.get(member);
      result.set(member, current === undefined ? weighted : combine(current, weighted, aggregate));
    }
  }
}

function intersection(sources: readonly Source[], aggregate: Aggregate, result: Map<string, number>): void {
  const smallest = sources[0] as Source;
  for (const [member, score] of smallest.scores) {
    let total = weightedScore(score, smallest.weight);
    let j = 1;
    for (; j < sources.length; j++) {
      const other = sources[j] as Source;
      const found = other.scores.get(member);
      if (found === undefined) break;
      total = combine(total, found * other.weight, aggregate); // no NaN guard here, as in Redis
    }
    if (j === sources.length) result.set(member, total);
  }
}

/** ZINTERCARD: the intersection's size, counting no further than `limit` (0 = no limit). */
function intersectionSize(sources: readonly Source[], limit: number): number {
  let count = 0;
  for (const member of (sources[0] as Source).scores.keys()) {
    if (inAll(sources, member) && ++count === limit) break;
  }
  return count;
}

/** The members of the first input found in no other, with their own scores (no weights in ZDIFF). */
function difference(sources: readonly Source[], result: Map<string, number>): void {
  for (const [member, score] of (sources[0] as Source).scores) {
    let j = 1;
    while (j < sources.length && !(sources[j] as Source).scores.has(member)) j++;
    if (j === sources.length) result.set(member, score);
  }
}

/** Whether every input after the first holds `member`. */
function inAll(sources: readonly Source[], member: string): boolean {
  for (let j = 1; j < sources.length; j++) if (!(sources[j] as Source).scores.has(member)) return false;
  return true;
}

function bySize(a: Source, b: Source): number {
  return a.scores.size - b.scores.size;
}

function weightedScore(score: number, weight: number): number {
  const weighted = score * weight;
  return Number.isNaN(weighted) ? 0 : weighted;
}

function combine(current: number, value: number, aggregate: Aggregate): number {
  if (aggregate === Aggregate.min) return value < current ? value : current;
  if (aggregate === Aggregate.max) return value > current ? value : current;
  const sum = current + value;
  return Number.isNaN(sum) ? 0 : sum;
}
