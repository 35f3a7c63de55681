// Generic keyspace commands: deleting, inspecting and iterating keys, expiry, RENAME/COPY, OBJECT and
// MEMORY USAGE, DUMP/RESTORE and SORT.
import type { CommandSpec } from '../command-spec.js';
import { copy } from './copy.js';
import { dbsize } from './dbsize.js';
import { del } from './del.js';
import { dump } from './dump.js';
import { exists } from './exists.js';
import { expire } from './expire.js';
import { expireat } from './expireat.js';
import { expiretime } from './expiretime.js';
import { flushall } from './flushall.js';
import { flushdb } from './flushdb.js';
import { keys } from './keys.js';
import { memory } from './memory.js';
import { object } from './object.js';
import { persist } from './persist.js';
import { pexpire } from './pexpire.js';
import { pexpireat } from './pexpireat.js';
import { pexpiretime } from './pexpiretime.js';
import { pttl } from './pttl.js';
import { randomkey } from './randomkey.js';
import { rename } from './rename.js';
import { renamenx } from './renamenx.js';
import { restore } from './restore.js';
import { scan } from './scan.js';
import { sort } from './sort.js';
import { sortRo } from './sort-ro.js';
import { touch } from './touch.js';
import { ttl } from './ttl.js';
import { type } from './type.js';
import { unlink } from './unlink.js';

export const keyCommands: readonly CommandSpec[] = [
  del,
  unlink,
  exists,
  type,
  touch,
  expire,
  pexpire,
  expireat,
  pexpireat,
  ttl,
  pttl,
  expiretime,
  pexpiretime,
  persist,
  rename,
  renamenx,
  copy,
  keys,
  scan,
  randomkey,
  dbsize,
  flushall,
  flushdb,
  object,
  memory,
  dump,
  restore,
  sort,
  sortRo,
];
