// Test support: a model of RESP3 replies for property tests. `replyNode` generates nested replies of every
// type (streamed and attributed ones too), `encodeReply` writes one with ReplyWriter (raw bytes for the
// types the writer does not produce) and `expectedValue` is what ReplyDecoder must emit for it.
import fc from 'fast-check';
import { ReplyDecoder } from '../lib/reply-decoder.js';
import type { ReplyDecoderOptions } from '../lib/reply-decoder-options.js';
import { ReplyWriter } from '../lib/reply-writer.js';
import { RespError } from '../lib/resp-error.js';
import { RespAttributed, RespPush, RespVerbatim, type RespValue } from '../lib/resp-values.js';

export type ReplyNode =
  | { t: 'simple'; v: string }
  | { t: 'error'; v: string }
  | { t: 'integer'; v: bigint }
  | { t: 'bulk'; v: Buffer }
  | { t: 'null' | 'nullBulk' | 'nullArray' }
  | { t: 'boolean'; v: boolean }
  | { t: 'double'; v: number }
  | { t: 'bigNumber'; v: bigint }
  | { t: 'blobError'; v: string }
  | { t: 'verbatim'; format: string; v: Buffer }
  | { t: 'array' | 'set' | 'push' | 'streamedArray' | 'streamedSet'; items: ReplyNode[] }
  | { t: 'map' | 'streamedMap'; pairs: [ReplyNode, ReplyNode][] }
  | { t: 'attributed'; pairs: [ReplyNode, ReplyNode][]; value: ReplyNode }
  | { t: 'streamedString'; chunks: Buffer[] };

const bytes = fc.uint8Array({ maxLength: 24 }).map((a) => Buffer.from(a));
const lineText = fc.stringMatching(/^[ -~]{0,16}$/);

const leaf: fc.Arbitrary<ReplyNode> = fc.oneof(
  lineText.map((v) => ({ t: 'simple', v }) as const),
  fc.stringMatching(/^[A-Z]{1,8}( [ -~]{0,12})?$/).map((v) => ({ t: 'error', v }) as const),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((v) => ({ t: 'integer', v }) as const),
  bytes.map((v) => ({ t: 'bulk', v }) as const),
  fc.constantFrom({ t: 'null' } as const, { t: 'nullBulk' } as const, { t: 'nullArray' } as const),
  fc.boolean().map((v) => ({ t: 'boolean', v }) as const),
  fc.double().map((v) => ({ t: 'double', v }) as const),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map((v) => ({ t: 'bigNumber', v }) as const),
  fc.stringMatching(/^[A-Z]{1,8} [ -~]{0,12}$/).map((v) => ({ t: 'blobError', v }) as const),
  fc
    .tuple(fc.constantFrom('txt', 'mkd'), bytes)
    .map(([format, v]) => ({ t: 'verbatim', format, v }) as const),
  fc
    .array(
      bytes.filter((b) => b.length > 0),
      { maxLength: 3 },
    )
    .map((chunks) => ({ t: 'streamedString', chunks }) as const),
);

/** Nested replies of every type, depth-limited. */
export const replyNode: fc.Arbitrary<ReplyNode> = fc.letrec<{ node: ReplyNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc
      .tuple(
        fc.constantFrom('array', 'set', 'push', 'streamedArray', 'streamedSet'),
        fc.array(tie('node'), { maxLength: 4 }),
      )
      .map(([t, items]) => ({ t, items }) as ReplyNode),
    fc
      .tuple(
        fc.constantFrom('map', 'streamedMap'),
        fc.array(fc.tuple(tie('node'), tie('node')), { maxLength: 3 }),
      )
      .map(([t, pairs]) => ({ t, pairs }) as ReplyNode),
    fc
      .tuple(fc.array(fc.tuple(leaf, tie('node')), { minLength: 1, maxLength: 2 }), tie('node'))
      .map(([pairs, value]) => ({ t: 'attributed', pairs, value }) as ReplyNode),
  ),
})).node;

/** Writes `node` as RESP3 into `w`. */
export function writeReply(w: ReplyWriter, node: ReplyNode): void {
  switch (node.t) {
    case 'simple':
      return w.simple(node.v);
    case 'error':
      return w.error(node.v);
    case 'integer':
      return w.integer(node.v);
    case 'bulk':
      return w.bulk(node.v);
    case 'null':
      return w.raw('_\r\n');
    case 'nullBulk':
      return w.raw('$-1\r\n');
    case 'nullArray':
      return w.raw('*-1\r\n');
    case 'boolean':
      return w.boolean(node.v);
    case 'double':
      return w.double(node.v);
    case 'bigNumber':
      return w.bigNumber(node.v.toString());
    case 'blobError':
      return w.raw(`!${node.v.length}\r\n${node.v}\r\n`);
    case 'verbatim':
      return w.verbatim(node.v.toString('latin1'), node.format);
    case 'array':
    case 'set':
    case 'push':
      if (node.t === 'array') w.arrayHeader(node.items.length);
      else if (node.t === 'set') w.setHeader(node.items.length);
      else w.pushHeader(node.items.length);
      for (const item of node.items) writeReply(w, item);
      return;
    case 'streamedArray':
    case 'streamedSet':
      w.raw(node.t === 'streamedArray' ? '*?\r\n' : '~?\r\n');
      for (const item of node.items) writeReply(w, item);
      return w.raw('.\r\n');
    case 'map':
    case 'streamedMap':
      w.raw(node.t === 'map' ? `%${node.pairs.length}\r\n` : '%?\r\n');
      for (const [k, v] of node.pairs) {
        writeReply(w, k);
        writeReply(w, v);
      }
      if (node.t === 'streamedMap') w.raw('.\r\n');
      return;
    case 'attributed':
      w.raw(`|${node.pairs.length}\r\n`);
      for (const [k, v] of node.pairs) {
        writeReply(w, k);
        writeReply(w, v);
      }
      return writeReply(w, node.value);
    case 'streamedString':
      w.raw('$?\r\n');
      for (const chunk of node.chunks) {
        w.raw(`;${chunk.length}\r\n`);
        w.raw(chunk);
        w.raw('\r\n');
      }
      return w.raw(';0\r\n');
  }
}

/** RESP3 bytes of a stream of replies. */
export function encodeReplies(nodes: readonly ReplyNode[]): Buffer {
  const w = new ReplyWriter();
  w.protocol = 3;
  for (const node of nodes) writeReply(w, node);
  return w.take() ?? Buffer.alloc(0);
}

/** What ReplyDecoder must emit for `node` with the given `strings` option and attributes wrapped. */
export function expectedValue(node: ReplyNode, strings: ReplyDecoderOptions['strings']): RespValue {
  const blob = (b: Buffer): string | Buffer => (strings === 'buffer' ? b : b.toString(strings));
  const text = (s: string): string =>
    Buffer.from(s, 'latin1').toString(strings === 'latin1' ? 'latin1' : 'utf8');
  const each = (items: ReplyNode[]): RespValue[] => items.map((i) => expectedValue(i, strings));
  const map = (pairs: [ReplyNode, ReplyNode][]): Map<RespValue, RespValue> =>
    new Map(pairs.map(([k, v]) => [expectedValue(k, strings), expectedValue(v, strings)]));
  switch (node.t) {
    case 'simple':
      return text(node.v);
    case 'error':
    case 'blobError':
      return new RespError(text(node.v));
    case 'integer':
      return node.v >= BigInt(Number.MIN_SAFE_INTEGER) && node.v <= BigInt(Number.MAX_SAFE_INTEGER)
        ? Number(node.v)
        : node.v;
    case 'bulk':
      return blob(node.v);
    case 'null':
    case 'nullBulk':
    case 'nullArray':
      return null;
    case 'boolean':
    case 'double':
    case 'bigNumber':
      return node.v;
    case 'verbatim':
      return new RespVerbatim(node.format, blob(node.v));
    case 'array':
    case 'streamedArray':
      return each(node.items);
    case 'set':
    case 'streamedSet':
      return new Set(each(node.items));
    case 'push':
      return new RespPush(each(node.items));
    case 'map':
    case 'streamedMap':
      return map(node.pairs);
    case 'attributed':
      return new RespAttributed(map(node.pairs), expectedValue(node.value, strings));
    case 'streamedString':
      return blob(Buffer.concat(node.chunks));
  }
}

export type ReplyEvent = { reply: RespValue } | { error: string };

/** Feeds `chunks` to a fresh ReplyDecoder and records its events and the largest bufferedBytes seen. */
export function decodeReplies(
  chunks: readonly Buffer[],
  options?: Partial<ReplyDecoderOptions>,
): { events: ReplyEvent[]; maxBuffered: number; buffered: number } {
  const events: ReplyEvent[] = [];
  const decoder = new ReplyDecoder(
    {
      reply: (value) => events.push({ reply: value }),
      protocolError: (e) => events.push({ error: e.message }),
    },
    options,
  );
  let maxBuffered = 0;
  for (const chunk of chunks) {
    decoder.feed(chunk);
    maxBuffered = Math.max(maxBuffered, decoder.bufferedBytes);
  }
  return { events, maxBuffered, buffered: decoder.bufferedBytes };
}
