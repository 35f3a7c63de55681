// String and bitmap commands (Redis's `string` and `bitmap` groups).
import type { CommandSpec } from '../command-spec.js';
import { append } from './append.js';
import { bitcount } from './bitcount.js';
import { bitfield } from './bitfield.js';
import { bitfieldRo } from './bitfield-ro.js';
import { bitop } from './bitop.js';
import { bitpos } from './bitpos.js';
import { decr } from './decr.js';
import { decrby } from './decrby.js';
import { get } from './get.js';
import { getbit } from './getbit.js';
import { getdel } from './getdel.js';
import { getex } from './getex.js';
import { getrange } from './getrange.js';
import { getset } from './getset.js';
import { incr } from './incr.js';
import { incrby } from './incrby.js';
import { incrbyfloat } from './incrbyfloat.js';
import { lcs } from './lcs.js';
import { mget } from './mget.js';
import { mset } from './mset.js';
import { msetnx } from './msetnx.js';
import { psetex } from './psetex.js';
import { set } from './set.js';
import { setbit } from './setbit.js';
import { setex } from './setex.js';
import { setnx } from './setnx.js';
import { setrange } from './setrange.js';
import { strlen } from './strlen.js';
import { substr } from './substr.js';

export const stringCommands: readonly CommandSpec[] = [
  get,
  set,
  setnx,
  setex,
  psetex,
  getset,
  getdel,
  getex,
  mget,
  mset,
  msetnx,
  incr,
  decr,
  incrby,
  decrby,
  incrbyfloat,
  append,
  strlen,
  getrange,
  substr,
  setrange,
  lcs,
  setbit,
  getbit,
  bitcount,
  bitpos,
  bitop,
  bitfield,
  bitfieldRo,
];
