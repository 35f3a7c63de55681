// Every hash command's spec (arity, flags, key positions, ACL categories) matches what a real redis-server 7
// reports in COMMAND INFO.
import { describeSpecsMatchRedis } from '../../testing/spec-oracle.js';
import { hashCommands } from './index.js';

describeSpecsMatchRedis('hash', hashCommands);
