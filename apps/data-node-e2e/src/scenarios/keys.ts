// Differential scenarios of the generic keyspace commands (redis src/db.c, expire.c, object.c, sort.c,
// cluster.c RESTORE): every command, its error texts and the order in which Redis checks its arguments,
// int64 edges of expiry times, KEYS glob patterns (Redis's quirks and the hostile patterns of
// CVE-2022-36021), SORT in all its forms, RESP3 shapes. Replies must be byte-identical with redis-server, so
// only deterministic output is compared: expiry is read as EXPIRETIME/PEXPIRETIME of absolute times (never
// a ticking TTL), KEYS and SCAN run against a single key, DUMP payloads (tessera's own format) and MEMORY
// USAGE sizes are unit-tested in apps/data-node instead, as are idle times and LFU counters.
import { lines } from './command-lines.js';
import type { Scenario } from './scenario.js';

/** 2100-01-01T00:00:00Z as a unix time in seconds: far enough to never pass during a test. */
const FAR = 4102444800;

/** Runs each pattern through KEYS with `key` as the only key. */
function keysProbe(key: string | Buffer, patterns: readonly (string | Buffer)[]): (string | Buffer)[][] {
  return [['SET', key, 'v'], ...patterns.map((pattern) => ['KEYS', pattern])];
}

export const keysScenarios: Scenario[] = [
  {
    name: 'DEL and UNLINK count the keys that existed; EXISTS counts repeated names each time',
    commands: lines(`
      SET a 1
      SET b 2
      RPUSH l x y
      EXISTS a b l missing a
      DEL a missing a
      EXISTS a
      UNLINK b l b
      EXISTS a b l
      DBSIZE
      DEL missing
      UNLINK missing
      DEL
      UNLINK
      EXISTS
    `),
  },
  {
    name: 'TYPE names every value type and none for a missing key',
    commands: lines(`
      SET s v
      RPUSH l x
      SADD st m
      ZADD z 1 m
      HSET h f v
      TYPE s
      TYPE l
      TYPE st
      TYPE z
      TYPE h
      TYPE missing
      TYPE
      TYPE s l
    `),
  },
  {
    name: 'TTL, PTTL, EXPIRETIME and PEXPIRETIME answer -2 for missing keys and -1 without a TTL',
    commands: lines(`
      TTL missing
      PTTL missing
      EXPIRETIME missing
      PEXPIRETIME missing
      SET k v
      RPUSH l x
      TTL k
      PTTL k
      EXPIRETIME k
      PEXPIRETIME l
      TTL
      PTTL k k
    `),
  },
  {
    name: 'EXPIREAT and PEXPIREAT set absolute times that EXPIRETIME rounds to the nearest second',
    commands: lines(`
      SET k v
      EXPIREAT k ${FAR}
      EXPIRETIME k
      PEXPIRETIME k
      PEXPIREAT k ${FAR}123
      PEXPIRETIME k
      EXPIRETIME k
      PEXPIREAT k ${FAR}499
      EXPIRETIME k
      PEXPIREAT k ${FAR}500
      EXPIRETIME k
      RPUSH l x
      EXPIREAT l ${FAR}
      EXPIRETIME l
      EXPIREAT missing ${FAR}
      PEXPIREAT missing ${FAR}000
      EXISTS missing
    `),
  },
  {
    name: 'EXPIRE and PEXPIRE set relative times that PERSIST then removes',
    commands: lines(`
      SET k v
      EXPIRE k 100
      PERSIST k
      PERSIST k
      PEXPIRE k 100000
      PERSIST k
      TTL k
      EXPIRE missing 100
      PEXPIRE missing 100
      PERSIST missing
      EXPIRE k
      PERSIST
    `),
  },
  {
    name: 'a zero, negative or past time deletes the key and still replies 1',
    commands: lines(`
      SET a 1
      EXPIRE a 0
      EXISTS a
      SET a 1
      PEXPIRE a -1
      GET a
      SET a 1
      EXPIREAT a 1
      EXISTS a
      SET a 1
      PEXPIREAT a 0
      EXISTS a
      SET a 1
      EXPIRE a -9223372036854775
      EXISTS a
      SET a 1
      PEXPIREAT a -9223372036854775808
      EXISTS a
      RPUSH l x
      EXPIRE l -1
      LLEN l
      EXPIRE a 0
      DBSIZE
    `),
  },
  {
    name: 'NX, XX, GT and LT apply conditions, a key without TTL counting as infinite',
    commands: lines(`
      SET k v
      EXPIREAT k ${FAR} XX
      EXPIREAT k ${FAR} NX
      EXPIREAT k ${FAR + 100} NX
      EXPIRETIME k
      EXPIREAT k ${FAR + 100} GT
      EXPIREAT k ${FAR + 50} GT
      EXPIREAT k ${FAR + 100} GT
      EXPIREAT k ${FAR + 50} LT
      EXPIREAT k ${FAR + 50} LT
      EXPIRETIME k
      EXPIREAT k ${FAR + 99} xx gt
      EXPIRETIME k
      EXPIREAT k ${FAR + 98} XX LT
      EXPIRETIME k
      PERSIST k
      EXPIREAT k ${FAR} GT
      EXPIRETIME k
      EXPIREAT k ${FAR} LT
      EXPIRETIME k
      EXPIREAT k ${FAR} gt gt xx
      EXPIREAT k 1 gt
      EXISTS k
      EXPIREAT k 1 lt
      EXISTS k
      EXPIREAT missing ${FAR} NX
    `),
  },
  {
    name: 'conflicting or unknown expire options fail with Redis texts before the time is parsed',
    commands: lines(`
      SET k v
      EXPIRE k 10 NX XX
      EXPIRE k 10 xx nx
      EXPIRE k 10 NX GT
      EXPIRE k 10 lt nx
      EXPIRE k 10 GT LT
      PEXPIRE k 10 lt gt
      EXPIRE k 10 FOO
      EXPIRE k 10 nx Later
      EXPIRE k abc FOO
      EXPIRE k abc NX XX
      EXPIREAT missing 10 NX XX
      TTL k
    `),
  },
  {
    name: 'expire times must be int64 and must not overflow int64 once in milliseconds',
    commands: lines(`
      SET k v
      EXPIRE k abc
      EXPIRE k 1.5
      EXPIRE k 0x10
      EXPIRE k 9223372036854775808
      EXPIRE k 9223372036854776
      EXPIRE k 9223372036854775
      PEXPIRE k 9223372036854775807
      EXPIREAT k -9223372036854776
      EXPIREAT k 9223372036854776
      PEXPIREAT k 9223372036854775808
      TTL k
      EXPIRE missing abc
      EXPIRE missing 9223372036854776
      EXPIREAT k 9223372036854775
      EXPIRETIME k
      PEXPIRETIME k
      PEXPIREAT k 9223372036854775807
      PEXPIRETIME k
      EXPIRETIME k
      PEXPIREAT k 9223372036854775806 GT
      PEXPIREAT k 9223372036854775806 LT
      PEXPIRETIME k
      PEXPIREAT k 9007199254740993
      PEXPIRETIME k
    `),
  },
  {
    name: 'expire arguments that are not canonical integers are refused',
    commands: [
      ['SET', 'k', 'v'],
      ['EXPIRE', 'k', ''],
      ['EXPIRE', 'k', ' 10'],
      ['EXPIRE', 'k', '10 '],
      ['EXPIRE', 'k', '+10'],
      ['EXPIRE', 'k', '010'],
      ['EXPIRE', 'k', '-0'],
      ['PEXPIREAT', 'k', '1e3'],
      ['TTL', 'k'],
    ],
  },
  {
    name: 'PERSIST removes a TTL and answers whether there was one',
    commands: lines(`
      SET k v EXAT ${FAR}
      PERSIST k
      EXPIRETIME k
      PERSIST k
      RPUSH l x
      PEXPIREAT l ${FAR}000
      PERSIST l
      PERSIST l
      PERSIST missing
    `),
  },
  {
    name: 'SET, GETSET and a new value clear the TTL; KEEPTTL and APPEND keep it',
    commands: lines(`
      SET k v EXAT ${FAR}
      APPEND k w
      EXPIRETIME k
      SET k v2 KEEPTTL
      EXPIRETIME k
      SET k v3
      EXPIRETIME k
      EXPIREAT k ${FAR}
      GETSET k v4
      EXPIRETIME k
    `),
  },
  {
    name: 'RENAME moves the value with its TTL and replaces the destination',
    commands: lines(`
      SET a 1
      EXPIREAT a ${FAR}
      SET b 2
      EXPIREAT b ${FAR + 1}
      RENAME a b
      GET b
      EXPIRETIME b
      EXISTS a
      DBSIZE
      SET c 3
      RENAME c b
      EXPIRETIME b
      GET b
      RPUSH l 1 2
      RENAME l b
      TYPE b
      LRANGE b 0 -1
    `),
  },
  {
    name: 'RENAME and RENAMENX need an existing source, even to rename a key to itself',
    commands: lines(`
      RENAME missing b
      RENAME missing missing
      RENAMENX missing b
      RENAMENX missing missing
      SET a 1
      EXPIREAT a ${FAR}
      RENAME a a
      EXPIRETIME a
      RENAMENX a a
      SET b 2
      RENAMENX a b
      GET b
      RENAMENX a c
      GET c
      EXPIRETIME c
      EXISTS a
      RENAME a
      RENAMENX a b c
    `),
  },
  {
    name: 'RENAME of binary keys',
    commands: [
      ['SET', Buffer.from([0, 1, 255]), 'bin'],
      ['RENAME', Buffer.from([0, 1, 255]), Buffer.from('\r\n', 'latin1')],
      ['GET', Buffer.from('\r\n', 'latin1')],
      ['EXISTS', Buffer.from([0, 1, 255])],
      ['RENAME', Buffer.from([0, 1]), 'x'],
    ],
  },
  {
    name: 'COPY copies values of every type with their TTL; REPLACE overwrites',
    commands: lines(`
      SET a v
      EXPIREAT a ${FAR}
      COPY a b
      GET b
      EXPIRETIME b
      COPY a b
      SET c other
      COPY a c REPLACE
      GET c
      EXPIRETIME c
      COPY missing x
      EXISTS x
      RPUSH l 1 2 3
      COPY l l2
      RPUSH l2 4
      LRANGE l 0 -1
      LRANGE l2 0 -1
      SADD s x y
      COPY s s2
      SCARD s2
      ZADD z 1 m 2 n
      COPY z z2
      ZRANGE z2 0 -1 WITHSCORES
      HSET h f v g w
      COPY h h2
      HGETALL h2
      TYPE h2
      COPY a l REPLACE
      TYPE l
    `),
  },
  {
    name: 'COPY options: DB 0 only, REPLACE in any case and order, errors in Redis order',
    commands: lines(`
      SET a v
      COPY a a
      COPY a b DB 0
      COPY a c db 0 replace
      COPY a c REPLACE DB 0
      COPY a d DB 16
      COPY a d DB -1
      COPY a d DB 2147483648
      COPY a d DB -2147483649
      COPY a d DB 9223372036854775808
      COPY a d DB abc
      COPY a d DB
      COPY a d foo
      COPY a d REPLACE foo
      COPY a a DB 16
      COPY a a foo
      COPY missing d DB 16
      EXISTS d
      COPY a
    `),
  },
  {
    name: 'KEYS with literal, ? and * patterns',
    commands: keysProbe('hello', [
      'hello',
      'hell',
      'h?llo',
      'h??llo',
      '?????',
      '??????',
      'h*llo',
      'h*',
      '*o',
      '*',
      '**',
      '***o',
      'h*l*l*o',
      'h*x*',
      '*hello*',
      'Hello',
    ]),
  },
  {
    name: 'KEYS with classes, negations, ranges and escapes',
    commands: keysProbe('hello', [
      'h[ae]llo',
      'h[^e]llo',
      'h[^a]llo',
      'h[a-f]llo',
      'h[f-a]llo',
      'h[x-z]llo',
      '[a-z]ello',
      '[^a-z]ello',
      'h\\ello',
      'h\\?llo',
      '\\h*',
      'h[e',
      'hell[o',
      'hell[^',
      'hell[a-]',
      '[h]*[o]',
      'h[\\e]llo',
    ]),
  },
  {
    name: 'KEYS matches special characters only when escaped or in classes',
    commands: keysProbe('a*b?c[d]e\\f', [
      'a*b?c[d]e\\f',
      'a\\*b\\?c\\[d\\]e\\\\f',
      'a\\*b*',
      '*\\[d\\]*',
      '*[[]d[]]*',
      '*\\\\f',
      '*\\f',
      'a[*]b[?]c*',
      'a\\*b\\?c\\[d]e\\\\f',
      '*e\\',
      '[a-]*',
    ]),
  },
  {
    name: 'KEYS on the empty key: only a bare * matches it',
    commands: [
      ['SET', '', 'v'],
      ['KEYS', '*'],
      ['KEYS', '**'],
      ['KEYS', '?'],
      ['KEYS', ''],
      ['KEYS', '[^a]'],
    ],
  },
  {
    name: 'KEYS compares bytes above 0x7f as signed chars in ranges',
    commands: keysProbe(Buffer.from([0x78, 0xe0]), [
      Buffer.from('x[\x80-\xff]', 'latin1'),
      Buffer.from('x[a-\xff]', 'latin1'),
      Buffer.from('x[\xff-a]', 'latin1'),
      Buffer.from('x[\x00-\x7f]', 'latin1'),
      Buffer.from('x\xe0', 'latin1'),
      Buffer.from('x?', 'latin1'),
      Buffer.from('X[^\xe0]', 'latin1'),
    ]),
  },
  {
    name: 'KEYS survives hostile patterns and gives up past 1000 nested stars, like Redis 7.0',
    commands: keysProbe('a'.repeat(1100), [
      '*a'.repeat(1000),
      '*a'.repeat(1001),
      '*' + '?*'.repeat(1000),
      '*' + '?*'.repeat(1001),
      'a*'.repeat(1001),
      '*a'.repeat(200) + 'b',
      '*a]'.repeat(400),
      '*[a]*[a]*[a]*[a]*[a]*[a]*[a]*[a]*[a]*b',
    ]),
  },
  {
    name: 'KEYS with no keys, and its arity',
    commands: lines(`
      KEYS *
      KEYS a*
      KEYS
      KEYS a b
    `),
  },
  {
    name: 'SCAN returns a single key with cursor 0 and filters it by MATCH and TYPE',
    commands: lines(`
      SCAN 0
      SET k v
      SCAN 0
      SCAN 0 COUNT 100
      SCAN 0 MATCH k*
      SCAN 0 MATCH x*
      SCAN 0 MATCH *
      SCAN 0 TYPE string
      SCAN 0 TYPE STRING
      SCAN 0 type list
      SCAN 0 TYPE foo
      SCAN 0 MATCH k TYPE string COUNT 5
      SCAN 0 COUNT 1 COUNT 9223372036854775807
      SCAN 00
      SCAN +0
      DEL k
      RPUSH k x
      SCAN 0 TYPE list
      SCAN 0 TYPE string
    `),
  },
  {
    name: 'SCAN refuses bad cursors, counts and options with Redis texts',
    commands: [
      ...lines(`
        SET k v
        SCAN abc
        SCAN 1x
        SCAN 18446744073709551616
        SCAN 0x0
        SCAN -
        SCAN 0 COUNT 0
        SCAN 0 COUNT -1
        SCAN 0 COUNT x
        SCAN 0 COUNT 9223372036854775808
        SCAN 0 MATCH
        SCAN 0 TYPE
        SCAN 0 COUNT
        SCAN 0 foo bar
        SCAN 0 MATCH * foo
        SCAN abc COUNT 0
        SCAN
      `),
      ['SCAN', ' 0'],
      ['SCAN', '0 '],
      ['SCAN', ''],
    ],
  },
  {
    name: 'RANDOMKEY answers nil on an empty keyspace and the only key otherwise',
    commands: lines(`
      RANDOMKEY
      SET only v
      RANDOMKEY
      DEL only
      RPUSH only x
      RANDOMKEY
      FLUSHALL
      RANDOMKEY
      RANDOMKEY x
    `),
  },
  {
    name: 'TOUCH counts existing keys, repeats included',
    commands: lines(`
      SET a 1
      RPUSH l x
      TOUCH a l missing a
      TOUCH missing
      TOUCH
    `),
  },
  {
    name: 'DBSIZE, FLUSHALL and FLUSHDB in every mode, and their syntax errors',
    commands: lines(`
      DBSIZE
      SET a 1
      SET b 2
      RPUSH l x
      DBSIZE
      FLUSHDB
      DBSIZE
      SET a 1
      FLUSHALL ASYNC
      DBSIZE
      SET a 1
      FLUSHALL sync
      FLUSHDB async
      FLUSHDB SYNC
      SET a 1
      FLUSHALL now
      FLUSHDB SYNC ASYNC
      FLUSHALL SYNC SYNC
      DBSIZE
      DBSIZE x
    `),
  },
  {
    name: 'FLUSHALL, RENAME and EXPIRE abort transactions watching the keys they touch',
    commands: lines(`
      SET a 1
      WATCH a
      EXPIREAT a ${FAR}
      MULTI
      GET a
      EXEC
      WATCH a
      RENAME a b
      MULTI
      GET b
      EXEC
      SET c 1
      WATCH c
      FLUSHALL
      MULTI
      DBSIZE
      EXEC
      SET d 1
      WATCH d
      PERSIST d
      MULTI
      GET d
      EXEC
    `),
  },
  {
    name: 'OBJECT ENCODING of strings: int, embstr up to 44 bytes, raw beyond',
    commands: [
      ...lines(`
        SET k 12345
        OBJECT ENCODING k
        SET k -9223372036854775808
        OBJECT ENCODING k
        SET k 9223372036854775807
        OBJECT ENCODING k
        SET k 9223372036854775808
        OBJECT ENCODING k
        SET k 007
        OBJECT ENCODING k
        SET k -0
        OBJECT ENCODING k
        SET k 1.5
        OBJECT ENCODING k
        SET k hello
        OBJECT encoding k
        OBJECT ENCODING missing
      `),
      ['SET', 'k', 'x'.repeat(44)],
      ['OBJECT', 'ENCODING', 'k'],
      ['SET', 'k', 'x'.repeat(45)],
      ['OBJECT', 'ENCODING', 'k'],
      ['SET', 'k', ''],
      ['OBJECT', 'ENCODING', 'k'],
    ],
  },
  {
    name: 'OBJECT ENCODING of collections',
    commands: lines(`
      RPUSH l a b
      OBJECT ENCODING l
      SADD si 1 2 3
      OBJECT ENCODING si
      ZADD z 1 a
      OBJECT ENCODING z
      HSET h f v
      OBJECT ENCODING h
    `),
  },
  {
    name: 'OBJECT REFCOUNT reports shared small integers like Redis',
    commands: lines(`
      SET k 0
      OBJECT REFCOUNT k
      SET k 9999
      OBJECT REFCOUNT k
      SET k 10000
      OBJECT REFCOUNT k
      SET k -1
      OBJECT REFCOUNT k
      SET k abc
      OBJECT REFCOUNT k
      RPUSH l x
      OBJECT REFCOUNT l
      OBJECT REFCOUNT missing
    `),
  },
  {
    name: 'OBJECT FREQ needs an LFU policy; IDLETIME and FREQ answer nil for a missing key first',
    commands: lines(`
      OBJECT FREQ missing
      OBJECT IDLETIME missing
      SET k v
      OBJECT FREQ k
    `),
  },
  {
    name: 'OBJECT HELP, unknown subcommands and arity',
    commands: lines(`
      OBJECT HELP
      OBJECT help
      OBJECT FOO k
      OBJECT
      OBJECT ENCODING
      OBJECT ENCODING a b
      OBJECT REFCOUNT
      OBJECT FREQ a b
      OBJECT IDLETIME
      OBJECT HELP x
    `),
  },
  {
    name: 'MEMORY USAGE answers nil for a missing key and checks SAMPLES like Redis; MEMORY PURGE answers OK',
    commands: lines(`
      MEMORY USAGE missing
      MEMORY USAGE missing SAMPLES 5
      SET k v
      MEMORY USAGE k SAMPLES -1
      MEMORY USAGE k SAMPLES x
      MEMORY USAGE k SAMPLES
      MEMORY USAGE k COUNT 5
      MEMORY USAGE missing SAMPLES 0 foo
      MEMORY USAGE
      MEMORY HELP
      MEMORY PURGE
      MEMORY PURGE now
      MEMORY FOO
    `),
  },
  {
    name: 'DUMP answers nil for a missing key',
    commands: lines(`
      DUMP missing
      DUMP
      DUMP a b
    `),
  },
  {
    name: 'RESTORE checks options, then the key, then the TTL, then the payload',
    commands: lines(`
      SET a 1
      RESTORE a 0 junk
      RESTORE a -1 junk
      RESTORE a x junk foo
      RESTORE a 0 junk REPLACE
      RESTORE b 0 junk
      RESTORE b -1 junk
      RESTORE b x junk
      RESTORE b 0 junk foo
      RESTORE b 0 junk IDLETIME -1
      RESTORE b 0 junk IDLETIME x
      RESTORE b 0 junk IDLETIME
      RESTORE b 0 junk FREQ 256
      RESTORE b 0 junk FREQ -1
      RESTORE b 0 junk FREQ 1 IDLETIME 1
      RESTORE b 0 junk IDLETIME 1 FREQ 1
      RESTORE b 0 junk REPLACE ABSTTL IDLETIME 5
      RESTORE b 0 junk replace absttl freq 0
      RESTORE b 9223372036854775808 junk
      RESTORE b 0 0123456789abcdef
      RESTORE b 0
      EXISTS b
      GET a
    `),
  },
  {
    name: 'SORT sorts lists numerically, ties by bytes, DESC reversed, ALPHA by bytes',
    commands: lines(`
      RPUSH l 3 1 10 2 01 -inf 1e1 +5 0x10 -2.5
      SORT l
      SORT l DESC
      SORT l ASC
      SORT l DESC ASC
      SORT l ALPHA
      SORT l ALPHA DESC
      SORT_RO l
      SORT_RO l DESC ALPHA
      RPUSH words banana apple cherry Apple
      SORT words ALPHA
      SORT words
      SORT missing
      SORT_RO missing ALPHA
    `),
  },
  {
    name: 'SORT applies LIMIT after sorting, clamped like Redis',
    commands: lines(`
      RPUSH l 3 1 2 10
      SORT l LIMIT 0 2
      SORT l LIMIT 1 2
      SORT l LIMIT 1 -1
      SORT l LIMIT -5 2
      SORT l LIMIT 3 -5
      SORT l LIMIT 4 1
      SORT l LIMIT 10 1
      SORT l LIMIT 0 0
      SORT l LIMIT 2 9223372036854775807
      SORT l LIMIT -9223372036854775808 3
      SORT l LIMIT 3 1 DESC
      SORT l LIMIT 0 1 LIMIT 2 1
      SORT missing LIMIT 0 5
      SORT l LIMIT 0
      SORT l LIMIT x 1
      SORT l LIMIT 0 x
      SORT l LIMIT 0 9223372036854775808
    `),
  },
  {
    name: 'SORT BY a pattern without * keeps list and sorted set order, reversed by DESC',
    commands: lines(`
      RPUSH l 3 1 2 10
      SORT l BY nosort
      SORT l BY nosort DESC
      SORT l BY nosort LIMIT 1 2
      SORT l BY nosort LIMIT 1 2 DESC
      SORT l BY nosort LIMIT 2 9223372036854775807
      SORT l BY #
      ZADD z 3 a 1 b 2 c
      SORT z BY nosort
      SORT z BY nosort DESC LIMIT 0 2
      SORT z BY nosort LIMIT 1 5
      SORT z ALPHA DESC
      SORT z ALPHA LIMIT 1 1
    `),
  },
  {
    name: 'SORT BY weights from other keys: missing weighs 0, non-numbers fail unless ALPHA',
    commands: lines(`
      RPUSH l a b c d
      SET w_a 3
      SET w_b 1
      SET w_c 2.5
      SORT l BY w_*
      SORT l BY w_* DESC
      SET w_d x
      SORT l BY w_*
      SORT l BY w_* ALPHA
      DEL w_d
      RPUSH w_d 5
      SORT l BY w_*
      SORT l BY w_* LIMIT 1 2
      SORT l BY #*
      SORT l BY *
    `),
  },
  {
    name: 'SORT reads weights like strtod: leading spaces, empty strings, hex, infinities',
    commands: [
      ['RPUSH', 'l', 'a', 'b', 'c', 'd', 'e', 'f'],
      ['SET', 'w_a', '  4'],
      ['SET', 'w_b', ''],
      ['SET', 'w_c', '0x10'],
      ['SET', 'w_d', '-inf'],
      ['SET', 'w_e', '1e2'],
      ['SET', 'w_f', '\t-3'],
      ['SORT', 'l', 'BY', 'w_*'],
      ['SET', 'w_f', '3 '],
      ['SORT', 'l', 'BY', 'w_*'],
      ['SET', 'w_f', 'nan'],
      ['SORT', 'l', 'BY', 'w_*'],
      ['SET', 'w_f', ' '],
      ['SORT', 'l', 'BY', 'w_*'],
      ['SET', 'w_f', Buffer.from('7\u0000junk', 'latin1')],
      ['SORT', 'l', 'BY', 'w_*'],
      // Last: Redis does not clear errno before strtod, so after this overflow its later SORTs fail too.
      ['SET', 'w_f', '1e400'],
      ['SORT', 'l', 'BY', 'w_*'],
    ],
  },
  {
    name: 'SORT GET fetches strings and hash fields per element, # being the element itself',
    commands: lines(`
      RPUSH l 2 1 3
      SET v_1 one
      SET v_2 two
      RPUSH v_3 notastring
      SORT l GET #
      SORT l GET v_*
      SORT l GET # GET v_* GET nostar
      SORT l DESC LIMIT 0 2 GET v_* GET #
      HSET h_1 name ann rank 3
      HSET h_2 name bob rank 1
      HSET h_3 name cid rank 2
      SORT l BY h_*->rank GET h_*->name
      SORT l BY h_*->rank DESC GET # GET h_*->rank
      SORT l BY h_*->missing GET h_*->name
      SORT l GET h_*->
      SORT l GET v_*->name
      SORT l BY v_*->x GET h_*->name
      SORT l BY h_*-> GET #
    `),
  },
  {
    name: 'SORT STORE writes a list, replacing the destination, and deletes it for an empty result',
    commands: lines(`
      RPUSH l 3 1 2
      SET dst old EXAT ${FAR}
      SORT l STORE dst
      TYPE dst
      LRANGE dst 0 -1
      EXPIRETIME dst
      SORT l DESC LIMIT 0 2 STORE dst
      LRANGE dst 0 -1
      SORT l GET v_* STORE dst
      LRANGE dst 0 -1
      SET v_1 one
      SORT l GET # GET v_* STORE dst
      LRANGE dst 0 -1
      SORT missing STORE dst
      EXISTS dst
      SORT l LIMIT 5 1 STORE dst
      SORT l STORE dst STORE other
      EXISTS dst other
      SORT l STORE l
      LRANGE l 0 -1
    `),
  },
  {
    name: 'SORT of sets: numeric and ALPHA sorting, and ALPHA order when storing an unsorted set',
    commands: lines(`
      SADD si 5 -1 10 3
      SORT si
      SORT si DESC LIMIT 0 2
      SADD s banana apple cherry
      SORT s ALPHA
      SORT s ALPHA DESC
      SORT s
      SORT s BY nosort STORE dst
      LRANGE dst 0 -1
      SORT s BY nosort LIMIT 0 2 STORE dst
      LRANGE dst 0 -1
      SORT s ALPHA LIMIT 1 1
    `),
  },
  {
    name: 'SORT refuses strings and hashes, non-numbers and malformed options',
    commands: lines(`
      SET s v
      HSET h f v
      SORT s
      SORT h
      SORT_RO s
      RPUSH l 1 x
      SORT l
      SORT l STORE dst
      EXISTS dst
      SORT l ALPHA
      SORT l BY
      SORT l GET
      SORT l STORE
      SORT l RANDOM
      SORT l LIMIT 0 1 RANDOM
      SORT s RANDOM
      SORT_RO l STORE dst
      SORT
      SORT_RO
    `),
  },
  {
    name: 'RESP3 shapes of keyspace replies',
    resp3: true,
    commands: lines(`
      SET k v
      TYPE k
      TTL k
      EXISTS k missing
      SCAN 0
      SCAN 0 MATCH nothing*
      KEYS k*
      OBJECT ENCODING missing
      OBJECT ENCODING k
      DUMP missing
      MEMORY USAGE missing
      RANDOMKEY
      RPUSH l 2 1
      SORT l
      SORT l GET nothing*
      COPY k k2
      RENAMENX k2 k
      RESTORE k 0 junk
      OBJECT HELP
    `),
  },
];
