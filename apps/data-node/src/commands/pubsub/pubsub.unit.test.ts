import { describe, expect, it } from 'vitest';
import { CommandHarness, Push, ReplyError } from '../../testing/command-harness.js';

describe('SUBSCRIBE and PUBLISH', () => {
  it('delivers a published message to channel and pattern subscribers', () => {
    const h = new CommandHarness();
    const sub = h.newClient();
    const psub = h.newClient();
    expect(sub.runAll('SUBSCRIBE', 'news', 'sports')).toEqual([
      ['subscribe', 'news', 1],
      ['subscribe', 'sports', 2],
    ]);
    expect(psub.run('PSUBSCRIBE', 'n*')).toEqual(['psubscribe', 'n*', 1]);
    expect(h.run('PUBLISH', 'news', 'hello')).toBe(2);
    expect(sub.replies()).toEqual([['message', 'news', 'hello']]);
    expect(psub.replies()).toEqual([['pmessage', 'n*', 'news', 'hello']]);
  });

  it('sends RESP3 push frames to RESP3 subscribers', () => {
    const h = new CommandHarness();
    const sub = h.newClient();
    sub.state.writer.protocol = 3;
    expect(sub.run('SUBSCRIBE', 'c')).toEqual(new Push(['subscribe', 'c', 1]));
    h.run('PUBLISH', 'c', 'm');
    expect(sub.replies()).toEqual([new Push(['message', 'c', 'm'])]);
  });

  it('restricts a RESP2 subscriber to pub/sub commands and answers PING as an array', () => {
    const h = new CommandHarness();
    h.run('SUBSCRIBE', 'c');
    expect(h.run('GET', 'k')).toEqual(
      new ReplyError(
        "ERR Can't execute 'get': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context",
      ),
    );
    expect(h.run('PING')).toEqual(['pong', '']);
    expect(h.run('UNSUBSCRIBE')).toEqual(['unsubscribe', 'c', 0]);
    expect(h.run('PING')).toBe('PONG');
  });

  it('confirms UNSUBSCRIBE with no subscriptions once with a null channel', () => {
    const h = new CommandHarness();
    expect(h.run('UNSUBSCRIBE')).toEqual(['unsubscribe', null, 0]);
    expect(h.run('PUNSUBSCRIBE')).toEqual(['punsubscribe', null, 0]);
  });

  it('keeps shard channels apart from classic channels', () => {
    const h = new CommandHarness();
    const sub = h.newClient();
    sub.run('SSUBSCRIBE', 'orders');
    expect(h.run('PUBLISH', 'orders', 'x')).toBe(0);
    expect(h.run('SPUBLISH', 'orders', 'y')).toBe(1);
    expect(sub.replies()).toEqual([['smessage', 'orders', 'y']]);
  });
});

describe('PUBSUB introspection', () => {
  it('lists channels, counts subscribers and patterns', () => {
    const h = new CommandHarness();
    const a = h.newClient();
    const b = h.newClient();
    a.runAll('SUBSCRIBE', 'news', 'sports');
    b.run('SUBSCRIBE', 'news');
    b.run('PSUBSCRIBE', 's*');
    b.run('SSUBSCRIBE', 'shard1');
    expect((h.run('PUBSUB', 'CHANNELS') as string[]).sort()).toEqual(['news', 'sports']);
    expect(h.run('PUBSUB', 'CHANNELS', 'n*')).toEqual(['news']);
    expect(h.run('PUBSUB', 'NUMSUB', 'news', 'sports', 'none')).toEqual(['news', 2, 'sports', 1, 'none', 0]);
    expect(h.run('PUBSUB', 'NUMPAT')).toBe(1);
    expect(h.run('PUBSUB', 'SHARDCHANNELS')).toEqual(['shard1']);
    expect(h.run('PUBSUB', 'SHARDNUMSUB', 'shard1')).toEqual(['shard1', 1]);
  });

  it('rejects an unknown subcommand with the Redis text', () => {
    const h = new CommandHarness();
    expect(h.run('PUBSUB', 'NOPE')).toEqual(
      new ReplyError("ERR unknown subcommand 'NOPE'. Try PUBSUB HELP."),
    );
  });
});
