// Every set command's spec (arity, flags, key positions, ACL categories) matches what a real redis-server 7
// reports in COMMAND INFO, and the key indexes of the multi-key commands match COMMAND GETKEYS (cluster
// routing derives slots from them).
import { expect, it } from 'vitest';
import { keyIndexes } from '../command-table.js';
import { describeKeysMatchRedis, describeSpecsMatchRedis } from '../../testing/spec-oracle.js';
import { setCommands } from './index.js';

// movablekeys is derived from getKeys (SINTERCARD), not declared.
const redis = describeSpecsMatchRedis('set', setCommands);

describeKeysMatchRedis(
  'multi-key set commands name the same keys as COMMAND GETKEYS',
  setCommands,
  [
    ['SINTERCARD', '2', 'a', 'b'],
    ['SINTERCARD', '3', 'a', 'b', 'c', 'LIMIT', '5'],
    ['SINTERCARD', '1', 'LIMIT', 'LIMIT', '1'],
    ['SMOVE', 'src', 'dst', 'm'],
    ['SINTERSTORE', 'd', 'a', 'b'],
    ['SUNIONSTORE', 'd', 'a'],
    ['SDIFFSTORE', 'd', 'a', 'b', 'c'],
    ['SINTER', 'a', 'b', 'c'],
    ['SUNION', 'a'],
    ['SDIFF', 'a', 'b'],
  ],
  {
    redis,
    more: () => {
      it('finds no keys in a SINTERCARD whose numkeys is unusable', () => {
        const spec = setCommands.find((s) => s.name === 'sintercard') as (typeof setCommands)[number];
        for (const numkeys of ['0', '-1', 'x', '3']) {
          expect(
            keyIndexes(
              spec,
              ['SINTERCARD', numkeys, 'a', 'b'].map((a) => Buffer.from(a)),
            ),
          ).toEqual([]);
        }
      });
    },
  },
);
