// Differential scenarios of the list commands (redis src/t_list.c): every command, its error texts and
// argument order, edge cases of indexes and counts, binary elements, and the non-blocking paths of the
// blocking commands (a key with data, MULTI, short timeouts), compared byte for byte with redis-server.
import { bin, lines } from './command-lines.js';
import type { Scenario } from './scenario.js';

const many = (n: number, prefix: string): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

export const listsScenarios: Scenario[] = [
  // -------------------- pushing and reading
  {
    name: 'RPUSH and LPUSH build a list in order and report its length',
    commands: lines(`
      RPUSH l a b c
      LPUSH l x y
      LRANGE l 0 -1
      LLEN l
      RPUSH l a
      LLEN l
      LLEN missing
      lpush l lower
      LRANGE l 0 0
    `),
  },
  {
    name: 'LRANGE clamps, counts negative indexes from the tail and rejects non-integers',
    commands: lines(`
      RPUSH l a b c d e
      LRANGE l 1 3
      LRANGE l -2 -1
      LRANGE l -100 100
      LRANGE l 3 1
      LRANGE l 5 10
      LRANGE l -1 -2
      LRANGE l 0 -6
      LRANGE l -9223372036854775808 9223372036854775807
      LRANGE l 0 9223372036854775808
      LRANGE l a 1
      LRANGE l 1 1.5
      LRANGE missing 0 -1
      LRANGE missing x 1
      SET s v
      LRANGE s 0 -1
      LRANGE s x 1
    `),
  },
  {
    name: 'LPUSHX and RPUSHX push only onto existing lists',
    commands: lines(`
      LPUSHX l a
      RPUSHX l a b
      LLEN l
      RPUSH l m
      LPUSHX l a b
      RPUSHX l y z
      LRANGE l 0 -1
      SET s v
      LPUSHX s a
      RPUSHX s a
      LPUSHX l
    `),
  },
  // -------------------- popping
  {
    name: 'LPOP and RPOP without count return one element and delete the emptied key',
    commands: lines(`
      RPUSH l a b c
      LPOP l
      RPOP l
      LPOP l
      LPOP l
      RPOP l
      GET l
      LLEN l
    `),
  },
  {
    name: 'LPOP and RPOP with a count return arrays, and null arrays for missing keys',
    commands: lines(`
      RPUSH l a b c d e
      LPOP l 2
      RPOP l 2
      LPOP l 0
      RPOP l 0
      LPOP l 10
      LPOP l 1
      RPOP l 1
      LPOP missing 0
      RPOP missing 5
      LPOP missing
    `),
  },
  {
    name: 'LPOP and RPOP reject bad counts, extra arguments and other types',
    commands: lines(`
      RPUSH l a
      LPOP l -1
      RPOP l -5
      LPOP l abc
      LPOP l 1.0
      LPOP l 9223372036854775808
      LPOP missing -1
      LPOP l 1 2
      RPOP l 1 2
      LPOP
      SET s v
      LPOP s
      RPOP s 2
      LPOP s -1
      LLEN l
    `),
  },
  // -------------------- reading and editing by index or value
  {
    name: 'LINDEX reads by index from both ends and answers nil out of range',
    commands: lines(`
      RPUSH l a b c
      LINDEX l 0
      LINDEX l 2
      LINDEX l 3
      LINDEX l -1
      LINDEX l -3
      LINDEX l -4
      LINDEX l 9223372036854775807
      LINDEX l -9223372036854775808
      LINDEX l x
      LINDEX missing x
      LINDEX missing 0
      SET s v
      LINDEX s 0
      LINDEX s x
      LINDEX l
    `),
  },
  {
    name: 'LSET replaces by index and reports missing keys and out-of-range indexes',
    commands: lines(`
      RPUSH l a b c
      LSET l 0 A
      LSET l -1 C
      LSET l 1 bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb
      LRANGE l 0 -1
      LSET l 3 x
      LSET l -4 x
      LSET l x y
      LSET missing 0 x
      LSET missing x x
      SET s v
      LSET s 0 x
      LSET s x x
      LSET l 0
    `),
  },
  {
    name: 'LINSERT puts an element before or after the first pivot',
    commands: lines(`
      RPUSH l a b c b
      LINSERT l BEFORE b x
      LINSERT l AFTER b y
      LINSERT l after c z
      LINSERT l before a first
      LINSERT l AFTER b last-b
      LRANGE l 0 -1
      LINSERT l BEFORE nope x
      LINSERT missing BEFORE a x
      LINSERT l MIDDLE a x
      LINSERT missing MIDDLE a x
      SET s v
      LINSERT s BEFORE a x
      LINSERT s MIDDLE a x
      LINSERT l BEFORE a
      LLEN l
    `),
  },
  {
    name: 'LREM removes from the head, from the tail or everywhere',
    commands: lines(`
      RPUSH l a b a c a b a
      LREM l 2 a
      LRANGE l 0 -1
      LREM l -1 b
      LRANGE l 0 -1
      LREM l 0 a
      LRANGE l 0 -1
      LREM l 0 zz
      LREM l 1 c
      LREM l 1 b
      GET l
      LREM missing 0 a
      LREM missing x a
      RPUSH l a
      LREM l x a
      LREM l 1.5 a
      SET s v
      LREM s 0 a
      LREM s x a
    `),
  },
  {
    name: 'LTRIM keeps a range, deletes the key for an empty one and is OK on missing keys',
    commands: lines(`
      RPUSH l a b c d e f
      LTRIM l 1 -2
      LRANGE l 0 -1
      LTRIM l -2 100
      LRANGE l 0 -1
      LTRIM l 0 0
      LRANGE l 0 -1
      LTRIM l 1 0
      GET l
      LTRIM missing 0 1
      RPUSH l a b c
      LTRIM l 5 10
      LLEN l
      RPUSH l a b c
      LTRIM l -100 -3
      LRANGE l 0 -1
      LTRIM l x 1
      LTRIM missing 0 y
      SET s v
      LTRIM s 0 1
      LTRIM s x 1
    `),
  },
  {
    name: 'LPOS finds matches by rank, count and maxlen',
    commands: lines(`
      RPUSH l a b c a b c a
      LPOS l a
      LPOS l c
      LPOS l z
      LPOS l a RANK 2
      LPOS l a RANK -1
      LPOS l a RANK -2
      LPOS l a RANK 4
      LPOS l a COUNT 0
      LPOS l a COUNT 2
      LPOS l a RANK 2 COUNT 0
      LPOS l a RANK -1 COUNT 2
      LPOS l a MAXLEN 3
      LPOS l a MAXLEN 3 COUNT 0
      LPOS l a RANK 2 MAXLEN 3
      LPOS l a RANK -1 MAXLEN 1 COUNT 0
      LPOS l c RANK -2 MAXLEN 5 COUNT 5
      LPOS l z COUNT 1
      LPOS l a rank 1 count 1 maxlen 0
      LPOS l a COUNT 1 COUNT 3
      LPOS l a RANK 1 RANK -1
      LPOS l a RANK 9223372036854775807
      LPOS l a RANK -9223372036854775807
      LPOS l a RANK -9223372036854775808
      LPOS l a RANK -9223372036854775808 COUNT 1
      LPOS missing a
      LPOS missing a COUNT 0
      LPOS missing a COUNT 2 RANK -1
    `),
  },
  {
    name: 'LPOS rejects bad options before looking at the key',
    commands: lines(`
      SET s v
      LPOS s a
      LPOS s a COUNT 1
      LPOS s a RANK 0
      LPOS missing a RANK 0
      LPOS missing a RANK x
      LPOS missing a RANK 9223372036854775808
      LPOS missing a COUNT -1
      LPOS missing a COUNT x
      LPOS missing a MAXLEN -1
      LPOS missing a MAXLEN 1.5
      LPOS missing a FOO 1
      LPOS missing a COUNT
      LPOS missing a RANK 1 COUNT
      LPOS s a RANK 0
      LPOS missing
    `),
  },
  // -------------------- moving between lists
  {
    name: 'LMOVE moves between the four ends and creates the destination',
    commands: lines(`
      RPUSH src a b c d
      LMOVE src dst LEFT RIGHT
      LMOVE src dst RIGHT LEFT
      LMOVE src dst left left
      LMOVE src dst Right Right
      LRANGE dst 0 -1
      GET src
      LMOVE src dst LEFT LEFT
      LMOVE dst dst LEFT RIGHT
      LMOVE dst dst RIGHT LEFT
      LRANGE dst 0 -1
      RPUSH one x
      LMOVE one one LEFT RIGHT
      LRANGE one 0 -1
    `),
  },
  {
    name: 'LMOVE checks ends, then the source, then the destination type',
    commands: lines(`
      RPUSH src a
      SET s v
      LMOVE src dst UP LEFT
      LMOVE src dst LEFT DOWN
      LMOVE s dst UP LEFT
      LMOVE missing s LEFT LEFT
      LMOVE s dst LEFT LEFT
      LMOVE src s LEFT LEFT
      LRANGE src 0 -1
      LMOVE src dst LEFT
    `),
  },
  {
    name: 'RPOPLPUSH moves the tail of one list to the head of another',
    commands: lines(`
      RPUSH src a b c
      RPOPLPUSH src dst
      RPOPLPUSH src dst
      LRANGE dst 0 -1
      RPOPLPUSH src src
      RPOPLPUSH src dst
      GET src
      RPOPLPUSH missing dst
      RPOPLPUSH dst dst
      LRANGE dst 0 -1
      SET s v
      RPOPLPUSH s dst
      RPOPLPUSH dst s
      RPOPLPUSH missing s
      RPOPLPUSH dst
    `),
  },
  {
    name: 'LMPOP pops from the first non-empty list with an optional count',
    commands: lines(`
      RPUSH b 1 2 3 4
      RPUSH c x
      LMPOP 3 a b c LEFT
      LMPOP 3 a b c RIGHT COUNT 2
      LMPOP 2 b c left count 10
      GET b
      LMPOP 2 b c RIGHT
      LMPOP 2 b c RIGHT
      LMPOP 1 a LEFT COUNT 9223372036854775807
    `),
  },
  {
    name: 'LMPOP validates numkeys, the end and COUNT in Redis order',
    commands: lines(`
      RPUSH l a
      SET s v
      LMPOP 0 l LEFT
      LMPOP -1 l LEFT
      LMPOP x l LEFT
      LMPOP 2 l LEFT
      LMPOP 3 l LEFT
      LMPOP 9223372036854775807 l LEFT
      LMPOP 1 l UP
      LMPOP 1 l LEFT COUNT 0
      LMPOP 1 l LEFT COUNT -1
      LMPOP 1 l LEFT COUNT x
      LMPOP 1 l LEFT COUNT 9223372036854775808
      LMPOP 1 l LEFT COUNT 1 COUNT 1
      LMPOP 1 l LEFT COUNT
      LMPOP 1 l LEFT FOO
      LMPOP 2 missing s LEFT
      LMPOP 2 l s LEFT
      LMPOP 1 l
    `),
  },
  // -------------------- blocking commands (paths that answer at once)
  {
    name: 'BLPOP and BRPOP serve the first non-empty list at once',
    commands: lines(`
      RPUSH b 1 2 3 4 5
      RPUSH c x
      BLPOP a b c 0
      BRPOP a b c 0
      BLPOP c b 1
      BRPOP a b c 0.5
      BLPOP b b 0
      LLEN b
      GET c
      SET s v
      RPUSH l z
      BLPOP missing s l 0
      BLPOP l s 0
      BRPOP s 0
      BLPOP k
      BRPOP
    `),
  },
  {
    name: 'blocking commands parse the timeout like Redis (long double, ceil to ms, int64 overflow)',
    commands: lines(`
      RPUSH l a b c d e f g h i j k m n o p q r s t u v w
      BLPOP l -1
      BLPOP l abc
      BLPOP l nan
      BLPOP l inf
      BLPOP l -inf
      BLPOP l infinity
      BLPOP l 1e300
      BLPOP l 1e4931
      BLPOP l 1e4933
      BLPOP l 1e-4960
      BLPOP l 9223372036854776
      BLPOP l -0.0011
      BLPOP l 1e
      BLPOP l .
      BLPOP l 0x
      BLPOP l 1_000
      BRPOP l 0x10
      BRPOP l +1
      BRPOP l 1.
      BRPOP l .5
      BRPOP l 9223372036854775
      BRPOP l -0
      BRPOP l -0.001
      BRPOP l 0X.8p-12
      BRPOP l 1e-400
      LLEN l
      BLPOP l 9223372036854775.808
      BLPOP l 0x1p62
      BLPOP l -9223372036854775808
      BLPOP l -0.00100000000000000001
      BLPOP l 1e4940
      BLPOP l 1.8e-4951
      BLPOP l 1e4932
      BLPOP l 9223372036854775.807
      BLPOP l 3.6e-4951
      BLPOP l -1e-30
      BLPOP l 0x1p53
      LLEN l
    `),
  },
  {
    name: 'blocking timeouts with spaces or empty text are not floats',
    commands: [
      ['RPUSH', 'l', 'a'],
      ['BLPOP', 'l', ' 1'],
      ['BLPOP', 'l', '1 '],
      ['BLPOP', 'l', ''],
      ['LLEN', 'l'],
    ],
  },
  {
    name: 'BLMOVE and BRPOPLPUSH move at once when the source has elements',
    commands: lines(`
      RPUSH src a b c
      BLMOVE src dst LEFT RIGHT 0
      BLMOVE src dst RIGHT LEFT 1
      BRPOPLPUSH src dst 0
      LRANGE dst 0 -1
      GET src
      BLMOVE dst dst LEFT RIGHT 0
      LRANGE dst 0 -1
      SET s v
      BLMOVE dst s LEFT LEFT 0
      BLMOVE s dst LEFT LEFT 0
      BRPOPLPUSH dst s 0
      BRPOPLPUSH s dst 0
      BLMOVE dst x UP LEFT -1
      BLMOVE dst x LEFT DOWN x
      BLMOVE dst x LEFT LEFT -1
      BLMOVE dst x LEFT LEFT nan
      BRPOPLPUSH dst x -1
      BRPOPLPUSH dst x abc
      BLMOVE dst x LEFT LEFT
      BRPOPLPUSH dst x
      LRANGE dst 0 -1
    `),
  },
  {
    name: 'BLMPOP pops with a count at once and validates arguments before the timeout',
    commands: lines(`
      RPUSH b 1 2 3 4
      BLMPOP 0 2 a b LEFT
      BLMPOP 0 2 a b RIGHT COUNT 2
      BLMPOP 1 1 b LEFT COUNT 5
      GET b
      SET s v
      RPUSH l a
      BLMPOP 0 2 missing s LEFT
      BLMPOP 0 2 l s LEFT
      BLMPOP x 0 k LEFT
      BLMPOP x 1 k UP
      BLMPOP x 1 k LEFT COUNT 0
      BLMPOP -1 1 k LEFT COUNT x
      BLMPOP x 1 k LEFT
      BLMPOP -1 1 k LEFT
      BLMPOP 1 2 k LEFT
      BLMPOP inf 1 k LEFT
      BLMPOP 0 1 k
    `),
  },
  {
    name: 'blocking commands time out with a null array',
    commands: lines(`
      BLPOP a b 0.01
      BRPOP a 0.001
      BLMOVE a b LEFT LEFT 0.01
      BRPOPLPUSH a b 0.01
      BLMPOP 0.01 2 a b LEFT COUNT 2
      BLPOP a 1e-4940
      RPUSH after x
      LPOP after
    `),
  },
  {
    name: 'inside MULTI blocking commands answer at once: data, or the timeout reply',
    commands: lines(`
      RPUSH l a b
      MULTI
      BLPOP empty 0
      BRPOP empty 0
      BLMOVE empty x LEFT LEFT 0
      BRPOPLPUSH empty x 0
      BLMPOP 0 1 empty LEFT
      BLPOP empty l 0
      BLMOVE l x LEFT LEFT 0
      BLMPOP 0 1 l RIGHT COUNT 3
      EXEC
      LRANGE x 0 -1
      GET l
    `),
  },
  {
    name: 'blocking errors inside MULTI: queued when well formed, refused when arity is wrong',
    commands: lines(`
      SET s v
      MULTI
      BLPOP s 0
      BLMOVE s x LEFT LEFT 0
      BLPOP k -1
      BLPOP k
      EXEC
    `),
  },
  // -------------------- errors, encodings and keyspace interplay
  {
    name: 'list commands against a string answer WRONGTYPE and leave it alone',
    commands: lines(`
      SET s v
      LPUSH s a
      RPUSH s a
      LLEN s
      LRANGE s 0 1
      LINDEX s 0
      LSET s 0 a
      LINSERT s BEFORE a b
      LREM s 0 a
      LTRIM s 0 1
      LPOS s a
      LMOVE s d LEFT LEFT
      RPOPLPUSH s d
      LMPOP 1 s LEFT
      GET s
    `),
  },
  {
    name: 'commands with the wrong number of arguments',
    commands: lines(`
      LPUSH l
      RPUSH
      LPUSHX l
      RPUSHX l
      LLEN
      LLEN a b
      LRANGE l 0
      LINDEX l 0 1
      LSET l 0
      LINSERT l BEFORE a
      LREM l 0
      LTRIM l 0
      LPOS l
      LMOVE a b LEFT
      RPOPLPUSH a
      LMPOP 1 a
      BLPOP a
      BRPOP a
      BLMOVE a b LEFT LEFT
      BRPOPLPUSH a b
      BLMPOP 0 1 a
      RPOPLPUSH a b c
    `),
  },
  {
    name: 'elements are binary safe',
    commands: [
      ['RPUSH', 'bin', bin(0, 13, 10, 255), bin(), bin(0x80, 0x81), 'plain'],
      ['LRANGE', 'bin', '0', '-1'],
      ['LPOS', 'bin', bin(0x80, 0x81)],
      ['LPOS', 'bin', bin()],
      ['LINSERT', 'bin', 'AFTER', bin(), bin(0, 0, 0)],
      ['LREM', 'bin', '0', bin(0, 13, 10, 255)],
      ['LSET', 'bin', '0', bin(0xfe, 0xff)],
      ['LINDEX', 'bin', '0'],
      ['LRANGE', 'bin', '0', '-1'],
      ['RPUSH', bin(0xe2, 0x82, 0xac, 0), 'x'],
      ['LMOVE', bin(0xe2, 0x82, 0xac, 0), bin(0xff), 'LEFT', 'LEFT'],
      ['BLPOP', bin(0xff), '0'],
      ['LPUSH', 'empty-elements', '', ''],
      ['LRANGE', 'empty-elements', '0', '-1'],
      ['LREM', 'empty-elements', '1', ''],
      ['LLEN', 'empty-elements'],
    ],
  },
  {
    name: 'a long list that wraps around its ends keeps its order',
    commands: [
      ['RPUSH', 'big', ...many(300, 'r')],
      ['LPUSH', 'big', ...many(300, 'l')],
      ['LLEN', 'big'],
      ['LRANGE', 'big', '295', '305'],
      ['LINDEX', 'big', '0'],
      ['LINDEX', 'big', '-1'],
      ['LPOP', 'big', '250'],
      ['RPOP', 'big', '250'],
      ['RPUSH', 'big', ...many(40, 'x')],
      ['LPUSH', 'big', ...many(40, 'y')],
      ['LRANGE', 'big', '0', '-1'],
      ['LINSERT', 'big', 'BEFORE', 'r10', 'mid'],
      ['LINSERT', 'big', 'AFTER', 'x35', 'late'],
      ['LINSERT', 'big', 'BEFORE', 'y39', 'early'],
      ['LPOS', 'big', 'mid'],
      ['LREM', 'big', '0', 'mid'],
      ['LSET', 'big', '50', 'fifty'],
      ['LTRIM', 'big', '10', '-10'],
      ['LRANGE', 'big', '0', '-1'],
      ['LMPOP', '1', 'big', 'RIGHT', 'COUNT', '1000'],
      ['LLEN', 'big'],
    ],
  },
  {
    name: 'LREM and LINSERT on a list that wrapped around its ring keep every other element',
    commands: [
      ['RPUSH', 'w', ...many(6, 'a')],
      ['LPOP', 'w', '3'],
      ['RPUSH', 'w', 'z', 'a1', 'z', 'z'],
      ['LPUSH', 'w', 'z', 'b'],
      ['LRANGE', 'w', '0', '-1'],
      ['LREM', 'w', '-2', 'z'],
      ['LRANGE', 'w', '0', '-1'],
      ['LREM', 'w', '1', 'z'],
      ['LINSERT', 'w', 'BEFORE', 'a4', 'n1'],
      ['LINSERT', 'w', 'AFTER', 'a4', 'n2'],
      ['LRANGE', 'w', '0', '-1'],
      ['LREM', 'w', '0', 'z'],
      ['LRANGE', 'w', '0', '-1'],
    ],
  },
  {
    name: 'RESP3 nulls of list replies',
    resp3: true,
    commands: lines(`
      LPOP missing
      LPOP missing 2
      RPOP missing
      LINDEX missing 0
      LPOS missing a
      LMOVE missing x LEFT LEFT
      LMPOP 1 missing LEFT
      RPUSH l a b
      LPOS l z
      LPOP l 5
      MULTI
      BLPOP missing 0
      BLMOVE missing x LEFT LEFT 0
      EXEC
      BLPOP missing 0.01
    `),
  },
  {
    name: 'list commands invalidate WATCH exactly when Redis signals the key as modified',
    commands: lines(`
      RPUSH k a b c
      WATCH k
      LPUSH k x
      MULTI
      PING
      EXEC
      RPUSH k a b c
      WATCH k
      RPUSHX k x
      MULTI
      PING
      EXEC
      RPUSH k a b c
      WATCH k
      LPUSHX missing x
      MULTI
      PING
      EXEC
      RPUSH k a b c
      WATCH k
      LREM k 0 nomatch
      MULTI
      PING
      EXEC
      RPUSH k a b c
      WATCH k
      LREM k 1 a
      MULTI
      PING
      EXEC
      RPUSH k a b c
      WATCH k
      LINSERT k BEFORE nomatch x
      MULTI
      PING
      EXEC
      RPUSH k a b c
      WATCH k
      LINSERT k AFTER a x
      MULTI
      PING
      EXEC
      RPUSH k a b c
      WATCH k
      LPOP k 0
      MULTI
      PING
      EXEC
      RPUSH k a b c
      WATCH k
      RPOP missing
      MULTI
      PING
      EXEC
      RPUSH k a b c
      WATCH k
      LTRIM k 0 -1
      MULTI
      PING
      EXEC
      RPUSH k a b c
      WATCH k
      LTRIM missing 0 1
      MULTI
      PING
      EXEC
      RPUSH k a b c
      WATCH k
      LSET k 0 a
      MULTI
      PING
      EXEC
      RPUSH k a b c
      WATCH k
      LRANGE k 0 -1
      MULTI
      PING
      EXEC
      RPUSH k a b c
      WATCH k
      LINDEX k 0
      MULTI
      PING
      EXEC
      RPUSH k a b c
      WATCH k
      LPOS k a
      MULTI
      PING
      EXEC
      RPUSH k a b c
      WATCH k
      LLEN k
      MULTI
      PING
      EXEC
      RPUSH k a b c
      WATCH k
      LMOVE missing k LEFT LEFT
      MULTI
      PING
      EXEC
      RPUSH k a b c
      WATCH k
      RPOPLPUSH k k
      MULTI
      PING
      EXEC
      RPUSH k a b c
      WATCH k
      LMPOP 1 missing LEFT
      MULTI
      PING
      EXEC
      RPUSH k a b c
      WATCH k
      BLPOP missing k 0
      MULTI
      PING
      EXEC
    `),
  },
];
