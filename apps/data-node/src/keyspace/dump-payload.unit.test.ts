import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restoreValue, RestoreOutcome } from '../commands/keys/restore-value.js';
import { COLLECTION_FACTORIES } from './collection-codecs.js';
import { crc64 } from './crc64.js';
import { Database } from './database.js';
import { decodeDumpPayload, DUMP_FORMAT_VERSION, DumpKind, encodeDumpPayload } from './dump-payload.js';
import { isCollection, type CollectionValue, type EncodingLimits } from './values.js';

/** A minimal list for the codec's own tests, independent of the real collection classes. */
class FakeList implements CollectionValue {
  readonly kind = 'list' as const;
  accountedBytes = 0;
  constructor(readonly items: string[]) {}
  get bytes(): number {
    return this.items.length;
  }
  get size(): number {
    return this.items.length;
  }
  clone(): FakeList {
    return new FakeList([...this.items]);
  }
  encoding(_limits: EncodingLimits): string {
    return 'quicklist';
  }
  toParts(): string[] {
    return [...this.items];
  }
  members(): Iterable<string> {
    return this.items;
  }
}

const fakeFactories = { list: (parts: readonly string[]) => new FakeList([...parts]) };
const byteString = fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('latin1'));

/** Frames `kindAndBody` with a valid version and checksum, so only its structure can be wrong. */
function sign(kindAndBody: Buffer, version = DUMP_FORMAT_VERSION): Buffer {
  const out = Buffer.alloc(kindAndBody.length + 10);
  kindAndBody.copy(out);
  out.writeUInt16LE(version, kindAndBody.length);
  const [hi, lo] = crc64(out, 0, kindAndBody.length + 2);
  out.writeUInt32LE(lo, kindAndBody.length + 2);
  out.writeUInt32LE(hi, kindAndBody.length + 6);
  return out;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

describe('encodeDumpPayload and decodeDumpPayload', () => {
  it('round-trip any byte string, stored as a string or a Buffer', () => {
    fc.assert(
      fc.property(byteString, (text) => {
        expect(decodeDumpPayload(encodeDumpPayload(text))).toBe(text);
        expect(decodeDumpPayload(encodeDumpPayload(Buffer.from(text, 'latin1')))).toBe(text);
      }),
    );
  });

  it('round-trip the parts of a collection through the factory of its kind', () => {
    fc.assert(
      fc.property(fc.array(byteString, { minLength: 1, maxLength: 20 }), (items) => {
        const decoded = decodeDumpPayload(encodeDumpPayload(new FakeList(items)), fakeFactories);
        expect(decoded).toBeInstanceOf(FakeList);
        expect((decoded as FakeList).items).toEqual(items);
      }),
    );
  });

  it('round-trip lists through the registered list factory', () => {
    const list = COLLECTION_FACTORIES.list;
    expect(list).toBeDefined();
    fc.assert(
      fc.property(fc.array(byteString, { minLength: 1, maxLength: 20 }), (items) => {
        const value = list?.(items) as CollectionValue;
        const decoded = decodeDumpPayload(encodeDumpPayload(value));
        expect(decoded !== null && isCollection(decoded) && decoded.toParts()).toEqual(items);
      }),
    );
  });

  it('frame the body with the kind byte, the format version and a CRC-64 of everything before it', () => {
    const payload = encodeDumpPayload('ab');
    expect(payload[0]).toBe(DumpKind.string);
    expect(payload.toString('latin1', 1, 3)).toBe('ab');
    expect(payload.readUInt16LE(3)).toBe(DUMP_FORMAT_VERSION);
    expect(sign(payload.subarray(0, 3))).toEqual(payload);
  });

  it('never throw on random bytes, and never accept them', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(decodeDumpPayload(bytes)).toBeNull();
        expect(decodeDumpPayload(bytes, fakeFactories)).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('reject every mutation of a valid payload: a changed byte, a cut, extra bytes', () => {
    const valid = fc.oneof(
      byteString.map((text) => encodeDumpPayload(text)),
      fc
        .array(byteString, { minLength: 1, maxLength: 8 })
        .map((items) => encodeDumpPayload(new FakeList(items))),
    );
    const mutation = fc.record({
      at: fc.nat(),
      xor: fc.integer({ min: 1, max: 255 }),
      extra: fc.uint8Array({ minLength: 1 }),
    });
    fc.assert(
      fc.property(valid, mutation, (payload, { at, xor, extra }) => {
        const flipped = Buffer.from(payload);
        const i = at % flipped.length;
        flipped[i] = (flipped[i] as number) ^ xor;
        expect(decodeDumpPayload(flipped, fakeFactories)).toBeNull();
        expect(decodeDumpPayload(payload.subarray(0, i), fakeFactories)).toBeNull();
        expect(decodeDumpPayload(Buffer.concat([payload, extra]), fakeFactories)).toBeNull();
      }),
      { numRuns: 1000 },
    );
  });

  it('reject checksummed payloads of another version or with an unknown kind', () => {
    expect(decodeDumpPayload(sign(Buffer.from([DumpKind.string, 0x61])))).toBe('a');
    expect(decodeDumpPayload(sign(Buffer.from([DumpKind.string, 0x61]), DUMP_FORMAT_VERSION + 1))).toBeNull();
    expect(decodeDumpPayload(sign(Buffer.from([9, 0x61])))).toBeNull();
  });

  it('reject checksummed collections whose part framing is wrong', () => {
    const list = (...chunks: Buffer[]) => sign(Buffer.concat([Buffer.from([DumpKind.list]), ...chunks]));
    const a = Buffer.from('a');
    expect(decodeDumpPayload(list(u32(1), u32(1), a), fakeFactories)).toBeInstanceOf(FakeList);
    for (const bad of [
      list(),
      list(Buffer.from([0, 0])),
      list(u32(0)),
      list(u32(2), u32(1), a),
      list(u32(0xffffffff), u32(1), a),
      list(u32(1), u32(2), a),
      list(u32(1), u32(0xffffffff), a),
      list(u32(1), u32(1), a, Buffer.from('trailing')),
    ]) {
      expect(decodeDumpPayload(bad, fakeFactories)).toBeNull();
    }
  });

  it('reject parts the factory refuses or chokes on, and kinds with no factory', () => {
    const hash = sign(Buffer.concat([Buffer.from([DumpKind.hash]), u32(1), u32(1), Buffer.from('f')]));
    expect(decodeDumpPayload(hash, { hash: () => null })).toBeNull();
    expect(
      decodeDumpPayload(hash, {
        hash: () => {
          throw new Error('malformed');
        },
      }),
    ).toBeNull();
    expect(decodeDumpPayload(hash, {})).toBeNull();
    expect(decodeDumpPayload(hash)).toBeNull(); // the real hash factory refuses an odd part count
  });
});

describe('restoreValue', () => {
  const options = { ttl: 0n, absTtl: false, replace: false, idleSeconds: null, frequency: null };

  it('never creates or changes a key from a corrupt payload', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), fc.boolean(), (bytes, replace) => {
        const db = new Database(() => 1000);
        db.set('k', 'old');
        expect(restoreValue(db, 'k', bytes, { ...options, replace }, 1000)).toBe(
          replace ? RestoreOutcome.badPayload : RestoreOutcome.busyKey,
        );
        expect(restoreValue(db, 'fresh', bytes, options, 1000)).toBe(RestoreOutcome.badPayload);
        expect(db.size).toBe(1);
        expect(db.peek('k')).toBe('old');
      }),
    );
  });

  it('installs a valid payload, or reports a busy key without REPLACE', () => {
    const db = new Database(() => 1000);
    db.set('k', 'old');
    const payload = encodeDumpPayload('new');
    expect(restoreValue(db, 'k', payload, options, 1000)).toBe(RestoreOutcome.busyKey);
    expect(restoreValue(db, 'k', payload, { ...options, replace: true, ttl: 500n }, 1000)).toBe(
      RestoreOutcome.restored,
    );
    expect(db.peek('k')).toBe('new');
    expect(db.getExpire('k')).toBe(1500);
    expect(restoreValue(db, 'j', payload, { ...options, ttl: 999n, absTtl: true }, 1000)).toBe(
      RestoreOutcome.expired,
    );
    expect(db.has('j')).toBe(false);
  });
});
