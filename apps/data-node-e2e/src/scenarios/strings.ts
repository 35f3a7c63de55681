// Differential scenarios of the string and bitmap commands: every command of the family, its error replies
// (arity, WRONGTYPE, syntax, not-an-integer, overflow, out-of-range), and edge cases (empty and binary values,
// missing keys, huge and negative offsets and counts). Replies must match redis-server 7.0 byte for byte;
// nothing here depends on the clock (TTL values are checked in the data-node unit tests).
import type { Scenario } from './scenario.js';

/** A command written as one line: arguments separated by spaces, "double quotes" for empty or spaced ones. */
const c = (line: string): string[] => [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
const lines = (...commands: string[]): string[][] => commands.map(c);

const BINARY = Buffer.from([0x00, 0x0d, 0x0a, 0xff, 0x80, 0x00, 0x7f]);
const LLONG_MAX = '9223372036854775807';
const LLONG_MIN = '-9223372036854775808';

export const stringsScenarios: Scenario[] = [
  {
    name: 'GET and SET with every option combination and their syntax errors',
    commands: lines(
      'SET k v',
      'GET k',
      'SET k v2 NX',
      'SET k v2 XX',
      'GET k',
      'SET fresh v XX',
      'SET fresh v NX',
      'SET k v3 GET',
      'SET missing v GET',
      'SET k v4 NX GET',
      'SET k v5 XX GET',
      'SET k v NX XX',
      'SET k v XX NX',
      'SET k v EX 10 PX 100',
      'SET k v EX 10 KEEPTTL',
      'SET k v KEEPTTL EX 10',
      'SET k v EX',
      'SET k v EX 10 EX 20',
      'SET k v ex 10 nx',
      'SET k v EX 0',
      'SET k v EX -1',
      'SET k v EX abc',
      'SET k v PX 0',
      'SET k v EXAT 0',
      'SET k v PXAT -5',
      `SET k v EX ${LLONG_MAX}`,
      'SET k v EX 9223372036854776',
      `SET k v PX ${LLONG_MAX}`,
      `SET k v EXAT ${LLONG_MAX}`,
      `SET k v PXAT ${LLONG_MAX}`,
      'SET k v EX 9223372036854775',
      'SET k v FOO',
      'SET k',
      'GET',
      'GET a b',
      'GET k',
    ),
  },
  {
    name: 'string commands on keys of another type reply WRONGTYPE',
    commands: lines(
      'RPUSH list a',
      'GET list',
      'SET list v GET',
      'GETSET list v',
      'GETDEL list',
      'GETEX list',
      'GETEX list PERSIST',
      'INCR list',
      'DECRBY list 2',
      'INCRBYFLOAT list 1.5',
      'APPEND list x',
      'STRLEN list',
      'GETRANGE list 0 -1',
      'SUBSTR list 0 1',
      'SETRANGE list 0 x',
      'SETBIT list 0 1',
      'GETBIT list 0',
      'BITCOUNT list',
      'BITCOUNT list 0 -1',
      'BITPOS list 1',
      'BITOP AND dest list',
      'BITOP OR dest missing list',
      'BITFIELD list GET u8 0',
      'BITFIELD list SET u8 0 1',
      'BITFIELD_RO list GET u8 0',
      'LCS list other',
      'LCS other list',
      'MGET list missing',
      'SET list v',
      'GET list',
    ),
  },
  {
    name: 'SETNX, GETSET and GETDEL',
    commands: lines(
      'SETNX k v1',
      'SETNX k v2',
      'GET k',
      'SETNX k',
      'GETSET k v3',
      'GETSET fresh v',
      'GET fresh',
      'GETSET k',
      'GETDEL k',
      'GETDEL k',
      'STRLEN k',
      'GETDEL',
      'GETDEL a b',
    ),
  },
  {
    name: 'SETEX and PSETEX validate the time before setting',
    commands: lines(
      'SETEX k 100 v',
      'GET k',
      'PSETEX k 100000 v2',
      'GET k',
      'SETEX k 0 v',
      'SETEX k -10 v',
      'PSETEX k 0 v',
      'SETEX k abc v',
      'SETEX k 1.5 v',
      `SETEX k ${LLONG_MAX} v`,
      'SETEX k 9223372036854775 v',
      `PSETEX k ${LLONG_MAX} v`,
      'SETEX k 10',
      'PSETEX k 10 v extra',
      'RPUSH list a',
      'SETEX list 100 v',
      'GET list',
    ),
  },
  {
    name: 'GETEX options, their mutual exclusions and the order of its errors',
    commands: lines(
      'SET k v',
      'GETEX k',
      'GETEX k EX 100',
      'GETEX k PX 100000',
      'GETEX k EXAT 99999999999',
      'GETEX k PXAT 99999999999000',
      'GETEX k PERSIST',
      'GETEX k PERSIST PERSIST',
      'GETEX k EX 10 EX 20',
      'GETEX k EX 10 PX 20',
      'GETEX k PERSIST EX 10',
      'GETEX k EX 10 PERSIST',
      'GETEX k KEEPTTL',
      'GETEX k NX',
      'GETEX k EX',
      'GETEX k EX abc',
      'GETEX k EX 0',
      'GETEX k PX -1',
      `GETEX k EX ${LLONG_MAX}`,
      'GETEX missing EX abc',
      'GETEX missing FOO',
      'GETEX k EXAT 1',
      'GET k',
      'SET k v',
      'GETEX k PXAT 1',
      'STRLEN k',
      'GETEX',
    ),
  },
  {
    name: 'MGET, MSET and MSETNX',
    commands: [
      ...lines(
        'MSET a 1 b 2 c 3',
        'MGET a b c missing',
        'MSET a',
        'MSET a 1 b',
        'MSETNX a 1 b',
        'MSETNX x 1 y 2',
        'MGET x y',
        'MSETNX y 3 z 4',
        'MGET y z',
        'MSETNX same 1 same 2',
        'GET same',
        'MSET a 10 a 20',
        'GET a',
        'RPUSH list e',
        'MGET a list b',
        'MSET list v',
        'GET list',
        'MGET',
      ),
      ['MSET', 'bin', BINARY, 'empty', ''],
      c('MGET bin empty'),
    ],
  },
  {
    name: 'INCR, DECR, INCRBY and DECRBY near the int64 limits',
    commands: lines(
      'INCR n',
      'INCR n',
      'DECR n',
      'DECR fresh',
      'INCRBY n 100',
      'INCRBY n -200',
      'DECRBY n -50',
      'DECRBY n 7',
      `SET big ${LLONG_MAX}`,
      'INCR big',
      'GET big',
      'DECR big',
      'INCRBY big 1',
      `SET small ${LLONG_MIN}`,
      'DECR small',
      'INCRBY small -1',
      'INCR small',
      `DECRBY n ${LLONG_MIN}`,
      `DECRBY n -${LLONG_MAX}`,
      `INCRBY n ${LLONG_MIN}`,
      'SET exact 9007199254740993',
      'INCR exact',
      'INCRBY exact 9007199254740993',
      'DECRBY exact 18014398509481990',
      'INCRBY n 9223372036854775808',
      'INCRBY n -9223372036854775809',
      'INCRBY n abc',
      'INCRBY n 1.5',
      'INCRBY n ""',
      'INCRBY n +1',
      'INCRBY n 01',
      'INCRBY n -0',
      'INCRBY n " 1"',
      'INCRBY missing-type-after-bad-arg x',
      'SET s abc',
      'INCR s',
      'SET s 12a',
      'DECR s',
      'SET s 007',
      'INCR s',
      'SET s -0',
      'INCR s',
      'SET s " 5"',
      'INCR s',
      'SET s 1.0',
      'INCRBY s 1',
      'SET s 99999999999999999999',
      'INCR s',
      'INCR',
      'INCRBY n',
      'DECR a b',
    ),
  },
  {
    name: 'INCRBYFLOAT formats like %.17Lf and refuses NaN and Infinity',
    commands: lines(
      'SET f 10.5',
      'INCRBYFLOAT f 0.1',
      'INCRBYFLOAT f -5.0e3',
      'SET g 5.0e3',
      'INCRBYFLOAT g 0',
      'SET h 3.0e3',
      'INCRBYFLOAT h 2.0e3',
      'INCRBYFLOAT new 0.1',
      'INCRBYFLOAT new 0.2',
      'INCRBYFLOAT new -0.3',
      'INCRBYFLOAT new 1e-20',
      'INCRBYFLOAT new -1e-20',
      'INCRBYFLOAT t 1.7976931348623157e308',
      'INCRBYFLOAT u 1e400',
      'INCRBYFLOAT u 1',
      'INCRBYFLOAT v 0x1p-3',
      'INCRBYFLOAT v 0X1.8P+1',
      'INCRBYFLOAT v +.5',
      'INCRBYFLOAT v 5.',
      'INCRBYFLOAT v 3.14159265358979323846',
      'INCRBYFLOAT v -3.14159265358979323846',
      'INCRBYFLOAT w 9223372036854775807',
      'INCRBYFLOAT w 1',
      'INCRBYFLOAT x 1.18e4932',
      'INCRBYFLOAT x 1e4932',
      'INCRBYFLOAT y 1e-4940',
      'INCRBYFLOAT y 1e-4960',
      'INCRBYFLOAT y 1e4933',
      'INCRBYFLOAT f inf',
      'INCRBYFLOAT f -INFINITY',
      'INCRBYFLOAT f nan',
      'INCRBYFLOAT f abc',
      'INCRBYFLOAT f ""',
      'INCRBYFLOAT f " 1"',
      'INCRBYFLOAT f "1 "',
      'INCRBYFLOAT f 1e',
      'INCRBYFLOAT f .',
      'INCRBYFLOAT f 0x',
      'SET bad abc',
      'INCRBYFLOAT bad 1',
      'INCRBYFLOAT bad xyz',
      'SET inf inf',
      'INCRBYFLOAT inf 1',
      'SET num 7',
      'INCRBYFLOAT num 1.5',
      'INCR num',
      'INCRBYFLOAT',
      'INCRBYFLOAT f',
    ),
  },
  {
    name: 'APPEND and STRLEN, including binary data and empty values',
    commands: [
      ...lines(
        'APPEND k hello',
        'APPEND k " world"',
        'GET k',
        'STRLEN k',
        'STRLEN missing',
        'APPEND empty ""',
        'STRLEN empty',
        'STRLEN empty',
        'SET n 10',
        'APPEND n 5',
        'INCR n',
        'APPEND k',
        'STRLEN',
        'STRLEN a b',
      ),
      ['APPEND', 'bin', BINARY],
      ['APPEND', 'bin', BINARY],
      c('GET bin'),
      c('STRLEN bin'),
    ],
  },
  {
    name: 'GETRANGE and SUBSTR with negative, reversed and huge indexes',
    commands: lines(
      'SET s foobar',
      'GETRANGE s 0 2',
      'GETRANGE s 0 -1',
      'GETRANGE s -3 -1',
      'GETRANGE s 3 100',
      'GETRANGE s 5 3',
      'GETRANGE s -1 -5',
      'GETRANGE s -100 -200',
      'GETRANGE s -200 -100',
      'GETRANGE s 0 -100',
      'GETRANGE s 10 20',
      `GETRANGE s 0 ${LLONG_MAX}`,
      `GETRANGE s ${LLONG_MIN} -9223372036854775807`,
      `GETRANGE s -9223372036854775807 ${LLONG_MIN}`,
      `GETRANGE s ${LLONG_MIN} ${LLONG_MAX}`,
      'GETRANGE s 0 9223372036854775808',
      'GETRANGE s a 1',
      'GETRANGE s 0 b',
      'GETRANGE missing 0 -1',
      'GETRANGE missing a b',
      'SET e ""',
      'GETRANGE e 0 -1',
      'GETRANGE e 0 0',
      'SUBSTR s 1 3',
      'SUBSTR s -2 -1',
      'SUBSTR s 0',
      'GETRANGE s 0',
    ),
  },
  {
    name: 'SETRANGE pads with zero bytes and checks its offset',
    commands: [
      ...lines(
        'SETRANGE k 0 hello',
        'SETRANGE k 6 world',
        'GET k',
        'SETRANGE k 1 EL',
        'GET k',
        'SETRANGE fresh 3 abc',
        'GET fresh',
        'SETRANGE none 5 ""',
        'STRLEN none',
        'SETRANGE k 100 ""',
        'STRLEN k',
        'SETRANGE k -1 x',
        'SETRANGE k abc x',
        'SETRANGE k 536870912 x',
        'SETRANGE k 536870911 xy',
        `SETRANGE k ${LLONG_MAX} x`,
        'SETRANGE k 9223372036854775808 x',
        'SETRANGE none 536870912 ""',
        'SETRANGE none -1 ""',
        'SET n 12345',
        'SETRANGE n 1 x',
        'GET n',
        'SETRANGE k 0',
      ),
      ['SETRANGE', 'bin', '2', BINARY],
      c('GET bin'),
      c('GETRANGE bin 3 5'),
    ],
  },
  {
    name: 'SETBIT and GETBIT grow the string and check offsets and bit values',
    commands: lines(
      'SETBIT b 7 1',
      'GET b',
      'SETBIT b 7 1',
      'SETBIT b 7 0',
      'GETBIT b 7',
      'SETBIT b 0 1',
      'GET b',
      'SETBIT b 100 1',
      'STRLEN b',
      'GETBIT b 100',
      'GETBIT b 101',
      'GETBIT b 100000',
      'GETBIT missing 5',
      'SETBIT new 0 0',
      'GET new',
      'SETBIT b 1 2',
      'SETBIT b 1 -1',
      'SETBIT b 1 a',
      'SETBIT b -1 1',
      'SETBIT b abc 1',
      'SETBIT b 4294967296 1',
      `SETBIT b ${LLONG_MAX} 1`,
      'GETBIT b -1',
      'GETBIT b 4294967296',
      'GETBIT b x',
      'SET s A',
      'GETBIT s 1',
      'GETBIT s 7',
      'SETBIT s 6 1',
      'GET s',
      'SETBIT b 1',
      'GETBIT b',
    ),
  },
  {
    name: 'BITCOUNT over bytes and bits with negative and reversed ranges',
    commands: lines(
      'SET s foobar',
      'BITCOUNT s',
      'BITCOUNT s 0 0',
      'BITCOUNT s 1 1',
      'BITCOUNT s 0 -1',
      'BITCOUNT s -2 -1',
      'BITCOUNT s 5 30 BIT',
      'BITCOUNT s 0 -1 bit',
      'BITCOUNT s 1 1 BYTE',
      'BITCOUNT s 3 3 BIT',
      'BITCOUNT s -1 -1 BIT',
      'BITCOUNT s 7 8 BIT',
      'BITCOUNT s -100 -200',
      'BITCOUNT s -200 -100',
      'BITCOUNT s 100 200',
      'BITCOUNT s -9223372036854775807 -9223372036854775808',
      `BITCOUNT s ${LLONG_MIN} ${LLONG_MAX} BIT`,
      'BITCOUNT s 0',
      'BITCOUNT s 0 1 2',
      'BITCOUNT s 0 -1 FOO',
      'BITCOUNT s a b',
      'BITCOUNT s 0 b BIT',
      'BITCOUNT s 1 2 3 4',
      'BITCOUNT missing',
      'BITCOUNT missing 0 -1',
      'BITCOUNT missing 0 -1 BIT',
      'SET e ""',
      'BITCOUNT e',
      'BITCOUNT e 0 -1',
      'SET n 12345',
      'BITCOUNT n',
      'BITCOUNT',
    ),
  },
  {
    name: 'BITPOS finds set and clear bits in byte and bit ranges',
    commands: [
      ...lines(
        'SET s foobar',
        'BITPOS s 1',
        'BITPOS s 0',
        'BITPOS s 1 2',
        'BITPOS s 1 -1',
        'BITPOS s 0 0 -1 BIT',
        'BITPOS s 1 7 15 BIT',
        'BITPOS s 1 -100 -200',
        'BITPOS s 0 -200 -100',
        'BITPOS s 1 3 2',
        'BITPOS s 1 100',
        'BITPOS s 2',
        'BITPOS s -1',
        'BITPOS s a',
        'BITPOS s 1 a',
        'BITPOS s 1 0 b',
        'BITPOS s 1 0 1 FOO',
        'BITPOS s 1 0 1 BIT x',
        'BITPOS missing 0',
        'BITPOS missing 1',
        'BITPOS missing 1 0 -1 BIT',
        'SET e ""',
        'BITPOS e 0',
        'BITPOS e 1',
      ),
      ['SET', 'ones', Buffer.from([0xff, 0xff, 0xff])],
      ...lines(
        'BITPOS ones 0',
        'BITPOS ones 0 0',
        'BITPOS ones 0 0 -1',
        'BITPOS ones 0 1 1',
        'BITPOS ones 0 0 -1 BIT',
        'BITPOS ones 0 3 BIT',
        'BITPOS ones 1 5 5 BIT',
      ),
      ['SET', 'zeros', Buffer.from([0x00, 0x00, 0x01, 0x00])],
      ...lines(
        'BITPOS zeros 1',
        'BITPOS zeros 1 0 1',
        'BITPOS zeros 1 3',
        'BITPOS zeros 1 20 30 BIT',
        'BITPOS zeros 1 23 23 BIT',
        'BITPOS zeros 0 -1 -1 BIT',
        'BITPOS zeros 0 9 14 BIT',
        'BITPOS s',
      ),
    ],
  },
  {
    name: 'BITOP AND, OR, XOR and NOT over strings of different lengths',
    commands: [
      ...lines(
        'SET a foobar',
        'SET b abcdef',
        'SET short xy',
        'BITOP AND dest a b',
        'GET dest',
        'BITOP OR dest a b short',
        'GET dest',
        'BITOP XOR dest a short',
        'GET dest',
        'BITOP AND dest a short',
        'GET dest',
        'BITOP NOT dest a',
        'GET dest',
        'BITOP and dest a missing',
        'GET dest',
        'BITOP or dest missing missing2',
        'STRLEN dest',
        'BITOP NOT dest a b',
        'BITOP NAND dest a b',
        'BITOP AND dest',
        'RPUSH list x',
        'BITOP AND list a',
        'GET list',
        'BITOP XOR a a a',
        'GET a',
      ),
      ['SET', 'bin', BINARY],
      c('BITOP NOT notbin bin'),
      c('GET notbin'),
    ],
  },
  {
    name: 'BITFIELD signed and unsigned fields with every OVERFLOW mode',
    commands: lines(
      'BITFIELD bf SET i8 0 -100 GET u8 0 GET i8 0',
      'BITFIELD bf INCRBY u2 100 1 OVERFLOW SAT INCRBY u2 102 1',
      'BITFIELD bf OVERFLOW WRAP INCRBY u2 100 1 INCRBY u2 100 1 INCRBY u2 100 1 INCRBY u2 100 1',
      'BITFIELD bf OVERFLOW SAT INCRBY u2 100 1 INCRBY u2 100 1 INCRBY u2 100 1',
      'BITFIELD bf OVERFLOW FAIL INCRBY u2 100 1 INCRBY u2 100 1 INCRBY u2 100 1',
      'BITFIELD bf OVERFLOW WRAP INCRBY i8 200 127 INCRBY i8 200 1 INCRBY i8 200 -1',
      'BITFIELD bf OVERFLOW SAT INCRBY i8 200 -200 INCRBY i8 200 1000',
      'BITFIELD bf OVERFLOW FAIL INCRBY i8 200 1000 GET i8 200',
      'BITFIELD bf SET u8 #1 255 GET u8 #1 GET u4 #2 GET u4 #3',
      'BITFIELD bf OVERFLOW SAT SET u8 0 300 SET i8 0 -300 GET u8 0',
      'BITFIELD bf OVERFLOW WRAP SET u8 0 300 SET u8 0 -1 GET u8 0',
      'BITFIELD bf OVERFLOW FAIL SET u8 0 256 SET i4 0 7 SET i4 0 8',
      `BITFIELD bf SET i64 64 ${LLONG_MAX} INCRBY i64 64 1 GET i64 64`,
      `BITFIELD bf OVERFLOW SAT INCRBY i64 64 ${LLONG_MAX} INCRBY i64 64 ${LLONG_MIN} INCRBY i64 64 ${LLONG_MIN}`,
      `BITFIELD bf OVERFLOW WRAP SET i64 64 ${LLONG_MIN} INCRBY i64 64 -1`,
      `BITFIELD bf OVERFLOW SAT SET i63 0 ${LLONG_MIN} GET i63 0 SET i63 0 ${LLONG_MAX} GET i63 0`,
      `BITFIELD bf SET u63 0 ${LLONG_MAX} GET u63 0 INCRBY u63 0 1 OVERFLOW SAT INCRBY u63 0 -1 INCRBY u63 0 ${LLONG_MIN}`,
      'BITFIELD bf GET u63 3 GET i64 3 GET u1 1000000 GET i5 13',
      'BITFIELD bf INCRBY u1 1000 1 GET u1 1000',
      'STRLEN bf',
      'BITFIELD bf',
      'BITFIELD missing GET u8 0 GET i16 100',
      'STRLEN missing',
      'BITFIELD created OVERFLOW FAIL INCRBY u2 20 100',
      'GET created',
      'BITFIELD bf GET u64 0',
      'BITFIELD bf GET i65 0',
      'BITFIELD bf GET u0 0',
      'BITFIELD bf GET x8 0',
      'BITFIELD bf GET U8 0',
      'BITFIELD bf GET u8 -1',
      'BITFIELD bf GET u8 #-1',
      'BITFIELD bf GET u8 4294967296',
      'BITFIELD bf GET u8 #536870912',
      'BITFIELD bf GET u8 #2305843009213693952',
      'BITFIELD bf GET u8 abc',
      'BITFIELD bf SET u8 0 abc',
      'BITFIELD bf SET u8 0',
      'BITFIELD bf GET u8',
      'BITFIELD bf INCRBY u8 0 1.5',
      'BITFIELD bf OVERFLOW',
      'BITFIELD bf OVERFLOW BAD GET u8 0',
      'BITFIELD bf FOO u8 0',
      'BITFIELD bf GET u8 0 SET u8 0',
      'BITFIELD',
    ),
  },
  {
    name: 'BITFIELD_RO only runs GET',
    commands: lines(
      'SET k hello',
      'BITFIELD_RO k GET u8 0 GET i8 8 GET u16 #2',
      'BITFIELD_RO k',
      'BITFIELD_RO missing GET u8 0',
      'BITFIELD_RO k SET u8 0 1',
      'BITFIELD_RO k GET u8 0 INCRBY u8 0 1',
      'BITFIELD_RO k SET u8 0 abc',
      'BITFIELD_RO k GET u99 0',
      'BITFIELD_RO k GET',
      'GET k',
      'BITFIELD_RO',
    ),
  },
  {
    name: 'LCS returns the subsequence, its length or its match ranges',
    commands: lines(
      'MSET key1 ohmytext key2 mynewtext',
      'LCS key1 key2',
      'LCS key1 key2 LEN',
      'LCS key1 key2 IDX',
      'LCS key1 key2 IDX MINMATCHLEN 4',
      'LCS key1 key2 IDX MINMATCHLEN 4 WITHMATCHLEN',
      'LCS key1 key2 IDX WITHMATCHLEN',
      'LCS key1 key2 idx minmatchlen -5 withmatchlen',
      'LCS key2 key1 IDX WITHMATCHLEN',
      'LCS key1 key1',
      'LCS key1 missing',
      'LCS missing missing2 IDX',
      'LCS missing missing2 LEN',
      'LCS key1 key2 LEN IDX',
      'LCS key1 key2 MINMATCHLEN',
      'LCS key1 key2 MINMATCHLEN x',
      'LCS key1 key2 FOO',
      'LCS key1 key2 WITHMATCHLEN',
      'LCS key1 key2 LEN WITHMATCHLEN MINMATCHLEN 3',
      'MSET a ACCGGTCGAGTGCGCGGAAGCCGGCCGAA b GTCGTTCGGAATGCCGTTGCTCTGTAAA',
      'LCS a b',
      'LCS a b IDX WITHMATCHLEN',
      'LCS a b IDX MINMATCHLEN 3 WITHMATCHLEN',
      'MSET x aaaa y aa',
      'LCS x y IDX WITHMATCHLEN',
      'LCS key1',
    ),
  },
  {
    name: 'WATCH sees the writes that change a string and not the ones that leave it as it was',
    commands: lines(
      'SETBIT w 3 1',
      ...['SETBIT w 3 1', 'SETBIT w 3 0', 'SETBIT w 100 0', 'BITFIELD w SET u4 0 1', 'BITFIELD w SET u4 0 0'],
      ...[
        'BITFIELD w GET u8 0',
        'BITFIELD w OVERFLOW FAIL INCRBY u2 0 9',
        'SETRANGE w 0 ""',
        'SETRANGE w 1 x',
      ],
      ...['APPEND w ""', 'GETEX w', 'GETEX w PERSIST', 'GETEX w PX 100000', 'INCRBY w 0', 'GETDEL nothing'],
      ...['SETNX w v', 'MSETNX w v', 'BITOP AND nothing nothing2', 'GET w'],
    ).flatMap((command, i) =>
      i === 0 ? [command] : [c('WATCH w'), command, c('MULTI'), c('STRLEN w'), c('EXEC')],
    ),
  },
  {
    name: 'RESP3 replies: null bulk strings, the LCS IDX map and BITFIELD failures',
    resp3: true,
    commands: lines(
      'GET missing',
      'MGET missing missing2',
      'SET k v NX GET',
      'SET fresh v XX',
      'GETEX missing',
      'GETDEL missing',
      'MSET a ohmytext b mynewtext',
      'LCS a b IDX MINMATCHLEN 2 WITHMATCHLEN',
      'BITFIELD bf OVERFLOW FAIL INCRBY u2 0 7 GET u2 0',
      'INCRBYFLOAT f 1.5',
      'INCRBY n 5',
    ),
  },
  {
    name: 'arguments with NUL bytes are read whole, except bitfield types as Redis reads them with strlen',
    commands: [
      ['SET', 'k', '10'],
      ['INCRBY', 'k', '1\x00'],
      ['INCRBY', 'k', Buffer.from('1\x00')],
      ['INCRBYFLOAT', 'k', Buffer.from('1.5\x00')],
      ['SETEX', 'k', Buffer.from('10\x00'), 'v'],
      ['SETBIT', 'k', Buffer.from('1\x00'), '1'],
      ['SETBIT', 'k', '#1', '1'],
      ['GETRANGE', 'k', Buffer.from('0\x00'), '1'],
      ['BITFIELD', 'k', 'GET', Buffer.from('u8\x00junk'), '0'],
      ['BITFIELD', 'k', 'GET', Buffer.from('u\x008'), '0'],
      ['BITFIELD', 'k', 'GET', Buffer.from([0]), '0'],
      ['BITFIELD', 'k', 'GET', '', '0'],
      ['BITFIELD', 'k', 'SET', 'u8', '0', Buffer.from('7\x00')],
      ['LCS', 'k', 'k', 'MINMATCHLEN', Buffer.from('1\x00')],
      ['GET', 'k'],
    ],
  },
  {
    name: 'binary values with NUL and CRLF survive every read command',
    commands: [
      ['SET', 'bin', BINARY],
      c('GET bin'),
      c('STRLEN bin'),
      c('GETRANGE bin 1 3'),
      c('BITCOUNT bin'),
      c('BITPOS bin 1'),
      c('BITPOS bin 0 3'),
      c('GETBIT bin 31'),
      c('BITFIELD bin GET u16 8 GET i8 24'),
      ['SET', 'bin2', Buffer.from([0x0d, 0x0a, 0x00])],
      c('LCS bin bin2'),
      c('LCS bin bin2 IDX WITHMATCHLEN'),
      ['SETRANGE', 'bin', '6', Buffer.from('\r\n')],
      c('GET bin'),
      ['GETSET', 'bin', Buffer.from([0])],
      c('GETDEL bin'),
    ],
  },
];

// ---------------------------------------------------------------------------------------------------
// Seeded random scenarios: many generated inputs per command, identical on every run (a fixed-seed PRNG),
// for the arithmetic that is easiest to get subtly wrong (bit ranges, bit fields, long doubles, LCS paths).
// ---------------------------------------------------------------------------------------------------

/** mulberry32: a small deterministic PRNG; `next()` is uniform in [0, 1). */
function prng(seed: number): {
  int: (lo: number, hi: number) => number;
  pick: <T>(items: readonly T[]) => T;
} {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  return { int, pick: (items) => items[int(0, items.length - 1)] as (typeof items)[number] };
}

function randomBytes(r: ReturnType<typeof prng>, length: number, alphabet?: readonly number[]): Buffer {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = alphabet ? r.pick(alphabet) : r.int(0, 255);
  return bytes;
}

const INT64_EDGES = [
  LLONG_MIN,
  '-9223372036854775807',
  '-4294967296',
  '-129',
  '-1',
  '0',
  '1',
  '127',
  '255',
  '4294967295',
  LLONG_MAX,
];

function randomInt64(r: ReturnType<typeof prng>): string {
  if (r.int(0, 3) === 0) return r.pick(INT64_EDGES);
  const magnitude = r.int(0, 18);
  const digits =
    String(r.int(1, 9)) + String(r.int(0, 10 ** Math.min(magnitude, 15))).padStart(magnitude, '0');
  const text = digits.slice(0, Math.max(1, magnitude));
  return r.int(0, 1) === 0 ? text : `-${text}`;
}

function bitRangeScenario(seed: number): Scenario {
  const r = prng(seed);
  const commands: (string | Buffer)[][] = [];
  for (let k = 0; k < 8; k++) {
    const value = randomBytes(r, r.int(0, 12), [0x00, 0xff, 0x0f, 0xf0, 0x81, 0x7e, r.int(0, 255)]);
    commands.push(['SET', 's', value]);
    for (let q = 0; q < 12; q++) {
      const unit = r.pick(['', 'BYTE', 'BIT']);
      const bound = unit === 'BIT' ? 110 : 15;
      const start = String(r.int(-bound, bound));
      const end = String(r.int(-bound, bound));
      const range = unit === '' ? [start, end] : [start, end, unit];
      commands.push(['BITCOUNT', 's', ...range]);
      const bit = String(r.int(0, 1));
      const form = r.int(0, 3);
      if (form === 0) commands.push(['BITPOS', 's', bit]);
      else if (form === 1) commands.push(['BITPOS', 's', bit, start]);
      else commands.push(['BITPOS', 's', bit, ...range]);
      commands.push(['GETRANGE', 's', start, end]);
    }
    commands.push(['GETBIT', 's', String(r.int(0, 100))]);
    commands.push(['SETBIT', 's', String(r.int(0, 120)), String(r.int(0, 1))]);
    commands.push(['GET', 's']);
  }
  return { name: `random BITCOUNT, BITPOS, GETRANGE and SETBIT ranges (seed ${seed})`, commands };
}

function bitfieldScenario(seed: number): Scenario {
  const r = prng(seed);
  const commands: (string | Buffer)[][] = [['SET', 'bf', randomBytes(r, 12)]];
  for (let k = 0; k < 120; k++) {
    const args: string[] = ['BITFIELD', 'bf'];
    for (let op = r.int(1, 4); op > 0; op--) {
      if (r.int(0, 3) === 0) args.push('OVERFLOW', r.pick(['WRAP', 'SAT', 'FAIL']));
      const signed = r.int(0, 1) === 0;
      const bits = r.pick([1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 53, 62, 63, signed ? 64 : 63]);
      const type = `${signed ? 'i' : 'u'}${bits}`;
      const offset = r.int(0, 3) === 0 ? `#${r.int(0, 4)}` : String(r.int(0, 140));
      const opcode = r.pick(['GET', 'SET', 'INCRBY']);
      if (opcode === 'GET') args.push('GET', type, offset);
      else args.push(opcode, type, offset, randomInt64(r));
    }
    commands.push(args);
  }
  commands.push(['GET', 'bf']);
  return { name: `random BITFIELD operations with every overflow mode (seed ${seed})`, commands };
}

function randomDecimal(r: ReturnType<typeof prng>): string {
  const form = r.int(0, 5);
  const sign = r.pick(['', '', '-', '+']);
  const int = String(r.int(0, 10 ** r.int(0, 12)));
  const frac = String(r.int(0, 10 ** r.int(1, 12))).padStart(r.int(1, 14), '0');
  if (form === 0) return `${sign}${int}`;
  if (form === 1) return `${sign}${int}.${frac}`;
  if (form === 2) return `${sign}${int}.${frac}e${r.int(-30, 30)}`;
  if (form === 3) return `${sign}0.${'0'.repeat(r.int(0, 20))}${frac}`;
  if (form === 4) return `${sign}${r.int(1, 9)}e${r.int(-25, 25)}`;
  return `${sign}0x${r.int(1, 0xfffff).toString(16)}p${r.int(-20, 20)}`;
}

function incrbyfloatScenario(seed: number): Scenario {
  const r = prng(seed);
  const commands: string[][] = [];
  for (let k = 0; k < 150; k++) {
    if (k % 10 === 0) commands.push(['SET', 'f', randomDecimal(r)]);
    commands.push(['INCRBYFLOAT', 'f', randomDecimal(r)]);
  }
  return { name: `random INCRBYFLOAT operands (seed ${seed})`, commands };
}

function incrbyScenario(seed: number): Scenario {
  const r = prng(seed);
  const commands: string[][] = [];
  for (let k = 0; k < 120; k++) {
    if (k % 8 === 0) commands.push(['SET', 'n', randomInt64(r)]);
    commands.push([r.pick(['INCRBY', 'DECRBY']), 'n', randomInt64(r)]);
  }
  return { name: `random INCRBY and DECRBY near the int64 limits (seed ${seed})`, commands };
}

function rangeWriteScenario(seed: number): Scenario {
  const r = prng(seed);
  const commands: (string | Buffer)[][] = [];
  for (let k = 0; k < 100; k++) {
    const choice = r.int(0, 2);
    if (choice === 0) commands.push(['SETRANGE', 'r', String(r.int(0, 40)), randomBytes(r, r.int(0, 6))]);
    else if (choice === 1) commands.push(['APPEND', 'r', randomBytes(r, r.int(0, 4))]);
    else commands.push(['GETRANGE', 'r', String(r.int(-50, 50)), String(r.int(-50, 50))]);
  }
  commands.push(['GET', 'r']);
  return { name: `random SETRANGE, APPEND and GETRANGE (seed ${seed})`, commands };
}

function lcsScenario(seed: number): Scenario {
  const r = prng(seed);
  const commands: (string | Buffer)[][] = [];
  for (let k = 0; k < 40; k++) {
    const alphabet = [0x41, 0x43, 0x47, 0x54].slice(0, r.int(1, 4));
    commands.push([
      'MSET',
      'a',
      randomBytes(r, r.int(0, 30), alphabet),
      'b',
      randomBytes(r, r.int(0, 30), alphabet),
    ]);
    commands.push(['LCS', 'a', 'b']);
    commands.push(['LCS', 'a', 'b', 'IDX', 'MINMATCHLEN', String(r.int(0, 4)), 'WITHMATCHLEN']);
    commands.push(['LCS', 'b', 'a', 'LEN']);
  }
  return { name: `random LCS strings over small alphabets (seed ${seed})`, commands };
}

function bitopScenario(seed: number): Scenario {
  const r = prng(seed);
  const commands: (string | Buffer)[][] = [];
  for (let k = 0; k < 30; k++) {
    commands.push([
      'MSET',
      'x',
      randomBytes(r, r.int(0, 40)),
      'y',
      randomBytes(r, r.int(0, 40)),
      'z',
      randomBytes(r, r.int(0, 9)),
    ]);
    const op = r.pick(['AND', 'OR', 'XOR', 'NOT']);
    commands.push(op === 'NOT' ? ['BITOP', op, 'd', 'x'] : ['BITOP', op, 'd', 'x', 'y', 'z']);
    commands.push(['GET', 'd']);
    commands.push(['BITCOUNT', 'd']);
  }
  return { name: `random BITOP inputs of different lengths (seed ${seed})`, commands };
}

stringsScenarios.push(
  ...[1, 2, 3].map(bitRangeScenario),
  ...[4, 5, 6].map(bitfieldScenario),
  ...[7, 8, 9].map(incrbyfloatScenario),
  incrbyScenario(10),
  rangeWriteScenario(11),
  ...[12, 13].map(lcsScenario),
  bitopScenario(14),
);
