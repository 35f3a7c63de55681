// Checks command specs against a real redis-server 7: every spec's arity, flags, key positions and ACL
// categories against COMMAND INFO, and the key indexes of given argument vectors against COMMAND GETKEYS
// (cluster routing derives slots from them). Each family's `*-specs.int.test.ts` calls these. Test support.
import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import type { CommandSpec } from '../commands/command-spec.js';
import { keyIndexes } from '../commands/command-table.js';
import { aclCategories } from '../commands/server/command-reply.js';
import { useRedisOracle } from './redis-oracle.js';

/** Redis's COMMAND INFO entry: name, arity, flags, first key, last key, step, categories. */
type CommandInfo = [string, number, string[], number, number, number, string[]];

export interface SpecOracleOptions {
  /** The oracle, when the file already started one. @default a new one (useRedisOracle) */
  redis?: () => Redis;
  /** Also check every subcommand, by the name COMMAND INFO knows it by (`object|encoding`). @default false */
  subcommands?: boolean;
  /**
   * Flags Redis reports that specs do not declare: `movablekeys` is derived from `getKeys`, and doc-only
   * flags may be added. @default ['movablekeys']
   */
  undeclaredFlags?: readonly string[];
  /** Commands Redis flags movablekeys whose keys here are fixed (no `getKeys`). @default [] */
  movableWithoutGetKeys?: readonly string[];
  /** Subcommands served inside another family's container (`{ memory: [...] }`), checked as `memory|name`. */
  moreSubcommands?: Readonly<Record<string, readonly CommandSpec[]>>;
  /**
   * Also require the categories in Redis's order (COMMAND INFO lists them in ACL category order).
   * @default false: compared as sets
   */
  categoriesInOrder?: boolean;
  /**
   * Commands newer than the redis-server 7.0 oracle, by full name, with the arity, flags and categories
   * they must have instead: COMMAND INFO must not know them. @default {}
   */
  newerThanOracle?: Readonly<Record<string, NewerCommand>>;
  /** More tests for the same describe block, given the oracle. */
  more?: (redis: () => Redis) => void;
}

/** What a command newer than the oracle must declare (its key positions are not checked). */
export interface NewerCommand {
  arity: number;
  flags: readonly string[];
  /** In ACL category order, as COMMAND INFO lists them. */
  categories: readonly string[];
}

/**
 * Describes `<familyName> command specs match redis-server COMMAND INFO`, one test per spec. Returns the
 * oracle for the file's other tests.
 */
export function describeSpecsMatchRedis(
  familyName: string,
  specs: readonly CommandSpec[],
  options: SpecOracleOptions = {},
): () => Redis {
  const redis = options.redis ?? useRedisOracle();
  const undeclared = new Set(options.undeclaredFlags ?? ['movablekeys']);
  const fixedKeys = new Set(options.movableWithoutGetKeys ?? []);
  const subcommandsOf = (name: string, subs: readonly CommandSpec[]) =>
    subs.map((sub): [string, CommandSpec] => [`${name}|${sub.name}`, sub]);
  const named = [
    ...specs.flatMap((spec): [string, CommandSpec][] => [
      [spec.name, spec],
      ...subcommandsOf(spec.name, options.subcommands === true ? (spec.subcommands ?? []) : []),
    ]),
    ...Object.entries(options.moreSubcommands ?? {}).flatMap(([name, subs]) => subcommandsOf(name, subs)),
  ];
  describe(`${familyName} command specs match redis-server COMMAND INFO`, () => {
    for (const [name, spec] of named) {
      it(`${name} has Redis's arity, flags, key positions and categories`, async () => {
        const [info] = (await redis().call('COMMAND', 'INFO', name)) as (CommandInfo | null)[];
        const newer = options.newerThanOracle?.[name];
        if (newer !== undefined) {
          expect(info).toBeNull();
          expect([spec.arity, [...spec.flags], aclCategories(spec)]).toEqual([
            newer.arity,
            newer.flags,
            newer.categories,
          ]);
          return;
        }
        expect(info, `${name} exists in redis-server 7.0`).not.toBeNull();
        const [, arity, flags, first, last, step, categories] = info as CommandInfo;
        expect(spec.arity).toBe(arity);
        expect([...spec.flags].sort()).toEqual(flags.filter((f) => !undeclared.has(f)).sort());
        expect(spec.getKeys !== undefined).toBe(flags.includes('movablekeys') && !fixedKeys.has(name));
        expect(spec.keys).toEqual({ first, last, step });
        // The categories COMMAND INFO reports: the declared ones, or those derived from the flags.
        const ours = aclCategories(spec).map((c) => `@${c}`);
        if (options.categoriesInOrder === true) expect(ours).toEqual(categories);
        else expect(ours.sort()).toEqual([...categories].sort());
      });
    }
    options.more?.(redis);
  });
  return redis;
}

export interface GetKeysOracleOptions {
  /** The oracle started by describeSpecsMatchRedis or useRedisOracle. */
  redis: () => Redis;
  /** More tests for the same describe block. */
  more?: () => void;
}

/**
 * Describes `title` with one test per argument vector (command name first): the keys our spec finds are the
 * keys COMMAND GETKEYS finds, in the same order.
 */
export function describeKeysMatchRedis(
  title: string,
  specs: readonly CommandSpec[],
  cases: readonly (readonly string[])[],
  options: GetKeysOracleOptions,
): void {
  describe(title, () => {
    for (const args of cases) {
      it(`finds the keys of ${args.join(' ')}`, async () => {
        const spec = specs.find((s) => s.name === args[0]?.toLowerCase());
        if (spec === undefined) throw new Error(`no spec named ${args[0]}`);
        const ours = keyIndexes(
          spec,
          args.map((a) => Buffer.from(a)),
        );
        const theirs = (await options.redis().call('COMMAND', 'GETKEYS', ...args)) as string[];
        expect(ours.map((i) => args[i])).toEqual(theirs);
      });
    }
    options.more?.();
  });
}
