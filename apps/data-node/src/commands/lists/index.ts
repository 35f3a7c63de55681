// List commands (redis src/t_list.c), one file each; the values are ListValue (keyspace/list-value.ts).
import type { CommandSpec } from '../command-spec.js';
import { blmove } from './blmove.js';
import { blmpop } from './blmpop.js';
import { blpop } from './blpop.js';
import { brpop } from './brpop.js';
import { brpoplpush } from './brpoplpush.js';
import { lindex } from './lindex.js';
import { linsert } from './linsert.js';
import { llen } from './llen.js';
import { lmove } from './lmove.js';
import { lmpop } from './lmpop.js';
import { lpop } from './lpop.js';
import { lpos } from './lpos.js';
import { lpush } from './lpush.js';
import { lpushx } from './lpushx.js';
import { lrange } from './lrange.js';
import { lrem } from './lrem.js';
import { lset } from './lset.js';
import { ltrim } from './ltrim.js';
import { rpop } from './rpop.js';
import { rpoplpush } from './rpoplpush.js';
import { rpush } from './rpush.js';
import { rpushx } from './rpushx.js';

export const listCommands: readonly CommandSpec[] = [
  lpush,
  rpush,
  lpushx,
  rpushx,
  lpop,
  rpop,
  llen,
  lrange,
  lindex,
  lset,
  linsert,
  lrem,
  ltrim,
  lpos,
  lmove,
  rpoplpush,
  lmpop,
  blpop,
  brpop,
  blmove,
  brpoplpush,
  blmpop,
];
