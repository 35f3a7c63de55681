import { describe, expect, it } from 'vitest';
import { CommandHarness, ReplyError } from '../../testing/command-harness.js';

describe('CONFIG GET', () => {
  it('matches names and aliases by glob, each once, as a map', () => {
    const h = new CommandHarness();
    const reply = h.run('CONFIG', 'GET', 'maxmemory*', 'maxmemory') as string[];
    const map = new Map<string, string>();
    for (let i = 0; i < reply.length; i += 2) map.set(reply[i] as string, reply[i + 1] as string);
    expect(map.get('maxmemory')).toBe('0');
    expect(map.get('maxmemory-policy')).toBe('noeviction');
    expect(reply.filter((name) => name === 'maxmemory')).toHaveLength(1);
    expect(h.run('CONFIG', 'GET', 'slaveof')).toEqual(['slaveof', '']);
    expect(h.run('CONFIG', 'GET', 'nosuch')).toEqual([]);
  });

  it('answers a RESP3 map', () => {
    const h = new CommandHarness();
    h.run('HELLO', '3');
    expect(h.run('CONFIG', 'GET', 'hz')).toEqual(new Map([['hz', '10']]));
  });
});

describe('CONFIG SET', () => {
  it('sets several directives at once and applies normalized values', () => {
    const h = new CommandHarness();
    expect(h.run('CONFIG', 'SET', 'maxmemory', '1mb', 'hz', '1000', 'maxmemory-policy', 'ALLKEYS-LRU')).toBe(
      'OK',
    );
    expect(h.run('CONFIG', 'GET', 'maxmemory')).toEqual(['maxmemory', '1048576']);
    expect(h.run('CONFIG', 'GET', 'hz')).toEqual(['hz', '500']); // clamped like Redis
    expect(h.run('CONFIG', 'GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'allkeys-lru']);
  });

  it('changes nothing when any pair is invalid', () => {
    const h = new CommandHarness();
    expect(h.run('CONFIG', 'SET', 'hz', '20', 'maxmemory', 'lots')).toEqual(
      new ReplyError(
        "ERR CONFIG SET failed (possibly related to argument 'maxmemory') - argument must be a memory value",
      ),
    );
    expect(h.run('CONFIG', 'GET', 'hz')).toEqual(['hz', '10']);
  });

  it("answers Redis's texts for unknown, immutable, duplicate and malformed settings", () => {
    const h = new CommandHarness();
    expect(h.run('CONFIG', 'SET', 'foo', 'bar')).toEqual(
      new ReplyError("ERR Unknown option or number of arguments for CONFIG SET - 'foo'"),
    );
    expect(h.run('CONFIG', 'SET', 'maxmemory', '1', 'foo', '2')).toEqual(
      new ReplyError("ERR Unknown option or number of arguments for CONFIG SET - 'foo'"),
    );
    expect(h.run('CONFIG', 'SET', 'daemonize', 'yes')).toEqual(
      new ReplyError(
        "ERR CONFIG SET failed (possibly related to argument 'daemonize') - can't set immutable config",
      ),
    );
    expect(h.run('CONFIG', 'SET', 'maxmemory', '1', 'maxmemory', '2')).toEqual(
      new ReplyError(
        "ERR CONFIG SET failed (possibly related to argument 'maxmemory') - duplicate parameter",
      ),
    );
    expect(h.run('CONFIG', 'SET', 'maxmemory', '1', 'hz')).toEqual(new ReplyError('ERR syntax error'));
    expect(h.run('CONFIG', 'SET', 'MAXMEMORY', '-1')).toEqual(
      new ReplyError(
        "ERR CONFIG SET failed (possibly related to argument 'maxmemory') - argument must be a memory value",
      ),
    );
    expect(h.run('CONFIG', 'SET', 'protected-mode', 'maybe')).toEqual(
      new ReplyError(
        "ERR CONFIG SET failed (possibly related to argument 'protected-mode') - argument must be 'yes' or 'no'",
      ),
    );
    expect(h.run('CONFIG', 'SET', 'maxclients', '0')).toEqual(
      new ReplyError(
        "ERR CONFIG SET failed (possibly related to argument 'maxclients') - argument must be between 1 and 4294967295 inclusive",
      ),
    );
  });

  it('validates and merges client-output-buffer-limit class by class', () => {
    const h = new CommandHarness();
    expect(h.run('CONFIG', 'SET', 'client-output-buffer-limit', 'pubsub 1mb 512kb 30')).toBe('OK');
    expect(h.run('CONFIG', 'GET', 'client-output-buffer-limit')).toEqual([
      'client-output-buffer-limit',
      'normal 0 0 0 slave 268435456 67108864 60 pubsub 1048576 524288 30',
    ]);
    expect(h.state.limits.output.pubsub).toEqual({ hard: 1048576, soft: 524288, softSeconds: 30 });
    expect(h.run('CONFIG', 'SET', 'client-output-buffer-limit', 'normal 1 2')).toEqual(
      new ReplyError(
        "ERR CONFIG SET failed (possibly related to argument 'client-output-buffer-limit') - Wrong number of arguments in buffer limit configuration.",
      ),
    );
    expect(h.run('CONFIG', 'SET', 'client-output-buffer-limit', 'master 1 2 3')).toEqual(
      new ReplyError(
        "ERR CONFIG SET failed (possibly related to argument 'client-output-buffer-limit') - Invalid client class specified in buffer limit configuration.",
      ),
    );
  });

  it('keeps a new password out of the slow log', () => {
    const h = new CommandHarness({ config: { 'slowlog-log-slower-than': '0' } });
    h.run('CONFIG', 'SET', 'requirepass', 'hunter2', 'hz', '10');
    const [entry] = h.run('SLOWLOG', 'GET', '1') as [unknown[]];
    expect(entry[3]).toEqual(['CONFIG', 'SET', 'requirepass', '(redacted)', 'hz', '10']);
  });
});

describe('CONFIG REWRITE and RESETSTAT', () => {
  it('refuses to rewrite without a config file', () => {
    const h = new CommandHarness();
    expect(h.run('CONFIG', 'REWRITE')).toEqual(
      new ReplyError('ERR The server is running without a config file'),
    );
  });

  it('zeroes INFO counters but keeps the slow log', () => {
    const h = new CommandHarness({ config: { 'slowlog-log-slower-than': '0' } });
    h.run('GET', 'missing');
    h.run('GET');
    expect(h.run('CONFIG', 'RESETSTAT')).toBe('OK');
    const info = h.run('INFO', 'stats', 'commandstats', 'errorstats') as string;
    expect(info).toContain('keyspace_misses:0\r\n');
    expect(info).toContain('total_error_replies:0\r\n');
    expect(info).not.toContain('cmdstat_get');
    expect(info).toContain('cmdstat_config|resetstat:calls=1,');
    expect(h.run('SLOWLOG', 'LEN')).toBeGreaterThan(0);
  });
});
