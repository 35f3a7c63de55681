// Every sorted set command's spec (arity, flags, key positions, ACL categories) matches what a real
// redis-server 7 reports in COMMAND INFO, and the numkeys commands find the same keys as COMMAND GETKEYS.
import { expect, it } from 'vitest';
import { describeKeysMatchRedis, describeSpecsMatchRedis } from '../../testing/spec-oracle.js';
import { zsetCommands } from './index.js';

const redis = describeSpecsMatchRedis('sorted set', zsetCommands, {
  // movablekeys is derived from getKeys; nondeterministic_output (ZRANDMEMBER) is doc-only.
  undeclaredFlags: ['movablekeys', 'nondeterministic_output'],
  more: (oracle) => {
    it("covers every command of Redis 7.0's sorted-set group", async () => {
      const names = (await oracle().call('COMMAND', 'LIST', 'FILTERBY', 'ACLCAT', 'sortedset')) as string[];
      const theirs: string[] = [];
      for (const name of names) {
        // SORT and SORT_RO are in the @sortedset category but belong to the generic group.
        const [, docs] = (await oracle().call('COMMAND', 'DOCS', name)) as [string, unknown[]];
        if (docs[docs.indexOf('group') + 1] === 'sorted-set') theirs.push(name);
      }
      expect(zsetCommands.map((s) => s.name).sort()).toEqual(theirs.sort());
      for (const spec of zsetCommands) expect(spec.docs?.group).toBe('sorted-set');
    });
  },
});

describeKeysMatchRedis(
  'numkeys commands find the keys COMMAND GETKEYS finds',
  zsetCommands,
  [
    ['ZUNION', '2', 'a', 'b', 'WEIGHTS', '1', '2'],
    ['ZINTER', '1', 'a', 'WITHSCORES'],
    ['ZDIFF', '3', 'a', 'b', 'c'],
    ['ZINTERCARD', '2', 'a', 'b', 'LIMIT', '1'],
    ['ZUNIONSTORE', 'dst', '2', 'a', 'b'],
    ['ZINTERSTORE', 'dst', '1', 'a', 'AGGREGATE', 'MAX'],
    ['ZDIFFSTORE', 'dst', '2', 'a', 'b'],
    ['ZMPOP', '2', 'a', 'b', 'MIN', 'COUNT', '3'],
    ['BZMPOP', '0', '1', 'a', 'MAX'],
    ['ZRANGESTORE', 'dst', 'src', '0', '-1'],
    ['BZPOPMIN', 'a', 'b', '0'],
  ],
  { redis },
);
