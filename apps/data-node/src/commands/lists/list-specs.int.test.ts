// Every list command's spec (arity, flags, key positions, ACL categories) matches what a real
// redis-server 7 reports in COMMAND INFO, and LMPOP/BLMPOP find the same keys as COMMAND GETKEYS.
import { describeKeysMatchRedis, describeSpecsMatchRedis } from '../../testing/spec-oracle.js';
import { listCommands } from './index.js';

// movablekeys is derived from getKeys (LMPOP, BLMPOP), not declared.
const redis = describeSpecsMatchRedis('list', listCommands);

describeKeysMatchRedis(
  'LMPOP and BLMPOP key positions match COMMAND GETKEYS',
  listCommands,
  [
    ['LMPOP', '2', 'a', 'b', 'LEFT'],
    ['LMPOP', '1', 'a', 'RIGHT', 'COUNT', '3'],
    ['BLMPOP', '0', '3', 'a', 'b', 'c', 'LEFT'],
    ['BLMPOP', '1.5', '1', 'LEFT', 'LEFT', 'COUNT', '2'],
  ],
  { redis },
);
