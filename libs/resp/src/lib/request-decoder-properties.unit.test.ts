// Property tests of RequestDecoder: chunk-boundary invariance on valid and hostile streams, encode ->
// decode round trips, and bounded memory on garbage. Every run compares whole-buffer, byte-by-byte and
// fast-check-chosen splits.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { decodeRequests, type RequestRun } from '../testing/request-events.js';
import { splitAt, splitChunks } from '../testing/split-chunks.js';
import { encodeCommand } from './encode-command.js';
import type { RequestLimits } from './request-limits.js';

/** One command and the bytes that encode it (multibulk, or inline with \xHH-quoted arguments). */
interface Encoded {
  args: string[];
  bytes: Buffer;
}

const binaryArg = fc.uint8Array({ maxLength: 40 }).map((a) => Buffer.from(a).toString('latin1'));
const crlfHeavyArg = fc
  .array(fc.constantFrom('\r', '\n', '\r\n', '*', '$', '0', 'a', '\0'), { maxLength: 12 })
  .map((parts) => parts.join(''));
const wordArg = fc.stringMatching(/^[A-Za-z0-9_:.-]{1,10}$/);

const multibulk: fc.Arbitrary<Encoded> = fc
  .array(fc.oneof(binaryArg, crlfHeavyArg, wordArg), { minLength: 1, maxLength: 6 })
  .map((args) => ({ args, bytes: encodeCommand(args) }));

/** Inline: plain words, or double-quoted arguments where every byte is a \xHH escape. */
const inline: fc.Arbitrary<Encoded> = fc
  .array(fc.oneof(wordArg, binaryArg), { minLength: 1, maxLength: 5 })
  .chain((args) =>
    fc.constantFrom('\r\n', '\n').map((end) => {
      const words = args.map((a) =>
        /^[A-Za-z0-9_:.-]+$/.test(a)
          ? a
          : `"${[...Buffer.from(a, 'latin1')].map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join('')}"`,
      );
      return { args, bytes: Buffer.from(`${words.join(' \t')}${end}`, 'latin1') };
    }),
  );

const ignorable = fc.constantFrom('\r\n', '\n', ' \r\n', '*0\r\n', '*-1\r\n', '*-42\r\n');

const stream = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: multibulk },
    { weight: 2, arbitrary: inline },
    {
      weight: 1,
      arbitrary: ignorable.map((s) => ({ args: [], bytes: Buffer.from(s) })),
    },
  ),
  { maxLength: 12 },
);

const splits = fc.array(fc.nat(), { maxLength: 20 });

/** Limits small enough to trip on generated input, so fast and general paths meet every limit. */
const limits: fc.Arbitrary<Partial<RequestLimits>> = fc.record(
  {
    maxInlineLength: fc.constantFrom(4, 16, 64, 65_536),
    maxBulkLength: fc.constantFrom(0, 3, 40, 536_870_912),
    maxMultibulkLength: fc.constantFrom(0, 2, 5, 2_147_483_647),
    authenticated: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** Runs whole, byte-by-byte and at `cuts`; asserts all three saw the same events and returns one run. */
function runAllWays(input: Buffer, cuts: number[], limits?: Partial<RequestLimits>): RequestRun {
  const whole = decodeRequests(splitChunks(input, 'whole-buffer'), limits);
  const bytes = decodeRequests(splitChunks(input, 'byte-by-byte'), limits);
  const random = decodeRequests(splitAt(input, cuts), limits);
  expect(bytes.events).toEqual(whole.events);
  expect(random.events).toEqual(whole.events);
  for (const run of [whole, bytes, random]) expect(run.maxBuffered).toBeLessThanOrEqual(input.length);
  return whole;
}

/** Hostile variations of a valid frame. */
function mutate(bytes: Buffer, kind: number, at: number, value: number): Buffer {
  const out = Buffer.from(bytes);
  const i = at % Math.max(1, out.length);
  switch (kind) {
    case 0: // flip the byte
      out[i] = value & 0xff;
      return out;
    case 1: // drop a CRLF
      return dropFirst(out, '\r\n', i);
    case 2: // negate a length
      return Buffer.from(out.toString('latin1').replace(/([*$])(\d)/, '$1-$2'), 'latin1');
    case 3: // overflowing length
      return Buffer.from(out.toString('latin1').replace(/([*$])\d+/, '$19223372036854775808'), 'latin1');
    case 4: // truncate
      return out.subarray(0, i);
    default: // change the type byte
      out[0] = value & 0xff;
      return out;
  }
}

function dropFirst(bytes: Buffer, needle: string, from: number): Buffer {
  const i = bytes.indexOf(needle, from, 'latin1');
  const at = i < 0 ? bytes.indexOf(needle, 0, 'latin1') : i;
  return at < 0 ? bytes : Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + needle.length)]);
}

describe('RequestDecoder properties', () => {
  test.prop([stream, splits])(
    'decodes any valid request stream to its commands under any split',
    (commands, cuts) => {
      const input = Buffer.concat(commands.map((c) => c.bytes));
      const run = runAllWays(input, cuts);
      expect(run.events).toEqual(commands.filter((c) => c.args.length > 0).map((c) => ({ command: c.args })));
      expect(run.buffered).toBe(0);
    },
  );

  test.prop([stream, limits, splits])(
    'emits the same events under any split whatever the limits',
    (commands, someLimits, cuts) => {
      const run = runAllWays(Buffer.concat(commands.map((c) => c.bytes)), cuts, someLimits);
      expect(run.events.filter((e) => 'error' in e).length).toBeLessThanOrEqual(1);
    },
  );

  test.prop([fc.uint8Array({ maxLength: 300 }), splits])(
    'never throws on random bytes, reports at most one error, last, and holds no more than it got',
    (garbage, cuts) => {
      const run = runAllWays(Buffer.from(garbage), cuts, { maxInlineLength: 64 });
      const errors = run.events.filter((e) => 'error' in e);
      expect(errors.length).toBeLessThanOrEqual(1);
      if (errors.length === 1) expect(run.events.at(-1)).toEqual(errors[0]);
    },
  );

  test.prop([stream, fc.nat(5), fc.nat(), fc.nat(255), splits])(
    'never throws on mutated frames (flipped bytes, dropped CRLF, negated or overflowing lengths)',
    (commands, kind, at, value, cuts) => {
      const input = mutate(Buffer.concat(commands.map((c) => c.bytes)), kind, at, value);
      const run = runAllWays(input, cuts, { maxInlineLength: 256, maxBulkLength: 1024 });
      expect(run.events.filter((e) => 'error' in e).length).toBeLessThanOrEqual(1);
    },
  );

  test.prop([
    fc.constantFrom('\0', '*\0', '*1\r\n$\0', '*', '*1\r\n$'),
    fc.integer({ min: 1, max: 4000 }),
    splits,
  ])(
    'ends a desync seed followed by a flood with one protocol error and bounded memory',
    (seed, flood, cuts) => {
      const input = Buffer.from(seed + 'x'.repeat(flood), 'latin1');
      const run = runAllWays(input, cuts, { maxInlineLength: 100 });
      const tooBig = input.length > 100 + (seed.startsWith('*1') ? 4 : 0);
      expect(run.events.length).toBe(tooBig ? 1 : 0);
      expect(run.maxBuffered).toBeLessThanOrEqual(Math.min(input.length, 104));
    },
  );
});
