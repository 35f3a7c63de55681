// Property tests of ReplyDecoder: every reply type, nested, survives encode (ReplyWriter) -> decode under
// whole-buffer, byte-by-byte and random splits; garbage and mutated frames never throw, emit at most one
// error, and memory held stays within the input received.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  decodeReplies,
  encodeReplies,
  expectedValue,
  replyNode,
  type ReplyEvent,
} from '../testing/reply-model.js';
import { splitAt, splitChunks } from '../testing/split-chunks.js';
import type { ReplyDecoderOptions } from './reply-decoder-options.js';

const splits = fc.array(fc.nat(), { maxLength: 20 });
/** Limits small enough to trip on generated replies. */
const smallLimits: fc.Arbitrary<Partial<ReplyDecoderOptions>> = fc.record(
  {
    maxDepth: fc.constantFrom(1, 2, 4, 128),
    maxBulkLength: fc.constantFrom(0, 5, 20, 536_870_912),
    maxAggregateLength: fc.constantFrom(0, 1, 3, 4_294_967_295),
    maxLineLength: fc.constantFrom(2, 8, 30, 1_048_576),
    attributes: fc.constantFrom<ReplyDecoderOptions['attributes']>('wrap', 'drop'),
  },
  { requiredKeys: [] },
);
const stringsMode = fc.constantFrom<ReplyDecoderOptions['strings']>('buffer', 'utf8', 'latin1');

function runAllWays(input: Buffer, cuts: number[], options?: Partial<ReplyDecoderOptions>): ReplyEvent[] {
  const whole = decodeReplies(splitChunks(input, 'whole-buffer'), options);
  const bytes = decodeReplies(splitChunks(input, 'byte-by-byte'), options);
  const random = decodeReplies(splitAt(input, cuts), options);
  expect(bytes.events).toEqual(whole.events);
  expect(random.events).toEqual(whole.events);
  for (const run of [whole, bytes, random]) expect(run.maxBuffered).toBeLessThanOrEqual(input.length);
  return whole.events;
}

function mutate(bytes: Buffer, kind: number, at: number, value: number): Buffer {
  const out = Buffer.from(bytes);
  const i = at % Math.max(1, out.length);
  const text = out.toString('latin1');
  switch (kind) {
    case 0:
      out[i] = value & 0xff;
      return out;
    case 1: {
      const crlf = text.indexOf('\r\n', i);
      return crlf < 0 ? out : Buffer.concat([out.subarray(0, crlf), out.subarray(crlf + 2)]);
    }
    case 2:
      return Buffer.from(text.replace(/([*$%~>|!=;])(\d)/, '$1-$2'), 'latin1');
    case 3:
      return Buffer.from(text.replace(/([*$%~>|!=;])\d+/, '$19223372036854775808'), 'latin1');
    case 4:
      return out.subarray(0, i);
    default:
      out[0] = value & 0xff;
      return out;
  }
}

describe('ReplyDecoder properties', () => {
  test.prop([fc.array(replyNode, { maxLength: 6 }), stringsMode, splits])(
    'decodes what ReplyWriter encodes, for every type and nesting, under any split',
    (nodes, strings, cuts) => {
      const events = runAllWays(encodeReplies(nodes), cuts, { strings });
      expect(events).toEqual(nodes.map((n) => ({ reply: expectedValue(n, strings) })));
    },
  );

  test.prop([fc.array(replyNode, { maxLength: 4 }), smallLimits, stringsMode, splits])(
    'emits the same events under any split whatever the limits',
    (nodes, options, strings, cuts) => {
      const events = runAllWays(encodeReplies(nodes), cuts, { ...options, strings });
      expect(events.filter((e) => 'error' in e).length).toBeLessThanOrEqual(1);
    },
  );

  test.prop([fc.uint8Array({ maxLength: 300 }), splits])(
    'never throws on random bytes and reports at most one error, last',
    (garbage, cuts) => {
      const events = runAllWays(Buffer.from(garbage), cuts, { maxLineLength: 64, maxDepth: 8 });
      const errors = events.filter((e) => 'error' in e);
      expect(errors.length).toBeLessThanOrEqual(1);
      if (errors.length === 1) expect(events.at(-1)).toEqual(errors[0]);
    },
  );

  test.prop([fc.array(replyNode, { minLength: 1, maxLength: 4 }), fc.nat(5), fc.nat(), fc.nat(255), splits])(
    'never throws on mutated replies (flipped bytes, dropped CRLF, negated or overflowing lengths)',
    (nodes, kind, at, value, cuts) => {
      const input = mutate(encodeReplies(nodes), kind, at, value);
      const events = runAllWays(input, cuts, { maxBulkLength: 1024, maxAggregateLength: 1024, maxDepth: 16 });
      expect(events.filter((e) => 'error' in e).length).toBeLessThanOrEqual(1);
    },
  );
});
