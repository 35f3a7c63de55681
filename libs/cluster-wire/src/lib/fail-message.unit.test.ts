// FAIL: model -> proto -> bytes -> proto -> model gives the message back; the header comes from the sender's
// PING header with the message's own sender and epochs; malformed messages are WireErrors.
import { fc, test } from '@fast-check/vitest';
import { buildFailMessage, buildPingMessage } from '@tessera/cluster-model';
import { Fail, NodeFlag, type Header } from '@tessera/proto';
import { describe, expect, it } from 'vitest';
import { fixedEnv, id, SIX_NODES, stateOf } from '../testing/cluster-fixtures.js';
import { WireError } from './errors.js';
import { decodeFailMessage, encodeFailMessage } from './fail-message.js';
import { encodePingMessage } from './ping-message.js';

const state = stateOf(SIX_NODES, { announceIp: '10.0.0.1' }, 12n);
const senderHeader: Header = encodePingMessage(buildPingMessage(state, 'ping', fixedEnv()), { health: 'ok' })
  .header as Header;

function throughBytes(proto: Fail): Fail {
  return Fail.decode(Fail.encode(proto).finish());
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

describe('encodeFailMessage / decodeFailMessage', () => {
  it('gives back the FAIL about a node', () => {
    const message = buildFailMessage(state, id('f'));
    expect(decodeFailMessage(throughBytes(encodeFailMessage(message, senderHeader)))).toEqual(message);
  });

  it("sends the sender's full header, with the message's sender and epochs", () => {
    const message = { sender: id('a'), currentEpoch: 2n ** 64n - 1n, configEpoch: 40n, failing: id('f') };
    const proto = throughBytes(encodeFailMessage(message, senderHeader));
    expect(proto.header).toEqual({ ...senderHeader, currentEpoch: 2n ** 64n - 1n, configEpoch: 40n });
    expect(proto.header?.flags).toEqual([NodeFlag.NODE_FLAG_MASTER]);
    expect(proto.failingNodeId).toEqual({ value: id('f') });
    expect(decodeFailMessage(proto)).toEqual(message);
  });

  it('refuses a FAIL without a header', () => {
    expect(
      wireError(() =>
        decodeFailMessage(throughBytes({ header: undefined, failingNodeId: { value: id('f') } })),
      ).message,
    ).toBe('Fail.header is missing');
  });

  it('refuses a FAIL without a failing node id', () => {
    expect(
      wireError(() => decodeFailMessage(throughBytes({ header: senderHeader, failingNodeId: undefined })))
        .message,
    ).toBe('Fail.failing_node_id is missing');
  });

  it('refuses a 39-character failing node id', () => {
    const proto = throughBytes({ header: senderHeader, failingNodeId: { value: 'f'.repeat(39) } });
    expect(wireError(() => decodeFailMessage(proto)).message).toMatch(
      /^Fail\.failing_node_id must be 40 lowercase hex characters/,
    );
  });

  it('refuses a header whose slot set is malformed', () => {
    const header: Header = {
      ...senderHeader,
      slots: { encoding: { $case: 'bitmap', value: Buffer.alloc(2047) } },
    };
    expect(
      wireError(() => decodeFailMessage(throughBytes({ header, failingNodeId: { value: id('f') } }))).message,
    ).toMatch(/^Fail\.header\.slots\.bitmap must be exactly 2048 bytes/);
  });

  it('refuses a header epoch that is not a uint64 (a hand-built message)', () => {
    const header: Header = { ...senderHeader, currentEpoch: -1n };
    expect(wireError(() => decodeFailMessage({ header, failingNodeId: { value: id('f') } })).message).toBe(
      'Fail.header.current_epoch must be a uint64, got -1',
    );
  });

  test.prop([fc.uint8Array({ maxLength: 400 })], { numRuns: 300 })(
    'random bytes either decode to a valid FAIL or give a WireError',
    (bytes) => {
      let proto: Fail;
      try {
        proto = Fail.decode(bytes);
      } catch {
        return;
      }
      try {
        decodeFailMessage(proto);
      } catch (error) {
        expect(error).toBeInstanceOf(WireError);
      }
    },
  );
});
