// Differential scenarios of the hash commands (redis src/t_hash.c): every command, its error texts and the
// order in which Redis checks its arguments, int64 and long double edges, binary fields and values, listpack
// and hashtable encodings, RESP3 shapes. Replies must be byte-identical with redis-server, so only
// deterministic output is compared: small (listpack) hashes reply in insertion order, larger ones are read
// field by field; random commands are compared where the answer is forced (single-field hashes, whole-hash
// counts). Unordered replies of large hashes are unit-tested in apps/data-node.
import { bin, lines } from './command-lines.js';
import type { Scenario } from './scenario.js';

/** HSET key f0 v0 f1 v1 ... with `n` fields. */
const hsetMany = (key: string, n: number, value = 'v'): string[] => [
  'HSET',
  key,
  ...Array.from({ length: n }, (_, i) => [`f${i}`, `${value}${i}`]).flat(),
];

export const hashesScenarios: Scenario[] = [
  {
    name: 'HSET creates and updates fields and counts only the new ones; HGET, HLEN, HEXISTS, HSTRLEN read them',
    commands: lines(`
      HSET h a 1 b 2
      HSET h a 10 c 3
      HSET h a 10
      HGET h a
      HGET h b
      HGET h zz
      HGET missing a
      HLEN h
      HLEN missing
      HEXISTS h a
      HEXISTS h zz
      HEXISTS missing a
      HSTRLEN h a
      HSTRLEN h zz
      HSTRLEN missing a
      hset h lower case
      HGET h lower
      TYPE h
    `),
  },
  {
    name: 'HSET and HMSET reject an odd number of field/value arguments before looking at the key',
    commands: lines(`
      HSET h a
      HSET h a 1 b
      HMSET h a 1 b
      SET s v
      HSET s a 1 b
      HSET s a 1
      HMSET s a 1
      HMSET h a 1 b 2
      HMSET h a 3
      HGETALL h
      EXISTS h
    `),
  },
  {
    name: 'HSETNX sets a field only when it is absent, creating the hash',
    commands: lines(`
      HSETNX h a 1
      HSETNX h a 2
      HGET h a
      HSETNX h b 3
      HGETALL h
      SET s v
      HSETNX s a 1
    `),
  },
  {
    name: 'HGETALL, HKEYS and HVALS list a small hash in insertion order, updates in place, deletes without reordering',
    commands: lines(`
      HSET h c 3 a 1 b 2
      HGETALL h
      HKEYS h
      HVALS h
      HSET h a updated
      HDEL h c
      HSET h c again
      HGETALL h
      HKEYS h
      HVALS h
      HGETALL missing
      HKEYS missing
      HVALS missing
    `),
  },
  {
    name: 'HMGET answers each field or nil, and all nils for a missing key',
    commands: lines(`
      HSET h a 1 b 2
      HMGET h a b zz a
      HMGET missing a b
      HMGET h
      SET s v
      HMGET s a
    `),
  },
  {
    name: 'HDEL counts removed fields, ignores repeats and deletes the key with its last field',
    commands: lines(`
      HSET h a 1 b 2 c 3
      HDEL h a zz a
      HLEN h
      HDEL h b c d
      EXISTS h
      HDEL h a
      HDEL missing a
      HSET h x 1
      HDEL h
    `),
  },
  {
    name: 'every hash command answers WRONGTYPE on a string and a list key',
    commands: lines(`
      SET s v
      RPUSH l a
      HGET s a
      HMGET s a b
      HGETALL s
      HKEYS s
      HVALS s
      HLEN s
      HSTRLEN s a
      HEXISTS s a
      HDEL s a
      HINCRBY s a 1
      HINCRBYFLOAT s a 1
      HRANDFIELD s
      HRANDFIELD s 2
      HSCAN s 0
      HSET l a 1
      HGETALL l
      GET s
    `),
  },
  {
    name: 'HINCRBY adds int64 increments, creates fields and keys, and refuses overflow and non-integers',
    commands: lines(`
      HINCRBY h n 5
      HINCRBY h n -8
      HINCRBY h n 0
      HINCRBY h big 9223372036854775807
      HINCRBY h big 1
      HINCRBY h big -9223372036854775808
      HINCRBY h big -1
      HSET h small -9223372036854775808
      HINCRBY h small -1
      HINCRBY h small 9223372036854775807
      HINCRBY h n 1.5
      HINCRBY h n abc
      HINCRBY h n 9223372036854775808
      HINCRBY h n 01
      HSET h text hello
      HINCRBY h text 1
      HSET h spaced 1x
      HINCRBY h spaced 1
      HSET h float 1.0
      HINCRBY h float 1
      HINCRBY missing n abc
      EXISTS missing
      HGETALL h
    `),
  },
  {
    name: 'HINCRBY checks the increment before the type of the key',
    commands: lines(`
      SET s v
      HINCRBY s f abc
      HINCRBY s f 1
      HINCRBYFLOAT s f abc
      HINCRBYFLOAT s f inf
      HINCRBYFLOAT s f 1
    `),
  },
  {
    name: 'HINCRBYFLOAT adds with long double precision and prints like %.17Lf with zeros trimmed',
    commands: lines(`
      HINCRBYFLOAT h a 1234.5678
      HINCRBYFLOAT h b 3.14159
      HINCRBYFLOAT h b 100.01
      HINCRBYFLOAT h c 0.1
      HINCRBYFLOAT h c 0.1
      HINCRBYFLOAT h c 0.1
      HINCRBYFLOAT h d 10.5
      HINCRBYFLOAT h d -0.5
      HINCRBYFLOAT h e 3.0e3
      HINCRBYFLOAT h e 5.0E-1
      HINCRBYFLOAT h f 1e20
      HINCRBYFLOAT h g -1e20
      HINCRBYFLOAT h i 123456789.123456789
      HINCRBYFLOAT h j 1.0000000000000000001
      HINCRBYFLOAT h k 99999999999999999999.5
      HINCRBYFLOAT h l 5e-18
      HINCRBYFLOAT h m 1.5e-17
      HINCRBYFLOAT h n -1e-20
      HINCRBYFLOAT h o -0
      HINCRBYFLOAT h p .5
      HINCRBYFLOAT h q 5.
      HINCRBYFLOAT h r +5
      HINCRBYFLOAT h s 0x1p3
      HINCRBYFLOAT h t 0x10
      HGETALL h
    `),
  },
  {
    name: 'HINCRBYFLOAT handles huge and tiny values, and refuses NaN, infinities and non-floats',
    commands: lines(`
      HINCRBYFLOAT h big 1e308
      HINCRBYFLOAT h big 1e308
      HINCRBYFLOAT h huge 1e400
      HINCRBYFLOAT h tiny 1e-4940
      HINCRBYFLOAT h x 1e4933
      HINCRBYFLOAT h x 1e-5000
      HINCRBYFLOAT h x inf
      HINCRBYFLOAT h x -infinity
      HINCRBYFLOAT h x nan
      HINCRBYFLOAT h x abc
      HINCRBYFLOAT h x 1.5.5
      HINCRBYFLOAT h x 1e
      HSET h inf inf
      HINCRBYFLOAT h inf 1
      HSET h max 1e4932
      HINCRBYFLOAT h max 1e4932
      HSET h word abc
      HINCRBYFLOAT h word 1
      HSET h hex 0x10
      HINCRBYFLOAT h hex 1
      HINCRBY h hex 1
      HEXISTS h x
      HLEN h
    `).concat([
      ['HINCRBYFLOAT', 'h', 'x', ''],
      ['HSET', 'h', 'empty', ''],
      ['HINCRBYFLOAT', 'h', 'empty', '1'],
    ]),
  },
  {
    name: 'HINCRBYFLOAT reads a stored or given value only up to its first NUL byte, like strtold',
    commands: [
      ['HSET', 'h', 'nul', bin(0x31, 0x00, 0x78)],
      ['HINCRBYFLOAT', 'h', 'nul', '1'],
      ['HSET', 'h', 'zero', bin(0x00)],
      ['HINCRBYFLOAT', 'h', 'zero', '1'],
      ['HINCRBYFLOAT', 'h', 'arg', bin(0x32, 0x00, 0x7a)],
      ['HINCRBYFLOAT', 'h', 'arg2', bin(0x00, 0x39)],
      ['HINCRBYFLOAT', 'h', 'bad', bin(0x20, 0x31)],
      ['HGETALL', 'h'],
    ],
  },
  {
    name: 'fields and values are binary safe, including bytes that look like lengths',
    commands: [
      ['HSET', 'h', bin(0x00), bin(0xff, 0x00), bin(0x03, 0x61), bin(0x02), '', 'empty-field'],
      ['HSET', 'h', 'empty-value', ''],
      ['HGET', 'h', bin(0x00)],
      ['HGET', 'h', bin(0x03, 0x61)],
      ['HGET', 'h', ''],
      ['HSTRLEN', 'h', bin(0x00)],
      ['HSTRLEN', 'h', 'empty-value'],
      ['HEXISTS', 'h', bin(0x03)],
      ['HGETALL', 'h'],
      ['HDEL', 'h', bin(0x03, 0x61)],
      ['HKEYS', 'h'],
      ['HSET', 'h', 'x'.repeat(300), 'y'.repeat(300)],
      ['HGET', 'h', 'x'.repeat(300)],
      ['HSTRLEN', 'h', 'x'.repeat(300)],
      ['HGET', 'h', bin(0x00)],
      ['HLEN', 'h'],
    ],
  },
  {
    name: 'OBJECT ENCODING is listpack up to 512 fields of 64 bytes, then hashtable for good',
    commands: [
      hsetMany('h', 512),
      ['OBJECT', 'ENCODING', 'h'],
      ['HSET', 'h', 'f512', 'v'],
      ['OBJECT', 'ENCODING', 'h'],
      ['HDEL', 'h', 'f512', 'f511'],
      ['OBJECT', 'ENCODING', 'h'],
      ['HLEN', 'h'],
      ['HSET', 'long', 'f', 'v'.repeat(64)],
      ['OBJECT', 'ENCODING', 'long'],
      ['HSET', 'long', 'g', 'v'.repeat(65)],
      ['OBJECT', 'ENCODING', 'long'],
      ['HDEL', 'long', 'g'],
      ['OBJECT', 'ENCODING', 'long'],
      ['HSET', 'longfield', 'f'.repeat(65), 'v'],
      ['OBJECT', 'ENCODING', 'longfield'],
      ['HSETNX', 'nx', 'f', 'v'.repeat(65)],
      ['OBJECT', 'ENCODING', 'nx'],
      ['HINCRBYFLOAT', 'float', 'f', '1e63'],
      ['OBJECT', 'ENCODING', 'float'],
      ['HINCRBYFLOAT', 'float', 'f', '9e63'],
      ['OBJECT', 'ENCODING', 'float'],
    ],
  },
  {
    name: 'a large hash answers every field, count and length like a small one',
    commands: [
      hsetMany('h', 600, 'value-'),
      ['HLEN', 'h'],
      ['HGET', 'h', 'f0'],
      ['HGET', 'h', 'f150'],
      ['HGET', 'h', 'f599'],
      ['HGET', 'h', 'f600'],
      ['HMGET', 'h', 'f1', 'f2', 'nope', 'f599'],
      ['HSTRLEN', 'h', 'f123'],
      ['HEXISTS', 'h', 'f42'],
      ['HDEL', 'h', 'f0', 'f1', 'f2', 'f0'],
      ['HLEN', 'h'],
      ['HGET', 'h', 'f1'],
      ['HSET', 'h', 'f1', 'back', 'f3', 'changed'],
      ['HGET', 'h', 'f3'],
      ['HINCRBY', 'h', 'counter', '7'],
      ['HINCRBYFLOAT', 'h', 'counter', '0.5'],
      ['HRANDFIELD', 'h', '0'],
      ['HLEN', 'h'],
    ],
  },
  {
    name: 'a listpack hash of hundreds of fields keeps insertion order through updates and deletes',
    commands: [
      hsetMany('h', 200),
      ['HDEL', 'h', 'f0', 'f100', 'f199', 'f50'],
      ['HSET', 'h', 'f100', 'back', 'new', 'x', 'f7', 'updated'],
      ['HINCRBY', 'h', 'f8', '5'],
      ['OBJECT', 'ENCODING', 'h'],
      ['HKEYS', 'h'],
      ['HVALS', 'h'],
      ['HSCAN', 'h', '0', 'MATCH', 'f1*'],
      ['HRANDFIELD', 'h', '1000', 'WITHVALUES'],
    ],
  },
  {
    name: 'HRANDFIELD returns nothing for a missing key and the whole hash for a count at least its size',
    commands: lines(`
      HRANDFIELD missing
      HRANDFIELD missing 3
      HRANDFIELD missing -3
      HRANDFIELD missing 3 WITHVALUES
      HSET h a 1 b 2 c 3
      HRANDFIELD h 0
      HRANDFIELD h 0 WITHVALUES
      HRANDFIELD h 3
      HRANDFIELD h 10 WITHVALUES
      HRANDFIELD h 9223372036854775807
      HRANDFIELD h 4611686018427387903 WITHVALUES
      HSET one only value
      HRANDFIELD one
      HRANDFIELD one 1
      HRANDFIELD one -4
      HRANDFIELD one -3 WITHVALUES
      HRANDFIELD one 1 withvalues
    `),
  },
  {
    name: 'HRANDFIELD checks the count, then the WITHVALUES syntax and range, then the key',
    commands: lines(`
      HSET h a 1
      HRANDFIELD h abc
      HRANDFIELD h 1.5
      HRANDFIELD h -9223372036854775808
      HRANDFIELD h 9223372036854775808
      HRANDFIELD h 1 VALUES
      HRANDFIELD h 1 WITHVALUES extra
      HRANDFIELD h 4611686018427387904 WITHVALUES
      HRANDFIELD h -4611686018427387904 WITHVALUES
      HRANDFIELD h 9223372036854775807 WITHVALUES
      HRANDFIELD missing x
      HRANDFIELD missing 1 x
      HRANDFIELD missing 4611686018427387904 WITHVALUES
      SET s v
      HRANDFIELD s x
      HRANDFIELD s 1 x
    `),
  },
  {
    name: 'HSCAN returns a small hash whole with cursor 0 and filters fields with MATCH',
    commands: lines(`
      HSET h name Ann age 33 nick annie
      HSCAN h 0
      HSCAN h 0 MATCH n*
      HSCAN h 0 MATCH *
      HSCAN h 0 MATCH zz*
      HSCAN h 0 COUNT 1
      HSCAN h 0 count 100 match a?e
      HSCAN h 123
      HSCAN h 18446744073709551615
      HSCAN h -1
      HSCAN missing 0
    `),
  },
  {
    name: 'HSCAN checks the cursor, then the key, then the options',
    commands: lines(`
      HSET h a 1
      HSCAN h x
      HSCAN h 18446744073709551616
      HSCAN h 1.5
      HSCAN h 0 COUNT 0
      HSCAN h 0 COUNT -1
      HSCAN h 0 COUNT x
      HSCAN h 0 MATCH
      HSCAN h 0 TYPE string
      HSCAN h 0 NOVALUES
      HSCAN missing 0 COUNT 0
      HSCAN missing x
      SET s v
      HSCAN s x
      HSCAN s 0 BAD
    `),
  },
  {
    name: 'hash writes keep the TTL, an expired hash reads as missing, and MULTI queues hash commands',
    commands: lines(`
      HSET h a 1
      EXPIRE h 100
      HSET h b 2
      HDEL h a
      HINCRBY h n 1
      PERSIST h
      HSET gone a 1
      EXPIREAT gone 1
      HGET gone a
      HLEN gone
      EXISTS gone
      MULTI
      HSET t a 1 b 2
      HINCRBY t a 5
      HGETALL t
      HDEL t a b
      EXEC
      EXISTS t
    `),
  },
  {
    name: 'RESP3: HGETALL is a map, HRANDFIELD WITHVALUES pairs are arrays, missing values are nulls',
    resp3: true,
    commands: lines(`
      HSET h a 1 b 2
      HGETALL h
      HGETALL missing
      HKEYS h
      HVALS h
      HMGET h a zz
      HGET h zz
      HRANDFIELD h 2 WITHVALUES
      HRANDFIELD h 5
      HSET one f v
      HRANDFIELD one -2 WITHVALUES
      HRANDFIELD one 1 WITHVALUES
      HRANDFIELD missing
      HRANDFIELD missing 2 WITHVALUES
      HSCAN h 0
      HINCRBYFLOAT h a 0.5
      HINCRBY h b 1
    `),
  },
];
