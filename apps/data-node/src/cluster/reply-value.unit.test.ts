// The gossip-agent's typed reply values become the bytes the data-node's own commands would write: RESP2 and
// RESP3 alike (maps flatten in RESP2, null is $-1 or _, verbatim text is a bulk string in RESP2), and a
// malformed value becomes an error instead of a broken frame.
import { ReplyWriter } from '@tessera/resp';
import type { ClusterCommandResponse, ReplyValue } from '@tessera/proto';
import { describe, expect, it } from 'vitest';
import type { AgentReply } from './agent-link.js';
import { agentReplyOf, MAX_REPLY_DEPTH, writeAgentReply } from './reply-value.js';

const simple = (value: string): ReplyValue => ({ kind: { $case: 'simple', value } });
const integer = (value: bigint): ReplyValue => ({ kind: { $case: 'integer', value } });
const bulk = (text: string): ReplyValue => ({ kind: { $case: 'bulk', value: Buffer.from(text, 'latin1') } });
const array = (...values: ReplyValue[]): ReplyValue => ({ kind: { $case: 'array', value: { values } } });
const nil: ReplyValue = { kind: { $case: 'null', value: {} } };

function response(reply: ReplyValue): ClusterCommandResponse {
  return { outcome: { $case: 'reply', value: reply }, agentInstanceId: 'a1', topologyVersion: 3n };
}

/** The bytes `reply` is written as, in `protocol`, and the errors passed to the error callback. */
function written(reply: AgentReply, protocol: 2 | 3): { bytes: string; errors: string[] } {
  const writer = new ReplyWriter();
  writer.protocol = protocol;
  const errors: string[] = [];
  writeAgentReply(
    writer,
    (text) => {
      errors.push(text);
      writer.error(text);
    },
    reply,
  );
  return { bytes: writer.take()?.toString('latin1') ?? '', errors };
}

describe('agentReplyOf', () => {
  it('reads +OK as ok, another simple string as a status line, and an error as its text', () => {
    expect(agentReplyOf(response(simple('OK')))).toEqual({ kind: 'ok' });
    expect(agentReplyOf(response(simple('BUMPED 7')))).toEqual({ kind: 'status', text: 'BUMPED 7' });
    expect(
      agentReplyOf({
        outcome: { $case: 'error', value: 'ERR Slot 3 is already busy' },
        agentInstanceId: '',
        topologyVersion: 0n,
      }),
    ).toEqual({ kind: 'error', text: 'ERR Slot 3 is already busy' });
  });

  it('turns a response or value without a kind, or nesting past the limit, into a malformed-reply error', () => {
    const malformed = { kind: 'error', text: 'ERR the gossip-agent sent a malformed reply' };
    expect(agentReplyOf({ agentInstanceId: '', topologyVersion: 0n })).toEqual(malformed);
    expect(agentReplyOf(response(array(bulk('a'), {})))).toEqual(malformed);
    let deep = integer(1n);
    for (let i = 0; i <= MAX_REPLY_DEPTH; i++) deep = array(deep);
    expect(agentReplyOf(response(deep))).toEqual(malformed);
  });
});

describe('writeAgentReply', () => {
  const nested: ReplyValue = array(
    integer(-5n),
    bulk('a\r\nb'),
    nil,
    { kind: { $case: 'verbatimText', value: Buffer.from('cluster_state:ok\r\n') } },
    {
      kind: {
        $case: 'map',
        value: {
          entries: [
            { key: bulk('direction'), value: bulk('to') },
            { key: bulk('node'), value: integer(2n ** 62n) },
          ],
        },
      },
    },
    simple('PONG'),
  );

  it('writes every kind in RESP2: maps as flat arrays, null as $-1, verbatim text as a bulk string', () => {
    expect(written(agentReplyOf(response(nested)), 2).bytes).toBe(
      '*6\r\n:-5\r\n$4\r\na\r\nb\r\n$-1\r\n$18\r\ncluster_state:ok\r\n\r\n' +
        '*4\r\n$9\r\ndirection\r\n$2\r\nto\r\n$4\r\nnode\r\n:4611686018427387904\r\n+PONG\r\n',
    );
  });

  it('writes every kind in RESP3: maps as %, null as _, verbatim text as =txt', () => {
    expect(written(agentReplyOf(response(nested)), 3).bytes).toBe(
      '*6\r\n:-5\r\n$4\r\na\r\nb\r\n_\r\n=22\r\ntxt:cluster_state:ok\r\n\r\n' +
        '%2\r\n$9\r\ndirection\r\n$2\r\nto\r\n$4\r\nnode\r\n:4611686018427387904\r\n+PONG\r\n',
    );
  });

  it('writes ok and status lines as simple strings and errors through the error callback', () => {
    expect(written({ kind: 'ok' }, 3)).toEqual({ bytes: '+OK\r\n', errors: [] });
    expect(written({ kind: 'status', text: 'BUMPED 2' }, 2)).toEqual({ bytes: '+BUMPED 2\r\n', errors: [] });
    expect(written({ kind: 'error', text: 'ERR Unknown node x' }, 2)).toEqual({
      bytes: '-ERR Unknown node x\r\n',
      errors: ['ERR Unknown node x'],
    });
  });
});
