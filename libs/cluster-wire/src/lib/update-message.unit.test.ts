// UPDATE: model -> proto -> bytes -> proto -> model gives the message back (slots in either encoding, uint64
// epochs); the header comes from the sender's PING header; malformed messages are WireErrors.
import { fc, test } from '@fast-check/vitest';
import { buildPingMessage, buildUpdateMessage, type UpdateMessage } from '@tessera/cluster-model';
import { Update, type Header } from '@tessera/proto';
import { bitmapFromRanges, createSlotBitmap } from '@tessera/slot';
import { describe, expect, it } from 'vitest';
import { fixedEnv, id, SIX_NODES, stateOf } from '../testing/cluster-fixtures.js';
import { WireError } from './errors.js';
import { encodePingMessage } from './ping-message.js';
import { decodeUpdateMessage, encodeUpdateMessage } from './update-message.js';

const state = stateOf(SIX_NODES, { announceIp: '10.0.0.1' }, 12n);
const senderHeader: Header = encodePingMessage(buildPingMessage(state, 'ping', fixedEnv()), { health: 'ok' })
  .header as Header;

function roundTrip(message: UpdateMessage): UpdateMessage {
  return decodeUpdateMessage(
    Update.decode(Update.encode(encodeUpdateMessage(message, senderHeader)).finish()),
  );
}

function wireError(run: () => unknown): WireError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WireError);
    return error as WireError;
  }
  throw new Error('expected a WireError');
}

describe('encodeUpdateMessage / decodeUpdateMessage', () => {
  it("gives back the UPDATE about another master's slots", () => {
    const message = buildUpdateMessage(state, id('c'));
    expect(message.slots).toEqual(bitmapFromRanges([{ start: 10923, end: 16383 }]));
    expect(roundTrip(message)).toEqual(message);
  });

  it('gives back scattered slots (bitmap encoding), no slots, and a configEpoch above 2^53', () => {
    const scattered = createSlotBitmap().fill(0b1010_1010);
    const base = buildUpdateMessage(state, id('b'));
    for (const slots of [scattered, createSlotBitmap()]) {
      const message: UpdateMessage = { ...base, slots, nodeConfigEpoch: 2n ** 64n - 2n };
      expect(roundTrip(message)).toEqual(message);
    }
  });

  it("sends the sender's header with the message's sender and epochs, and the node's own configEpoch", () => {
    const message = { ...buildUpdateMessage(state, id('c')), currentEpoch: 99n, configEpoch: 5n };
    const proto = encodeUpdateMessage(message, senderHeader);
    expect(proto.header).toEqual({ ...senderHeader, currentEpoch: 99n, configEpoch: 5n });
    expect(proto.configEpoch).toBe(3n);
    expect(proto.nodeId).toEqual({ value: id('c') });
  });

  it('refuses an UPDATE without a header', () => {
    const proto = encodeUpdateMessage(buildUpdateMessage(state, id('c')), senderHeader);
    expect(wireError(() => decodeUpdateMessage({ ...proto, header: undefined })).message).toBe(
      'Update.header is missing',
    );
  });

  it('refuses an UPDATE whose node id is missing or malformed', () => {
    const proto = encodeUpdateMessage(buildUpdateMessage(state, id('c')), senderHeader);
    expect(wireError(() => decodeUpdateMessage({ ...proto, nodeId: undefined })).message).toBe(
      'Update.node_id is missing',
    );
    expect(
      wireError(() => decodeUpdateMessage({ ...proto, nodeId: { value: 'c'.repeat(41) } })).message,
    ).toMatch(/^Update\.node_id must be 40 lowercase hex characters/);
  });

  it('refuses slot 16384 and a 2047-byte bitmap in the slots', () => {
    const proto = encodeUpdateMessage(buildUpdateMessage(state, id('c')), senderHeader);
    const ranges = {
      encoding: { $case: 'ranges' as const, value: { ranges: [{ start: 16384, end: 16384 }] } },
    };
    expect(wireError(() => decodeUpdateMessage({ ...proto, slots: ranges })).message).toBe(
      'Update.slots.ranges[0] must hold slots in 0..16383, got 16384-16384',
    );
    const bitmap = { encoding: { $case: 'bitmap' as const, value: Buffer.alloc(2047) } };
    expect(wireError(() => decodeUpdateMessage({ ...proto, slots: bitmap })).message).toMatch(
      /^Update\.slots\.bitmap must be exactly 2048 bytes/,
    );
  });

  test.prop([fc.uint8Array({ maxLength: 400 })], { numRuns: 300 })(
    'random bytes either decode to a valid UPDATE or give a WireError',
    (bytes) => {
      let proto: Update;
      try {
        proto = Update.decode(bytes);
      } catch {
        return;
      }
      try {
        decodeUpdateMessage(proto);
      } catch (error) {
        expect(error).toBeInstanceOf(WireError);
      }
    },
  );
});
