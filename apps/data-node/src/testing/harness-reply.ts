// The plain values CommandHarness returns for unit-test assertions, read from the bytes a command wrote by
// @tessera/resp's ReplyDecoder (latin1 strings): simple and bulk strings and verbatim text as strings, errors
// as ReplyError, integers and doubles as numbers, arrays as arrays, maps as Map, sets as Set, pushes as Push.
// Test support only.
import { ReplyDecoder, RespError, RespPush, RespVerbatim, type RespValue } from '@tessera/resp';

export class ReplyError {
  constructor(readonly message: string) {}
}

export class Push {
  constructor(readonly items: Reply[]) {}
}

export type Reply =
  string | number | boolean | null | ReplyError | Push | Reply[] | Map<Reply, Reply> | Set<Reply>;

/** Decodes every reply in `bytes`. Throws on malformed or incomplete input (a bug in the writer). */
export function decodeReplies(bytes: Buffer): Reply[] {
  const replies: Reply[] = [];
  const decoder = new ReplyDecoder(
    {
      reply: (value) => replies.push(toReply(value)),
      protocolError: (error) => {
        throw error;
      },
    },
    { strings: 'latin1', attributes: 'drop' },
  );
  decoder.feed(bytes);
  if (decoder.bufferedBytes !== 0) throw new Error(`incomplete reply after ${replies.length} replies`);
  return replies;
}

function toReply(value: RespValue): Reply {
  if (value === null || typeof value !== 'object') {
    // The data-node writes no RESP3 big numbers: a bigint is an integer beyond 2^53, read as a number.
    return typeof value === 'bigint' ? Number(value) : value;
  }
  if (Array.isArray(value)) return value.map(toReply);
  if (value instanceof RespError) return new ReplyError(value.message);
  if (value instanceof RespPush) return new Push(value.data.map(toReply));
  if (value instanceof RespVerbatim) return toReply(value.text);
  if (value instanceof Map) {
    const map = new Map<Reply, Reply>();
    for (const [k, v] of value) map.set(toReply(k), toReply(v));
    return map;
  }
  if (value instanceof Set) return new Set([...value].map(toReply));
  if (Buffer.isBuffer(value)) return value.toString('latin1');
  throw new Error(`unexpected reply value ${String(value)}`);
}
