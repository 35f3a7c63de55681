// Differential scenarios of the sorted set commands (redis src/t_zset.c): every command, its error texts and
// argument order, ties ordered by member bytes, -inf/+inf, -0, NaN results, ZADD option combinations,
// WEIGHTS/AGGREGATE, LIMIT with negative counts, out-of-range ranks, listpack and skiplist sized sets,
// RESP3 reply shapes and the non-blocking paths of the blocking pops, compared byte for byte with
// redis-server. ZRANDMEMBER appears only where its reply is not random.
import { bin, lines } from './command-lines.js';
import type { Scenario } from './scenario.js';

/** ZADD key 1 m1 2 m2 ... n mn: a set past zset-max-listpack-entries (128) when n is large. */
function zaddMany(key: string, n: number, score: (i: number) => number = (i) => i): string[] {
  const command = ['ZADD', key];
  for (let i = 1; i <= n; i++) command.push(String(score(i)), `m${i}`);
  return command;
}

export const zsetsScenarios: Scenario[] = [
  {
    name: 'ZADD adds members, updates scores and orders ties by member bytes',
    commands: lines(`
      ZADD z 1 a 2 b 3 c
      ZADD z 2 a 5 d
      ZRANGE z 0 -1 WITHSCORES
      ZADD z 1 x 1 y 1 b 1 B 1 _
      ZRANGE z 0 -1 WITHSCORES
      ZCARD z
      ZADD z 1 a 1 a 2 a
      ZSCORE z a
      zadd z 7 lower
      ZSCORE z lower
      ZADD z 1.5 half -2.25 neg 1e3 exp 0x10 hex
      ZRANGE z 0 -1 WITHSCORES
    `),
  },
  {
    name: 'ZADD reports parse errors before changing anything',
    commands: lines(`
      ZADD z 1
      ZADD z 1 a 2
      ZADD z x a
      ZADD z 1 a x b
      ZADD z nan a
      ZADD z 1 a inf b NaN c
      ZADD z 1e400 a
      ZADD z "1" a
      ZCARD z
      ZADD z NX XX 1 a
      ZADD z GT LT 1 a
      ZADD z NX GT 1 a
      ZADD z NX LT 1 a
      ZADD z INCR 1 a 2 b
      ZADD z XX NX INCR 1 a 2 b
      ZADD z CH
      ZADD z nx
      EXISTS z
      SET s v
      ZADD s 1 a
      ZADD s XX 1 a
      ZADD s x a
      ZADD s NX XX 1 a
    `),
  },
  {
    name: 'ZADD NX, XX and CH decide what changes and what is counted',
    commands: lines(`
      ZADD z 1 a 2 b
      ZADD z NX 10 a 3 c
      ZADD z XX 10 a 4 d
      ZRANGE z 0 -1 WITHSCORES
      ZADD z CH 10 a 11 b 12 e
      ZADD z CH 10 a 11 b
      ZADD z XX CH 20 a 20 zz
      ZADD z NX CH 20 a 21 f
      ZADD missing XX 1 a
      EXISTS missing
      ZADD z ch xx nx 1 a
      ZRANGE z 0 -1 WITHSCORES
    `),
  },
  {
    name: 'ZADD GT and LT update only in their direction but always add new members',
    commands: lines(`
      ZADD z 5 a 5 b
      ZADD z GT 3 a 7 b 1 c
      ZRANGE z 0 -1 WITHSCORES
      ZADD z LT 3 a 9 b 0 d
      ZRANGE z 0 -1 WITHSCORES
      ZADD z GT CH 4 a 8 b
      ZADD z LT CH 4 a 8 b
      ZADD z GT XX CH 100 a 100 new
      ZADD z LT XX CH -100 b
      ZRANGE z 0 -1 WITHSCORES
      ZADD z GT 5 b
      ZADD z LT 5 b
    `),
  },
  {
    name: 'ZADD INCR replies with the new score, or nil when an option prevents the change',
    commands: lines(`
      ZADD z INCR 5 a
      ZADD z INCR 2.5 a
      ZADD z INCR -10 a
      ZADD z NX INCR 1 a
      ZADD z XX INCR 1 missing
      ZADD z XX INCR 0 a
      ZADD z GT INCR -1 a
      ZADD z GT INCR 1 a
      ZADD z LT INCR 1 a
      ZADD z LT INCR -1 a
      ZADD z CH INCR 1 a
      ZADD other XX INCR 1 a
      EXISTS other
      ZSCORE z a
    `),
  },
  {
    name: 'ZINCRBY creates members, rejects NaN results and parses like ZADD',
    commands: lines(`
      ZINCRBY z 1 a
      ZINCRBY z 0.1 a
      ZINCRBY z 0.2 a
      ZINCRBY z -1.3 a
      ZINCRBY z inf b
      ZINCRBY z -inf b
      ZSCORE z b
      ZINCRBY z +inf b
      ZINCRBY z 1 b
      ZINCRBY z x a
      ZINCRBY z nan a
      ZINCRBY z nx 1
      ZINCRBY z incr incr
      ZINCRBY z 1
      ZINCRBY z 1e308 a
      ZINCRBY z 1e308 a
      ZINCRBY z 1e308 a
      SET s v
      ZINCRBY s 1 a
      ZRANGE z 0 -1 WITHSCORES
    `),
  },
  {
    name: 'infinite, huge, tiny and negative zero scores keep their order and text',
    commands: lines(`
      ZADD z -inf lo +inf hi 0 zero -0 negzero 1e-300 tiny -1e300 neghuge 1.7976931348623157e308 max
      ZRANGE z 0 -1 WITHSCORES
      ZSCORE z negzero
      ZSCORE z hi
      ZSCORE z lo
      ZADD z 0.1 tenth 123456789.123456789 mid 3.0000000000000004 three
      ZMSCORE z tenth mid three missing
      ZINCRBY fresh -0 m
      ZSCORE fresh m
      ZADD fresh INCR -0 m
      ZRANGEBYSCORE z -inf +inf
      ZRANGEBYSCORE z (-inf (+inf
      ZCOUNT z 0 0
      ZCOUNT z -0 -0
      ZCOUNT z (0 +inf
    `),
  },
  {
    name: 'a large set keeps the sign of -0 and answers the same as a small one',
    commands: [
      zaddMany('big', 150),
      ...lines(`
        ZADD big -0 negzero 0 zero
        ZSCORE big negzero
        ZRANGEBYSCORE big -1 0 WITHSCORES
        ZINCRBY big -0 other
        ZSCORE big other
        ZCARD big
        ZRANK big m150
        ZREVRANK big m150
        ZRANGE big 100 104 WITHSCORES
        ZRANGE big -3 -1
        ZRANGEBYSCORE big (140 +inf LIMIT 2 3
        ZREVRANGEBYSCORE big +inf (140 LIMIT 2 3 WITHSCORES
        ZCOUNT big 10 20
        ZREMRANGEBYRANK big 0 9
        ZREMRANGEBYSCORE big (100 120
        ZCARD big
        ZPOPMIN big 3
        ZPOPMAX big 2
        ZRANGE big 0 4
      `),
    ],
  },
  {
    name: 'encodings follow zset-max-listpack-entries/-value, and a listpack drops the sign of -0',
    commands: [
      ...lines(`
        CONFIG SET zset-max-listpack-entries 2
        ZADD src 1 a 2 b 3 c
        OBJECT ENCODING src
        ZADD src -0 d
        ZSCORE src d
        ZRANGESTORE r1 src 0 2
        ZSCORE r1 d
        OBJECT ENCODING r1
        ZRANGESTORE r2 src -inf +inf BYSCORE
        ZSCORE r2 d
        OBJECT ENCODING r2
        ZRANGESTORE r3 src 0 1
        OBJECT ENCODING r3
        ZRANGESTORE r4 src 2 -inf BYSCORE REV
        ZSCORE r4 d
        ZADD n1 -0 d 1 a 2 b
        ZSCORE n1 d
        OBJECT ENCODING n1
        ZUNIONSTORE u 1 src
        OBJECT ENCODING u
        ZSCORE u d
        ZINTERSTORE i 2 src n1
        OBJECT ENCODING i
        ZREMRANGEBYRANK src 0 -2
        OBJECT ENCODING src
        CONFIG SET zset-max-listpack-entries 0
        ZADD n4 -0 d
        ZSCORE n4 d
        OBJECT ENCODING n4
        ZINCRBY n5 -0 d
        ZSCORE n5 d
        CONFIG SET zset-max-listpack-entries 128
        CONFIG SET zset-max-listpack-value 3
        ZADD n2 -0 d 1 abcd
        ZSCORE n2 d
        OBJECT ENCODING n2
        ZADD n3 1 abc
        OBJECT ENCODING n3
        ZADD n3 -0 abcd
        ZSCORE n3 abcd
        OBJECT ENCODING n3
        CONFIG SET zset-max-listpack-value 64
        ZADD big -0 d
      `),
      zaddMany('big', 130),
      ...lines(`
        ZSCORE big d
        OBJECT ENCODING big
        ZADD big -0 e
        ZSCORE big e
        ZRANGESTORE r5 big 0 200
        OBJECT ENCODING r5
        ZSCORE r5 e
      `),
    ],
  },
  {
    name: 'ZREM removes members, counts them and deletes the emptied key',
    commands: lines(`
      ZADD z 1 a 2 b 3 c
      ZREM z a x
      ZREM z a
      ZREM z b c b
      EXISTS z
      ZREM z a
      ZREM missing a
      ZREM z
      SET s v
      ZREM s a
    `),
  },
  {
    name: 'ZCARD, ZSCORE and ZMSCORE read members and treat a missing key as empty',
    commands: lines(`
      ZADD z 1 a 2.5 b
      ZCARD z
      ZCARD missing
      ZSCORE z b
      ZSCORE z nope
      ZSCORE missing a
      ZMSCORE z a nope b
      ZMSCORE missing a b
      ZMSCORE z
      SET s v
      ZCARD s
      ZSCORE s a
      ZMSCORE s a
    `),
  },
  {
    name: 'ZRANK and ZREVRANK count from either end',
    commands: lines(`
      ZADD z 1 a 2 b 2 c 3 d
      ZRANK z a
      ZRANK z c
      ZREVRANK z a
      ZREVRANK z c
      ZRANK z nope
      ZREVRANK missing a
      ZRANK z
      ZRANK z a withscore
      SET s v
      ZRANK s a
      ZREVRANK s a
    `),
  },
  {
    name: 'ZRANGE by rank clamps ranges, counts negative ranks from the end and reverses',
    commands: lines(`
      ZADD z 1 a 2 b 3 c 4 d 5 e
      ZRANGE z 0 -1
      ZRANGE z 1 3 WITHSCORES
      ZRANGE z -2 -1
      ZRANGE z -100 100
      ZRANGE z 3 1
      ZRANGE z 5 10
      ZRANGE z -1 -2
      ZRANGE z 0 -6
      ZRANGE z -9223372036854775808 9223372036854775807
      ZRANGE z 0 1 REV
      ZRANGE z 0 1 rev withscores
      ZRANGE z -2 -1 REV WITHSCORES
      ZRANGE z 0 -1 LIMIT 0 -1
      ZRANGE z 0 -1 LIMIT 0 1
      ZRANGE z 0 -1 LIMIT 0
      ZRANGE z a 1
      ZRANGE z 0 1.5
      ZRANGE z 0 1 foo
      ZRANGE z 0 1 BYSCORE BYLEX
      ZRANGE z 0 1 REV REV
      ZRANGE missing 0 -1
      ZRANGE missing a b
      SET s v
      ZRANGE s 0 -1
    `),
  },
  {
    name: 'ZREVRANGE and ZRANGE REV read from the highest score',
    commands: lines(`
      ZADD z 1 a 2 b 3 c 4 d
      ZREVRANGE z 0 -1
      ZREVRANGE z 0 1 WITHSCORES
      ZREVRANGE z -1 -1 WITHSCORES
      ZREVRANGE z 2 100
      ZREVRANGE z 0 -1 LIMIT 0 1
      ZREVRANGE z 0 -1 REV
      ZREVRANGE z 0 -1 BYSCORE
      ZREVRANGE missing 0 1
    `),
  },
  {
    name: 'ZRANGEBYSCORE handles exclusive ends, infinities and LIMIT with negative counts',
    commands: lines(`
      ZADD z 1 a 2 b 3 c 4 d 5 e
      ZRANGEBYSCORE z 2 4
      ZRANGEBYSCORE z (2 4
      ZRANGEBYSCORE z 2 (4
      ZRANGEBYSCORE z (2 (4 WITHSCORES
      ZRANGEBYSCORE z -inf +inf
      ZRANGEBYSCORE z -inf (1
      ZRANGEBYSCORE z 3 2
      ZRANGEBYSCORE z (3 3
      ZRANGEBYSCORE z 3 3
      ZRANGEBYSCORE z 1 5 LIMIT 1 2
      ZRANGEBYSCORE z 1 5 LIMIT 1 -1
      ZRANGEBYSCORE z 1 5 LIMIT 1 -5 WITHSCORES
      ZRANGEBYSCORE z 1 5 LIMIT -1 2
      ZRANGEBYSCORE z 1 5 LIMIT 0 0
      ZRANGEBYSCORE z 1 5 LIMIT 5 1
      ZRANGEBYSCORE z 1 5 LIMIT 4 9223372036854775807
      ZRANGEBYSCORE z 1 5 LIMIT 1
      ZRANGEBYSCORE z 1 5 LIMIT a 1
      ZRANGEBYSCORE z 1 5 LIMIT 1 b
      ZRANGEBYSCORE z 1 5 REV
      ZRANGEBYSCORE z x 5
      ZRANGEBYSCORE z 1 (x
      ZRANGEBYSCORE z ((1 5
      ZRANGEBYSCORE z nan 5
      ZRANGEBYSCORE z 1e400 -1e400
      ZRANGEBYSCORE z -1e400 1e400
      ZRANGEBYSCORE z 0x1 0x3
      ZRANGEBYSCORE z ( 3
      ZRANGEBYSCORE missing 1 2
      ZRANGEBYSCORE missing x 2
    `),
  },
  {
    name: 'score range items are read by strtod: empty strings, spaces and NUL bytes',
    commands: [
      ['ZADD', 'z', '-1', 'n', '0', 'a', '1', 'b', '2', 'c'],
      ['ZRANGEBYSCORE', 'z', '', ''],
      ['ZRANGEBYSCORE', 'z', ' 1', '2'],
      ['ZRANGEBYSCORE', 'z', '1 ', '2'],
      ['ZRANGEBYSCORE', 'z', '(', '1'],
      ['ZRANGEBYSCORE', 'z', '  ', '1'],
      ['ZRANGEBYSCORE', 'z', bin(0x31, 0x00, 0x78), '5'],
      ['ZCOUNT', 'z', '', '+inf'],
      ['ZCOUNT', 'z', '\t-1', '0'],
    ],
  },
  {
    name: 'ZREVRANGEBYSCORE takes max first and walks down',
    commands: lines(`
      ZADD z 1 a 2 b 2 bb 3 c 4 d
      ZREVRANGEBYSCORE z 4 2
      ZREVRANGEBYSCORE z (4 (2 WITHSCORES
      ZREVRANGEBYSCORE z +inf -inf
      ZREVRANGEBYSCORE z 2 4
      ZREVRANGEBYSCORE z +inf -inf LIMIT 1 2
      ZREVRANGEBYSCORE z +inf -inf LIMIT 2 -1 WITHSCORES
      ZREVRANGEBYSCORE z +inf -inf LIMIT -2 1
      ZREVRANGEBYSCORE z 2 2
      ZREVRANGEBYSCORE z x 1
    `),
  },
  {
    name: 'ZRANGE BYSCORE and ZRANGE BYSCORE REV match the older commands',
    commands: lines(`
      ZADD z 1 a 2 b 3 c 4 d 5 e
      ZRANGE z 2 4 BYSCORE
      ZRANGE z (2 +inf BYSCORE LIMIT 1 2 WITHSCORES
      ZRANGE z 4 2 BYSCORE REV
      ZRANGE z 2 4 BYSCORE REV
      ZRANGE z +inf -inf byscore rev limit 0 2
      ZRANGE z 1 5 BYSCORE LIMIT 0 -1
      ZRANGE z 1 5 BYSCORE LIMIT -1 -1
      ZRANGE z x 5 BYSCORE
      ZRANGE z 1 5 BYSCORE BYSCORE
      ZRANGE z 1 5 LIMIT 0 2 BYSCORE
      ZRANGE z 1 5 WITHSCORES BYSCORE REV LIMIT 1 1
    `),
  },
  {
    name: 'lex ranges: inclusive and exclusive items, - and +, byte order and errors',
    commands: lines(`
      ZADD l 0 a 0 b 0 c 0 d 0 e 0 aa 0 B
      ZRANGEBYLEX l - +
      ZRANGEBYLEX l [b [d
      ZRANGEBYLEX l (b (d
      ZRANGEBYLEX l [a (b
      ZRANGEBYLEX l - [b
      ZRANGEBYLEX l (c +
      ZRANGEBYLEX l + -
      ZRANGEBYLEX l - -
      ZRANGEBYLEX l + +
      ZRANGEBYLEX l [d [b
      ZRANGEBYLEX l [b [b
      ZRANGEBYLEX l (b [b
      ZRANGEBYLEX l - + LIMIT 1 3
      ZRANGEBYLEX l - + LIMIT 2 -1
      ZRANGEBYLEX l - + LIMIT -1 2
      ZRANGEBYLEX l - + LIMIT 0 0
      ZRANGEBYLEX l b d
      ZRANGEBYLEX l [b d
      ZRANGEBYLEX l +b +
      ZRANGEBYLEX l -a +
      ZRANGEBYLEX l - + WITHSCORES
      ZRANGEBYLEX missing - +
      ZRANGEBYLEX missing x +
      ZREVRANGEBYLEX l + -
      ZREVRANGEBYLEX l [d [b
      ZREVRANGEBYLEX l (d - LIMIT 1 2
      ZREVRANGEBYLEX l - +
      ZRANGE l [b [d BYLEX
      ZRANGE l [d [b BYLEX REV
      ZRANGE l - + BYLEX LIMIT 2 2
      ZRANGE l - + BYLEX WITHSCORES
      ZRANGE l 0 -1 BYLEX
      ZLEXCOUNT l - +
      ZLEXCOUNT l [b (d
      ZLEXCOUNT l (d [b
      ZLEXCOUNT l b d
      ZLEXCOUNT missing - +
    `),
  },
  {
    name: 'lex ranges compare binary members byte by byte',
    commands: [
      [
        'ZADD',
        'l',
        '0',
        bin(0x00),
        '0',
        bin(0xff),
        '0',
        bin(0x61, 0x00),
        '0',
        'a',
        '0',
        bin(0x7f),
        '0',
        bin(0x80),
      ],
      ['ZRANGEBYLEX', 'l', '-', '+'],
      ['ZRANGEBYLEX', 'l', Buffer.concat([Buffer.from('['), bin(0x7f)]), '+'],
      ['ZRANGEBYLEX', 'l', '(a', Buffer.concat([Buffer.from('['), bin(0x80)])],
      ['ZRANGEBYLEX', 'l', bin(0x2b, 0x00, 0x78), '-'],
      ['ZLEXCOUNT', 'l', '[a', '+'],
      ['ZRANK', 'l', bin(0xff)],
      ['ZRANGE', 'l', '0', '-1', 'WITHSCORES'],
    ],
  },
  {
    name: 'ZCOUNT counts scores in the range without reading past it',
    commands: lines(`
      ZADD z 1 a 2 b 2 c 3 d
      ZCOUNT z 2 2
      ZCOUNT z (2 3
      ZCOUNT z -inf +inf
      ZCOUNT z 3 1
      ZCOUNT z (2 (2
      ZCOUNT z a 1
      ZCOUNT missing 0 1
      ZCOUNT missing x 1
      SET s v
      ZCOUNT s 0 1
      ZCOUNT s x 1
      ZLEXCOUNT s - +
    `),
  },
  {
    name: 'ZRANGESTORE stores a selection, replaces any type and deletes the destination when empty',
    commands: lines(`
      ZADD src 1 a 2 b 3 c 4 d
      ZRANGESTORE dst src 1 2
      ZRANGE dst 0 -1 WITHSCORES
      ZRANGESTORE dst src (1 +inf BYSCORE LIMIT 1 5
      ZRANGE dst 0 -1 WITHSCORES
      ZRANGESTORE dst src +inf -inf BYSCORE REV LIMIT 0 2
      ZRANGE dst 0 -1 WITHSCORES
      SET str v
      ZRANGESTORE str src 0 0
      TYPE str
      ZRANGESTORE dst src 10 20
      EXISTS dst
      ZRANGESTORE str missing 0 -1
      EXISTS str
      ZRANGESTORE dst src 0 -1 WITHSCORES
      ZRANGESTORE dst src 0 -1 LIMIT 0 1
      ZRANGESTORE dst src [a [b BYLEX
      ZRANGESTORE dst src x 1
      ZRANGESTORE src src 0 1
      ZRANGE src 0 -1
      SET s v
      ZRANGESTORE dst s 0 -1
    `),
  },
  {
    name: 'ZREMRANGEBYRANK, ZREMRANGEBYSCORE and ZREMRANGEBYLEX remove ranges',
    commands: lines(`
      ZADD z 1 a 2 b 3 c 4 d 5 e 6 f
      ZREMRANGEBYRANK z 0 0
      ZREMRANGEBYRANK z -1 -1
      ZREMRANGEBYRANK z 10 20
      ZREMRANGEBYRANK z 2 1
      ZRANGE z 0 -1
      ZREMRANGEBYSCORE z (2 4
      ZREMRANGEBYSCORE z 10 20
      ZRANGE z 0 -1
      ZREMRANGEBYRANK z 0 -1
      EXISTS z
      ZREMRANGEBYRANK z 0 -1
      ZADD l 0 a 0 b 0 c 0 d
      ZREMRANGEBYLEX l [b (d
      ZREMRANGEBYLEX l - (a
      ZRANGE l 0 -1
      ZREMRANGEBYLEX l - +
      EXISTS l
      ZREMRANGEBYRANK l a 1
      ZREMRANGEBYSCORE l a 1
      ZREMRANGEBYLEX l a 1
      SET s v
      ZREMRANGEBYRANK s 0 1
      ZREMRANGEBYSCORE s 0 1
      ZREMRANGEBYSCORE s x 1
      ZREMRANGEBYLEX s - +
    `),
  },
  {
    name: 'ZPOPMIN and ZPOPMAX pop one or a count and delete the emptied key',
    commands: lines(`
      ZADD z 1 a 2 b 3 c 4 d
      ZPOPMIN z
      ZPOPMAX z
      ZPOPMIN z 0
      ZPOPMIN z 10
      EXISTS z
      ZPOPMIN z
      ZPOPMAX missing 2
      ZADD z 1 a 1 b 1 c
      ZPOPMAX z 2
      ZPOPMIN z -1
      ZPOPMIN z x
      ZPOPMIN z 1 2
      ZPOPMIN missing -1
      SET s v
      ZPOPMIN s
      ZPOPMAX s 1
    `),
  },
  {
    name: 'ZMPOP pops from the first non-empty key and checks its arguments in order',
    commands: lines(`
      ZADD b 1 x 2 y 3 z
      ZMPOP 2 a b MIN
      ZMPOP 2 a b MAX COUNT 5
      EXISTS b
      ZMPOP 2 a b MIN
      ZADD a 5 p 6 q
      ZMPOP 1 a max count 1
      ZMPOP 0 a MIN
      ZMPOP x a MIN
      ZMPOP -1 a MIN
      ZMPOP 1 a
      ZMPOP 1 a foo
      ZMPOP 2 a MIN
      ZMPOP 1 a MIN COUNT 0
      ZMPOP 1 a MIN COUNT x
      ZMPOP 1 a MIN COUNT 1 COUNT 1
      ZMPOP 1 a MIN COUNT
      SET s v
      ZMPOP 2 missing s MIN
      ZMPOP 2 a s MIN
    `),
  },
  {
    name: 'BZPOPMIN, BZPOPMAX and BZMPOP serve a non-empty key at once and check their arguments',
    commands: lines(`
      ZADD z 1 a 2 b 3 c
      BZPOPMIN missing z 0
      BZPOPMAX z 0
      BZMPOP 0 2 missing z MIN COUNT 2
      EXISTS z
      BZPOPMIN z -1
      BZPOPMIN z x
      BZPOPMIN z inf
      BZMPOP x 1 z MIN
      BZMPOP -1 1 z MIN
      BZMPOP 0 0 z MIN
      BZMPOP x 0 z MIN
      BZMPOP 0 1 z SIDEWAYS
      SET s v
      BZPOPMIN s 0
      BZMPOP 0 1 s MAX
    `),
  },
  {
    name: 'blocking pops inside MULTI answer a null array instead of blocking',
    commands: lines(`
      MULTI
      BZPOPMIN missing 0
      BZPOPMAX missing 1
      BZMPOP 0 1 missing MIN
      ZADD z 1 a
      BZPOPMIN z 0
      EXEC
    `),
  },
  {
    name: 'blocking pops with a short timeout answer a null array',
    commands: lines(`
      BZPOPMIN missing 0.01
      BZMPOP 0.01 1 missing MAX
    `),
  },
  {
    name: 'ZUNION and ZUNIONSTORE sum scores with weights and aggregate MIN and MAX',
    commands: lines(`
      ZADD a 1 x 2 y 3 z
      ZADD b 10 y 20 z 30 w
      ZUNION 2 a b
      ZUNION 2 a b WITHSCORES
      ZUNION 2 a b WEIGHTS 2 0.5 WITHSCORES
      ZUNION 2 a b AGGREGATE MIN WITHSCORES
      ZUNION 2 a b AGGREGATE max WITHSCORES
      ZUNION 2 a b WEIGHTS -1 1 AGGREGATE MAX WITHSCORES
      ZUNION 3 a b missing WITHSCORES
      ZUNION 1 missing
      ZUNIONSTORE dst 2 a b
      ZRANGE dst 0 -1 WITHSCORES
      ZUNIONSTORE dst 2 a b WEIGHTS 1 0 AGGREGATE SUM
      ZRANGE dst 0 -1 WITHSCORES
      ZUNIONSTORE dst 1 missing
      EXISTS dst
      ZUNIONSTORE a 2 a b
      ZRANGE a 0 -1 WITHSCORES
    `),
  },
  {
    name: 'set operations turn NaN products and sums into 0 and keep infinities',
    commands: lines(`
      ZADD a inf x -inf y 1 z
      ZADD b -inf x inf y 2 z
      ZUNION 2 a b WITHSCORES
      ZUNION 2 a b WEIGHTS 0 1 WITHSCORES
      ZINTER 2 a b WITHSCORES
      ZINTER 2 a b WEIGHTS 1 0 WITHSCORES
      ZINTER 2 a b WEIGHTS 1 0 AGGREGATE MIN WITHSCORES
      ZINTER 2 a b AGGREGATE MAX WITHSCORES
      ZUNIONSTORE dst 2 a b WEIGHTS 0 0
      ZRANGE dst 0 -1 WITHSCORES
    `),
  },
  {
    name: 'ZINTER, ZINTERSTORE and ZINTERCARD keep members present in every input',
    commands: lines(`
      ZADD a 1 x 2 y 3 z
      ZADD b 10 y 20 z 30 w
      ZADD c 100 z 200 y
      ZINTER 2 a b WITHSCORES
      ZINTER 3 a b c WITHSCORES
      ZINTER 3 a b c AGGREGATE MIN WITHSCORES
      ZINTER 2 a b WEIGHTS 3 1 AGGREGATE MAX
      ZINTER 2 a missing
      ZINTERSTORE dst 2 a b
      ZRANGE dst 0 -1 WITHSCORES
      ZINTERSTORE dst 2 a missing
      EXISTS dst
      ZINTERCARD 2 a b
      ZINTERCARD 3 a b c LIMIT 1
      ZINTERCARD 3 a b c LIMIT 0
      ZINTERCARD 2 a missing
      ZINTERCARD 1 a LIMIT 2
      ZINTERCARD 0 a
      ZINTERCARD 1 a LIMIT -1
      ZINTERCARD 1 a LIMIT x
      ZINTERCARD 1 a WITHSCORES
      ZINTERCARD 1 a WEIGHTS 1
      ZINTERCARD 2 a
    `),
  },
  {
    name: 'ZDIFF and ZDIFFSTORE keep the first input minus the others, with its own scores',
    commands: lines(`
      ZADD a 1 x 2 y 3 z 4 w
      ZADD b 10 y
      ZADD c 10 w 5 q
      ZDIFF 3 a b c
      ZDIFF 3 a b c WITHSCORES
      ZDIFF 1 a WITHSCORES
      ZDIFF 2 a a
      ZDIFF 2 missing a
      ZDIFF 2 a missing WITHSCORES
      ZDIFFSTORE dst 2 a b
      ZRANGE dst 0 -1 WITHSCORES
      ZDIFFSTORE dst 2 a a
      EXISTS dst
      ZDIFF 2 a b WEIGHTS 1 1
      ZDIFF 2 a b AGGREGATE SUM
      ZDIFFSTORE dst 1 a WITHSCORES
    `),
  },
  {
    name: 'set operations check numkeys, WRONGTYPE and options in Redis order',
    commands: lines(`
      ZADD a 1 x
      SET s v
      ZUNION 0 a
      ZUNION -1 a
      ZUNION x a
      ZUNION 2 a
      ZUNIONSTORE dst 0 a
      ZUNIONSTORE dst 3 a
      ZUNIONSTORE dst x a
      ZINTERSTORE dst 0 a
      ZDIFFSTORE dst 0 a
      ZDIFF 0 a
      ZINTER 0 a
      ZUNION 2 a s
      ZUNION 2 s a WEIGHTS x
      ZUNION 1 a WEIGHTS x
      ZUNION 1 a WEIGHTS 1 2
      ZUNION 1 a WEIGHTS
      ZUNION 1 a AGGREGATE foo
      ZUNION 1 a AGGREGATE
      ZUNION 1 a LIMIT 1
      ZUNION 1 a WITHSCORES WITHSCORES
      ZUNIONSTORE dst 1 a WITHSCORES
      ZINTERSTORE dst 2 a s
      ZINTERCARD 2 a s
      ZDIFF 2 s a
      ZDIFFSTORE dst 2 a s
    `),
  },
  {
    name: 'plain sets take part in set operations with a score of 1',
    commands: lines(`
      SADD s x y z
      ZADD a 5 x 7 w
      ZUNION 2 s a WITHSCORES
      ZINTER 2 s a WITHSCORES
      ZINTER 2 s a WEIGHTS 3 1 WITHSCORES
      ZDIFF 2 s a WITHSCORES
      ZDIFF 2 a s WITHSCORES
      ZINTERCARD 2 s a
      ZUNIONSTORE dst 1 s
      TYPE dst
      ZRANGE dst 0 -1 WITHSCORES
    `),
  },
  {
    name: 'a stored union past the listpack limits still answers like redis-server',
    commands: [
      zaddMany('a', 130),
      zaddMany('b', 130, (i) => i * 2),
      ...lines(`
        ZUNIONSTORE dst 2 a b
        ZCARD dst
        ZRANGE dst 0 4 WITHSCORES
        ZRANGE dst -3 -1 WITHSCORES
        ZINTERSTORE dst 2 a b WEIGHTS 1 -1
        ZRANGE dst 0 2 WITHSCORES
        ZDIFFSTORE dst 2 a b
        ZCARD dst
      `),
    ],
  },
  {
    name: 'ZRANDMEMBER checks its arguments and answers empty or nil where nothing is random',
    commands: lines(`
      ZADD one 7 only
      ZRANDMEMBER one
      ZRANDMEMBER one 1 WITHSCORES
      ZRANDMEMBER one -3 WITHSCORES
      ZRANDMEMBER one 0
      ZRANDMEMBER missing
      ZRANDMEMBER missing 5
      ZRANDMEMBER missing -5 WITHSCORES
      ZRANDMEMBER one x
      ZRANDMEMBER one 1 x
      ZRANDMEMBER one 1 WITHSCORES x
      ZRANDMEMBER missing 0 x
      ZRANDMEMBER one -9223372036854775808
      ZRANDMEMBER one 9223372036854775808
      SET s v
      ZRANDMEMBER s
      ZRANDMEMBER s 1
    `),
  },
  {
    name: 'ZSCAN returns a small set whole with cursor 0 and filters with MATCH',
    commands: lines(`
      ZADD z 1 apple 2 banana 3 avocado 0.5 cherry
      ZSCAN z 0
      ZSCAN z 0 MATCH a*
      ZSCAN z 0 match *an* COUNT 1
      ZSCAN z 0 COUNT 1
      ZSCAN z 123
      ZSCAN z -1
      ZSCAN z x
      ZSCAN z 18446744073709551615
      ZSCAN z 18446744073709551616
      ZSCAN z 0 COUNT 0
      ZSCAN z 0 COUNT -1
      ZSCAN z 0 COUNT x
      ZSCAN z 0 MATCH
      ZSCAN z 0 TYPE zset
      ZSCAN z 0 foo bar
      ZSCAN missing 0
      ZSCAN missing 0 COUNT 0
      ZSCAN missing x
      SET s v
      ZSCAN s 0
    `),
  },
  {
    name: 'ZSCAN prints scores with 17 significant digits',
    commands: lines(`
      ZADD z 0.1 tenth 1e20 huge 1e-20 tiny -inf lo 123456789.123456789 mid 3 three
      ZSCAN z 0
    `),
  },
  {
    name: 'RESP3 nests member-score pairs and replies scores as doubles',
    resp3: true,
    commands: lines(`
      ZADD z 1 a 2.5 b -inf c
      ZRANGE z 0 -1 WITHSCORES
      ZRANGE z 0 -1
      ZREVRANGEBYSCORE z +inf -inf WITHSCORES LIMIT 0 2
      ZSCORE z b
      ZSCORE z nope
      ZMSCORE z a nope
      ZRANK z nope
      ZADD z INCR 1 a
      ZADD z XX INCR 1 nope
      ZINCRBY z 0.5 b
      ZUNION 1 z WITHSCORES
      ZINTER 1 z WITHSCORES
      ZDIFF 1 z WITHSCORES
      ZRANDMEMBER missing
      ZRANDMEMBER missing 2 WITHSCORES
      ZSCAN z 0
      ZPOPMIN z
      ZPOPMIN z 1
      ZPOPMAX z 5
      ZADD z 1 a 2 b
      ZMPOP 1 z MIN COUNT 1
      BZPOPMAX z 0
      ZMPOP 1 z MIN
      MULTI
      BZPOPMIN missing 0
      BZMPOP 0 1 missing MIN COUNT 1
      EXEC
    `),
  },
  {
    name: 'members and keys are binary safe',
    commands: [
      ['ZADD', bin(0x00, 0xff), '1', bin(0x00), '2', bin(0xff, 0x0d, 0x0a), '3', Buffer.from('')],
      ['ZRANGE', bin(0x00, 0xff), '0', '-1', 'WITHSCORES'],
      ['ZSCORE', bin(0x00, 0xff), bin(0xff, 0x0d, 0x0a)],
      ['ZSCORE', bin(0x00, 0xff), ''],
      ['ZRANK', bin(0x00, 0xff), bin(0x00)],
      ['ZREM', bin(0x00, 0xff), bin(0x00)],
      ['ZSCAN', bin(0x00, 0xff), '0'],
      ['ZPOPMAX', bin(0x00, 0xff), '5'],
    ],
  },
  {
    name: 'wrong argument counts are refused before anything runs',
    commands: lines(`
      ZADD z
      ZCARD
      ZCARD z extra
      ZSCORE z
      ZINCRBY z 1
      ZRANGE z 0
      ZRANGESTORE dst z 0
      ZRANGEBYLEX z -
      ZCOUNT z 0
      ZPOPMIN
      ZMPOP 1 z
      BZPOPMIN z
      BZMPOP 0 1 z
      ZUNION 1
      ZUNIONSTORE dst 1
      ZINTERCARD 1
      ZDIFF 1
      ZSCAN z
      ZRANDMEMBER
      ZREMRANGEBYRANK z 0
    `),
  },
];
