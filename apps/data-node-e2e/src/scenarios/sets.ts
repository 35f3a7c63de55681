// Differential scenarios of the set commands (redis src/t_set.c): every command, its error texts and the order
// in which Redis checks its arguments, intset and hashtable encodings, the algebra commands with missing and
// wrongly typed keys, RESP3 shapes. Replies must be byte-identical with redis-server, so only deterministic
// output is compared: intsets reply in numeric order (Redis keeps them sorted), other sets are read through
// SORT ... ALPHA, SCARD, SISMEMBER and SINTERCARD; random commands are compared where the answer is forced
// (one-member sets, whole-set counts). Unordered replies are unit-tested in apps/data-node.
import { bin, lines } from './command-lines.js';
import type { Scenario } from './scenario.js';

/** The integers from..to as strings. */
const range = (from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

export const setsScenarios: Scenario[] = [
  {
    name: 'SADD counts new members; SCARD, SISMEMBER and SMISMEMBER read them',
    commands: lines(`
      SADD s a b c
      SADD s a d a
      SCARD s
      SCARD missing
      SISMEMBER s a
      SISMEMBER s zz
      SISMEMBER missing a
      SMISMEMBER s a zz d a
      SMISMEMBER missing a b
      SORT s ALPHA
      sadd s lower
      TYPE s
      SADD s
      SISMEMBER s
    `),
  },
  {
    name: 'SMEMBERS lists an intset in numeric order, including the int64 extremes',
    commands: lines(`
      SADD s 5 3 -1 10 9223372036854775807 -9223372036854775808 0 -10 100
      SMEMBERS s
      OBJECT ENCODING s
      SADD s 7 -7 42
      SMEMBERS s
      SREM s 0 100
      SMEMBERS s
      SMEMBERS missing
    `),
  },
  {
    name: 'SREM counts removed members and deletes the key with its last member',
    commands: lines(`
      SADD s a b c
      SREM s a zz a
      SCARD s
      SREM s b c d
      EXISTS s
      SREM s a
      SREM missing a
      SADD s x
      SREM s
    `),
  },
  {
    name: 'every set command answers WRONGTYPE on a string and a hash key',
    commands: lines(`
      SET str v
      HSET h f v
      SADD str a
      SREM str a
      SMEMBERS str
      SISMEMBER str a
      SMISMEMBER str a
      SCARD str
      SPOP str
      SPOP str 2
      SRANDMEMBER str
      SRANDMEMBER str 2
      SINTER str
      SINTERCARD 1 str
      SUNION str
      SDIFF str
      SSCAN str 0
      SADD h a
      SMEMBERS h
      GET str
    `),
  },
  {
    name: 'members are binary safe and a set of strings is read through SORT ALPHA',
    commands: [
      ['SADD', 's', bin(0x00), bin(0xff, 0xfe), '', 'plain', bin(0x31, 0x00)],
      ['SCARD', 's'],
      ['SISMEMBER', 's', bin(0x00)],
      ['SISMEMBER', 's', ''],
      ['SISMEMBER', 's', bin(0x31)],
      ['SMISMEMBER', 's', bin(0xff, 0xfe), bin(0xff)],
      ['SREM', 's', bin(0x00)],
      ['SORT', 's', 'ALPHA'],
      ['SADD', 's', 'x'.repeat(1000)],
      ['SISMEMBER', 's', 'x'.repeat(1000)],
      ['SCARD', 's'],
    ],
  },
  {
    name: 'OBJECT ENCODING: intset for canonical int64 members up to 512, hashtable for good after that',
    commands: [
      ['SADD', 'ints', ...range(1, 512)],
      ['OBJECT', 'ENCODING', 'ints'],
      ['SADD', 'ints', '513'],
      ['OBJECT', 'ENCODING', 'ints'],
      ['SREM', 'ints', '513', '512'],
      ['OBJECT', 'ENCODING', 'ints'],
      ['SCARD', 'ints'],
      ['SADD', 'mixed', '1', '2', 'a'],
      ['OBJECT', 'ENCODING', 'mixed'],
      ['SREM', 'mixed', 'a'],
      ['OBJECT', 'ENCODING', 'mixed'],
      ['SADD', 'lead0', '01'],
      ['OBJECT', 'ENCODING', 'lead0'],
      ['SADD', 'plus', '+1'],
      ['OBJECT', 'ENCODING', 'plus'],
      ['SADD', 'negzero', '-0'],
      ['OBJECT', 'ENCODING', 'negzero'],
      ['SADD', 'over', '9223372036854775808'],
      ['OBJECT', 'ENCODING', 'over'],
      ['SADD', 'neg', '-5', '-9223372036854775808'],
      ['OBJECT', 'ENCODING', 'neg'],
    ],
  },
  {
    name: 'SPOP without a count pops the only member, nil for a missing key, and checks its arguments',
    commands: lines(`
      SADD s only
      SPOP s
      EXISTS s
      SPOP s
      SPOP missing
      SADD s a
      SPOP s 1 2
      SPOP missing 1 2
      SPOP s -1
      SPOP s x
      SPOP s 1.5
      SPOP s 9223372036854775808
      SPOP missing -1
      SCARD s
    `),
  },
  {
    name: 'SPOP with a count returns a set: empty for 0 or a missing key, the whole intset in order, then deletes it',
    commands: lines(`
      SADD s 3 1 2
      SPOP s 0
      SPOP missing 0
      SPOP missing 3
      SCARD s
      SPOP s 3
      EXISTS s
      SADD s 30 10 20
      SPOP s 9223372036854775807
      SADD one x
      SPOP one 1
      EXISTS one
    `),
  },
  {
    name: 'SPOP and SRANDMEMBER of 0 members leave a large set as it is',
    commands: [
      ['SADD', 'big', ...range(1, 1000)],
      ['OBJECT', 'ENCODING', 'big'],
      ['SPOP', 'big', '0'],
      ['SRANDMEMBER', 'big', '0'],
      ['SCARD', 'big'],
      ['SADD', 'strings', ...range(1, 300).map((i) => `m${i}`)],
      ['SPOP', 'strings', '0'],
      ['SCARD', 'strings'],
      ['SISMEMBER', 'strings', 'm300'],
    ],
  },
  {
    name: 'SRANDMEMBER with a count: empty, forced picks from one member, the whole intset in order',
    commands: lines(`
      SRANDMEMBER missing
      SRANDMEMBER missing 5
      SRANDMEMBER missing -5
      SRANDMEMBER missing 0
      SADD s 3 1 2
      SRANDMEMBER s 0
      SRANDMEMBER s 3
      SRANDMEMBER s 10
      SRANDMEMBER s 9223372036854775807
      SADD one only
      SRANDMEMBER one
      SRANDMEMBER one 1
      SRANDMEMBER one -4
      SCARD s
    `),
  },
  {
    name: 'SRANDMEMBER checks the count before the key and refuses LLONG_MIN',
    commands: lines(`
      SADD s a
      SRANDMEMBER s x
      SRANDMEMBER s 1.5
      SRANDMEMBER s -9223372036854775808
      SRANDMEMBER s 9223372036854775808
      SRANDMEMBER missing x
      SRANDMEMBER missing -9223372036854775808
      SRANDMEMBER s 1 2
      SET str v
      SRANDMEMBER str x
      SRANDMEMBER str 1
    `),
  },
  {
    name: 'SMOVE moves a member between sets and answers 0, 1 or WRONGTYPE in Redis order',
    commands: lines(`
      SADD src a b
      SADD dst c
      SMOVE src dst a
      SMOVE src dst a
      SMOVE src dst zz
      SORT src ALPHA
      SORT dst ALPHA
      SMOVE src newdst b
      EXISTS src
      SMEMBERS newdst
      SADD src x
      SADD dst x
      SMOVE src dst x
      EXISTS src
      SORT dst ALPHA
      SMOVE dst dst c
      SMOVE dst dst zz
      SMOVE missing dst a
      SET str v
      SMOVE missing str a
      SMOVE str dst a
      SMOVE dst str c
      SMOVE dst str zz
      SISMEMBER dst c
    `),
  },
  {
    name: 'SINTER, SUNION and SDIFF of intsets reply in numeric order; missing keys are empty sets',
    commands: lines(`
      SADD a 1 2 3 4 5
      SADD b 4 5 6 7
      SADD c 5 7 9
      SINTER a b
      SINTER a b c
      SINTER a missing
      SINTER missing a
      SUNION a b c
      SUNION a missing
      SUNION missing
      SDIFF a b
      SDIFF a b c
      SDIFF b a
      SDIFF a missing
      SDIFF missing a
      SDIFF a a
      SINTER a
      SUNION c
      SDIFF c
    `),
  },
  {
    name: 'SINTER, SUNION and SDIFF check every key type first, even after a missing key',
    commands: lines(`
      SADD a 1 2
      SET str v
      SINTER missing str
      SINTER a str
      SUNION a str
      SDIFF str missing
      SDIFF missing str
      SDIFF a missing str
      SINTERSTORE d missing str
      SUNIONSTORE d a str
      SDIFFSTORE d a str
      EXISTS d
    `),
  },
  {
    name: 'SINTERSTORE, SUNIONSTORE and SDIFFSTORE store the result, replacing any value and its TTL',
    commands: lines(`
      SADD a 1 2 3 x
      SADD b 2 3 4 y
      SET dst old
      EXPIRE dst 100
      SINTERSTORE dst a b
      TTL dst
      TYPE dst
      SMEMBERS dst
      OBJECT ENCODING dst
      SUNIONSTORE dst a b
      SCARD dst
      SORT dst ALPHA
      OBJECT ENCODING dst
      SDIFFSTORE dst a b
      SORT dst ALPHA
      SDIFFSTORE a a b
      SORT a ALPHA
      SUNIONSTORE b b
      SCARD b
    `),
  },
  {
    name: 'an empty result deletes the destination of a STORE',
    commands: lines(`
      SADD a 1 2
      SADD b 3 4
      SET dst v
      SINTERSTORE dst a b
      EXISTS dst
      SET dst v
      SDIFFSTORE dst a a
      EXISTS dst
      SET dst v
      SUNIONSTORE dst missing other
      EXISTS dst
      SINTERSTORE dst a missing
      SINTERSTORE dst
      SUNIONSTORE dst
    `),
  },
  {
    name: 'the encoding of a stored result follows its content: intset when all integers fit',
    commands: [
      ['SADD', 'strs', 'a', '1', '2'],
      ['SADD', 'ints', '1', '2', '3'],
      ['SINTERSTORE', 'i', 'strs', 'ints'],
      ['OBJECT', 'ENCODING', 'i'],
      ['SMEMBERS', 'i'],
      ['SDIFFSTORE', 'd', 'strs', 'ints'],
      ['OBJECT', 'ENCODING', 'd'],
      ['SADD', 'many', ...range(1, 600)],
      ['SADD', 'few', ...range(1, 10)],
      ['SINTERSTORE', 'small', 'many', 'few'],
      ['OBJECT', 'ENCODING', 'small'],
      ['SMEMBERS', 'small'],
      ['SDIFFSTORE', 'rest', 'many', 'few'],
      ['SCARD', 'rest'],
      ['OBJECT', 'ENCODING', 'rest'],
      ['SUNION', 'few', 'i'],
      ['SDIFF', 'few', 'i'],
    ],
  },
  {
    name: 'SINTERCARD counts the intersection up to LIMIT',
    commands: lines(`
      SADD a 1 2 3 4 5 x y
      SADD b 2 3 4 5 6 y
      SADD c 3 4 5 y z
      SINTERCARD 1 a
      SINTERCARD 2 a b
      SINTERCARD 3 a b c
      SINTERCARD 3 a b c LIMIT 0
      SINTERCARD 3 a b c LIMIT 2
      SINTERCARD 3 a b c LIMIT 100
      SINTERCARD 3 a b c limit 1
      SINTERCARD 2 a missing
      SINTERCARD 1 missing
      SINTERCARD 2 a b LIMIT 1 LIMIT 3
    `),
  },
  {
    name: 'SINTERCARD checks numkeys, then the options, then the keys',
    commands: lines(`
      SADD a 1
      SET str v
      SINTERCARD 0 a
      SINTERCARD -1 a
      SINTERCARD x a
      SINTERCARD 9223372036854775808 a
      SINTERCARD 2 a
      SINTERCARD 1 a LIMIT -1
      SINTERCARD 1 a LIMIT x
      SINTERCARD 1 a LIMIT
      SINTERCARD 1 a FOO 1
      SINTERCARD 1 a b
      SINTERCARD 1 str LIMIT -1
      SINTERCARD 2 missing str
      SINTERCARD 2 str missing
      SINTERCARD 1 str
    `),
  },
  {
    name: 'large hashtable sets intersect, unite and subtract correctly',
    commands: [
      ['SADD', 'evens', ...range(0, 1499).map((i) => `k${Number(i) * 2}`)],
      ['SADD', 'threes', ...range(0, 999).map((i) => `k${Number(i) * 3}`)],
      ['SINTERCARD', '2', 'evens', 'threes'],
      ['SINTERCARD', '2', 'evens', 'threes', 'LIMIT', '10'],
      ['SINTERSTORE', 'sixes', 'evens', 'threes'],
      ['SISMEMBER', 'sixes', 'k6'],
      ['SISMEMBER', 'sixes', 'k4'],
      ['SUNIONSTORE', 'either', 'evens', 'threes'],
      ['SDIFFSTORE', 'evens-only', 'evens', 'threes'],
      ['SDIFFSTORE', 'threes-only', 'threes', 'evens', 'missing'],
      ['SCARD', 'either'],
      ['SCARD', 'evens-only'],
      ['SCARD', 'threes-only'],
      ['SORT', 'sixes', 'ALPHA', 'LIMIT', '0', '5'],
      ['SORT', 'threes-only', 'ALPHA', 'LIMIT', '0', '5'],
      ['SMOVE', 'evens', 'threes', 'k2'],
      ['SINTERCARD', '2', 'evens', 'threes'],
      ['SREM', 'evens', 'k0', 'k4', 'k8'],
      ['SCARD', 'evens'],
    ],
  },
  {
    name: 'SSCAN returns an intset whole, in numeric order, with cursor 0, and filters with MATCH',
    commands: lines(`
      SADD s 12 3 -1 100 21
      SSCAN s 0
      SSCAN s 0 MATCH 1*
      SSCAN s 0 MATCH *1
      SSCAN s 0 COUNT 1
      SSCAN s 42
      SSCAN s 0 MATCH -*
      SSCAN missing 0
      SADD t a
      SSCAN t 0
      SSCAN t 0 MATCH b*
    `),
  },
  {
    name: 'SSCAN checks the cursor, then the key, then the options',
    commands: lines(`
      SADD s 1
      SSCAN s x
      SSCAN s 18446744073709551616
      SSCAN s -1
      SSCAN s 0 COUNT 0
      SSCAN s 0 COUNT x
      SSCAN s 0 MATCH
      SSCAN s 0 TYPE set
      SSCAN missing 0 COUNT 0
      SSCAN missing 0 BAD
      SET str v
      SSCAN str x
      SSCAN str 0 BAD
    `),
  },
  {
    name: 'set commands inside MULTI, and an expired set reads as missing',
    commands: lines(`
      MULTI
      SADD s 3 1 2
      SCARD s
      SMEMBERS s
      SPOP s 5
      EXEC
      EXISTS s
      SADD gone a
      EXPIREAT gone 1
      SCARD gone
      SISMEMBER gone a
      SADD kept a
      EXPIRE kept 100
      SADD kept b
      SREM kept a
      PERSIST kept
    `),
  },
  {
    name: 'RESP3: SMEMBERS, SINTER, SUNION, SDIFF and SPOP with a count are sets; SRANDMEMBER and SSCAN are arrays',
    resp3: true,
    commands: lines(`
      SADD s 3 1 2
      SADD t 2 3 4
      SMEMBERS s
      SMEMBERS missing
      SINTER s t
      SUNION s t
      SDIFF s t
      SINTER s missing
      SRANDMEMBER s 5
      SRANDMEMBER s 0
      SRANDMEMBER missing 5
      SRANDMEMBER missing
      SADD one x
      SRANDMEMBER one -3
      SMISMEMBER s 1 9
      SSCAN s 0
      SPOP missing
      SPOP missing 2
      SPOP s 0
      SPOP s 3
      SPOP one 1
    `),
  },
];
