// Sorted set commands (redis src/t_zset.c), one file each; the values are ZsetValue (keyspace/zset-value.ts).
import type { CommandSpec } from '../command-spec.js';
import { bzmpop } from './bzmpop.js';
import { bzpopmax } from './bzpopmax.js';
import { bzpopmin } from './bzpopmin.js';
import { zadd } from './zadd.js';
import { zcard } from './zcard.js';
import { zcount } from './zcount.js';
import { zdiff } from './zdiff.js';
import { zdiffstore } from './zdiffstore.js';
import { zincrby } from './zincrby.js';
import { zinter } from './zinter.js';
import { zintercard } from './zintercard.js';
import { zinterstore } from './zinterstore.js';
import { zlexcount } from './zlexcount.js';
import { zmpop } from './zmpop.js';
import { zmscore } from './zmscore.js';
import { zpopmax } from './zpopmax.js';
import { zpopmin } from './zpopmin.js';
import { zrandmember } from './zrandmember.js';
import { zrange } from './zrange.js';
import { zrangebylex } from './zrangebylex.js';
import { zrangebyscore } from './zrangebyscore.js';
import { zrangestore } from './zrangestore.js';
import { zrank } from './zrank.js';
import { zrem } from './zrem.js';
import { zremrangebylex } from './zremrangebylex.js';
import { zremrangebyrank } from './zremrangebyrank.js';
import { zremrangebyscore } from './zremrangebyscore.js';
import { zrevrange } from './zrevrange.js';
import { zrevrangebylex } from './zrevrangebylex.js';
import { zrevrangebyscore } from './zrevrangebyscore.js';
import { zrevrank } from './zrevrank.js';
import { zscan } from './zscan.js';
import { zscore } from './zscore.js';
import { zunion } from './zunion.js';
import { zunionstore } from './zunionstore.js';

export const zsetCommands: readonly CommandSpec[] = [
  zadd,
  zincrby,
  zrem,
  zcard,
  zscore,
  zmscore,
  zrank,
  zrevrank,
  zcount,
  zlexcount,
  zrange,
  zrangestore,
  zrevrange,
  zrangebyscore,
  zrevrangebyscore,
  zrangebylex,
  zrevrangebylex,
  zremrangebyrank,
  zremrangebyscore,
  zremrangebylex,
  zpopmin,
  zpopmax,
  zmpop,
  bzpopmin,
  bzpopmax,
  bzmpop,
  zunion,
  zunionstore,
  zinter,
  zinterstore,
  zintercard,
  zdiff,
  zdiffstore,
  zrandmember,
  zscan,
];
