import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AskError } from './ask-error.js';
import { MovedError } from './moved-error.js';

const hostChars = fc.constantFrom(...'abcxyz0189.-:ABZ'.split(''));
const host = fc.string({ unit: hostChars, maxLength: 40 });
const slot = fc.integer({ min: 0, max: 16383 });
const port = fc.integer({ min: 1, max: 65535 });

describe.each([
  { kind: 'MOVED', parse: MovedError.parse, type: MovedError },
  { kind: 'ASK', parse: AskError.parse, type: AskError },
])('$kind redirect text', ({ kind, parse, type }) => {
  it('round-trips every valid slot, host and port', () => {
    fc.assert(
      fc.property(slot, host, port, (s, h, p) => {
        const text = `${kind} ${s} ${h}:${p}`;
        const parsed = parse(text);
        expect(parsed).toBeInstanceOf(type);
        expect({ slot: parsed?.slot, host: parsed?.host, port: parsed?.port }).toEqual({
          slot: s,
          host: h,
          port: p,
        });
        expect(parsed?.message).toBe(text);
      }),
    );
  });

  it('either rejects any text or parses it to a redirect that prints back to the same text', () => {
    const noise = fc.oneof(
      fc.string(),
      fc
        .tuple(fc.string({ maxLength: 6 }), fc.string({ maxLength: 12 }))
        .map(([a, b]) => `${kind} ${a} ${b}`),
      fc
        .tuple(fc.integer({ min: -5, max: 100_000 }), host, fc.integer({ min: -1, max: 70_000 }))
        .map(([s, h, p]) => `${kind} ${s} ${h}:${p}`),
    );
    fc.assert(
      fc.property(noise, (text) => {
        const parsed = parse(text);
        if (parsed !== null) expect(parsed.message).toBe(text);
      }),
    );
  });

  it.each([
    ['a slot above 16383', `${kind} 99999 127.0.0.1:7000`],
    ['slot 16384', `${kind} 16384 127.0.0.1:7000`],
    ['a negative slot', `${kind} -1 127.0.0.1:7000`],
    ['a slot with a leading zero', `${kind} 007 127.0.0.1:7000`],
    ['an endpoint without a port', `${kind} 12 garbage`],
    ['port 0', `${kind} 12 127.0.0.1:0`],
    ['port 65536', `${kind} 12 127.0.0.1:65536`],
    ['a port that is not a number', `${kind} 12 127.0.0.1:http`],
    ['the unknown-hostname marker ?', `${kind} 12 ?:7000`],
    ['a host with a space', `${kind} 12 a b:7000`],
    ['an extra token', `${kind} 12 127.0.0.1:7000 now`],
    ['a missing endpoint', `${kind} 12`],
    ['a longer prefix', `${kind}X 12 127.0.0.1:7000`],
    ['another kind', `${kind === 'ASK' ? 'MOVED' : 'ASK'} 12 127.0.0.1:7000`],
  ])('rejects %s', (_what, text) => {
    expect(parse(text)).toBeNull();
  });

  it('keeps an empty host (unknown endpoint: reuse the host that replied) and IPv6 hosts', () => {
    expect(parse(`${kind} 3999 :6381`)).toMatchObject({ slot: 3999, host: '', port: 6381 });
    expect(parse(`${kind} 1 ::1:7000`)).toMatchObject({ slot: 1, host: '::1', port: 7000 });
  });

  it('carries the RESP prefix as its code', () => {
    expect(parse(`${kind} 0 h:1`)?.code).toBe(kind);
  });
});
