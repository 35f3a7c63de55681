// PING/PONG/MEET: model -> proto -> bytes -> proto -> model gives the message back (minus the local `myself`
// flag), the decoded message is one the receiving model applies, and no input makes the decoder throw anything
// but a WireError naming the field.
import { fc, test } from '@fast-check/vitest';
import {
  applyPingMessage,
  buildPingMessage,
  clusterForget,
  ClusterModelError,
  type PingMessage,
} from '@tessera/cluster-model';
import { ClusterState as ProtoClusterState, Meet, NodeFlag, Ping, Pong } from '@tessera/proto';
import { describe, expect, it } from 'vitest';
import { fixedEnv, id, NOW, SIX_NODES, sixNodesSeenBy, stateOf } from '../testing/cluster-fixtures.js';
import { WireError } from './errors.js';
import { headerHealth, type HeaderExtra } from './header.js';
import { decodePingMessage, encodePingMessage, type DecodePingOptions } from './ping-message.js';

const EXTRA: HeaderExtra = { health: 'ok' };
const CODECS = { ping: Ping, pong: Pong, meet: Meet } as const;

function toBytes(message: PingMessage, extra: HeaderExtra = EXTRA): Uint8Array {
  return (CODECS[message.type] as typeof Ping).encode(encodePingMessage(message, extra)).finish();
}

function roundTrip(message: PingMessage, options?: DecodePingOptions): PingMessage {
  const proto = (CODECS[message.type] as typeof Ping).decode(toBytes(message));
  return decodePingMessage(proto, message.type, options);
}

function withoutMyself(message: PingMessage): PingMessage {
  return { ...message, flags: message.flags.filter((flag) => flag !== 'myself') };
}

/** A's PING in the six-node cluster (announced ip, hostname, gossip with PFAIL and FAIL nodes). */
function masterPing(type: PingMessage['type'] = 'ping'): PingMessage {
  return buildPingMessage(stateOf(SIX_NODES, { announceIp: '10.0.0.1' }), type, fixedEnv());
}

/** Ping bytes of `masterPing` with `edit` applied to the decoded proto first. */
function edited(edit: (proto: Ping) => void): Ping {
  const proto = Ping.decode(toBytes(masterPing()));
  edit(proto);
  return Ping.decode(Ping.encode(proto).finish());
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

describe('encodePingMessage / decodePingMessage', () => {
  it("gives back a master's PING with gossip, failure flags and hostname, without the local myself flag", () => {
    const message = masterPing();
    expect(message.gossip.length).toBeGreaterThanOrEqual(3);
    expect(message.gossip.find((entry) => entry.id === id('e'))?.flags).toEqual(['replica', 'pfail']);
    expect(message.hostname).toBe('node-a');
    expect(roundTrip(message)).toEqual(withoutMyself(message));
  });

  it.each(['ping', 'pong', 'meet'] as const)(
    'keeps a %s message whole through its own message type',
    (type) => {
      const message = masterPing(type);
      expect(roundTrip(message)).toEqual(withoutMyself(message));
    },
  );

  it("gives back a replica's PING: its master id, its master's slots and configEpoch", () => {
    const state = stateOf(
      [
        `${id('a')} 10.0.0.1:7000@17000 master - 0 ${NOW} 7 connected 0-16383`,
        `${id('b')} 10.0.0.2:7001@17001 myself,slave ${id('a')} 0 0 7 connected`,
        `${id('c')} 10.0.0.3:7002@17002 slave ${id('a')} 0 ${NOW} 7 connected`,
      ],
      { announceIp: '10.0.0.2' },
      9n,
    );
    const message = buildPingMessage(state, 'ping', fixedEnv());
    expect(message).toMatchObject({
      masterId: id('a'),
      configEpoch: 7n,
      currentEpoch: 9n,
      flags: ['myself', 'replica'],
    });
    expect(roundTrip(message)).toEqual(withoutMyself(message));
  });

  it('carries forgotten nodes with their remaining TTL', () => {
    const env = fixedEnv();
    const forgot = clusterForget(stateOf(SIX_NODES, { announceIp: '10.0.0.1' }), [id('f')], env);
    if (!forgot.ok) throw forgot.error;
    const message = buildPingMessage(forgot.state, 'ping', env);
    expect(message.forgotten).toEqual([{ id: id('f'), ttlMs: 60_000 }]);
    expect(roundTrip(message)).toEqual(withoutMyself(message));
  });

  it('keeps epochs and offsets above 2^53 exact', () => {
    const message: PingMessage = {
      ...masterPing(),
      currentEpoch: 2n ** 64n - 1n,
      configEpoch: 2n ** 60n + 1n,
      replicationOffset: 2n ** 63n - 1n,
    };
    expect(roundTrip(message)).toEqual(withoutMyself(message));
  });

  it('leaves hostname, shard id and forgotten out of the model message when the wire has none', () => {
    const { hostname: _hostname, shardId: _shardId, ...plain } = masterPing();
    const decoded = roundTrip(plain);
    expect(decoded).not.toHaveProperty('hostname');
    expect(decoded).not.toHaveProperty('shardId');
    expect(decoded).not.toHaveProperty('forgotten');
    expect(decoded).toEqual(withoutMyself(plain));
  });

  it('sends the role flag, not myself, and master_id only for a replica', () => {
    const header = Ping.decode(toBytes(masterPing())).header;
    expect(header?.flags).toEqual([NodeFlag.NODE_FLAG_MASTER]);
    expect(header?.masterId).toBeUndefined();
    expect(header?.address).toEqual({ ip: '10.0.0.1', port: 7000, busPort: 17000, hostname: 'node-a' });
  });

  it('fills the header fields the model does not hold from extra; headerHealth reads the state back', () => {
    const proto = Ping.decode(
      toBytes(masterPing(), { health: 'fail', manualFailoverPaused: true, humanNodename: 'alpha' }),
    );
    expect(proto.header).toMatchObject({
      state: ProtoClusterState.CLUSTER_STATE_FAIL,
      manualFailoverPaused: true,
      humanNodename: 'alpha',
    });
    expect(headerHealth(proto.header as NonNullable<Ping['header']>)).toBe('fail');
    expect(Ping.decode(toBytes(masterPing())).header?.manualFailoverPaused).toBe(false);
  });

  it("takes the connection's peer address as the sender ip when the header's is empty", () => {
    const message: PingMessage = { ...masterPing(), ip: '' };
    expect(roundTrip(message, { peerIp: '192.0.2.7' }).ip).toBe('192.0.2.7');
    const error = wireError(() => roundTrip(message));
    expect(error.message).toMatch(/sender ip must be an IPv4 or IPv6 address/);
    expect(error.cause).toBeInstanceOf(ClusterModelError);
  });

  it('drops flag values the model does not know and collapses duplicates', () => {
    const proto = edited((ping) => {
      (ping.header as NonNullable<Ping['header']>).flags = [
        NodeFlag.NODE_FLAG_MIGRATE_TO,
        99 as NodeFlag,
        NodeFlag.NODE_FLAG_UNSPECIFIED,
        NodeFlag.NODE_FLAG_MASTER,
        NodeFlag.NODE_FLAG_MASTER,
      ];
      (ping.gossip[0] as Ping['gossip'][number]).flags = [NodeFlag.NODE_FLAG_PFAIL, 42 as NodeFlag];
    });
    const decoded = decodePingMessage(proto, 'ping');
    expect(decoded.flags).toEqual(['master']);
    expect(decoded.gossip[0]?.flags).toEqual(['pfail']);
  });

  it("gives a message the receiving node's model applies", () => {
    const receiver = stateOf(sixNodesSeenBy('b'));
    const decoded = decodePingMessage(Ping.decode(toBytes(masterPing())), 'ping');
    const outcome = applyPingMessage(receiver, decoded, { direction: 'inbound' }, fixedEnv(2, NOW + 1_000));
    expect(outcome.ok).toBe(true);
    expect(outcome.ok && outcome.state.nodes.get(id('a'))?.hostname).toBe('node-a');
  });
});

describe('decodePingMessage refuses malformed messages with a WireError', () => {
  it('refuses a message without a header', () => {
    const error = wireError(() => decodePingMessage(Ping.decode(new Uint8Array(0)), 'ping'));
    expect(error.code).toBe('RC_ERR_WIRE_INVALID');
    expect(error.message).toBe('Ping.header is missing');
  });

  it('refuses a 39-character sender id', () => {
    const proto = edited((ping) => {
      (ping.header as NonNullable<Ping['header']>).sender = { value: 'a'.repeat(39) };
    });
    expect(wireError(() => decodePingMessage(proto, 'ping')).message).toBe(
      `Ping.header.sender must be 40 lowercase hex characters, got "${'a'.repeat(39)}"`,
    );
  });

  it('refuses an upper-case gossip node id and names the entry', () => {
    const proto = edited((ping) => {
      (ping.gossip[1] as Ping['gossip'][number]).nodeId = { value: 'A'.repeat(40) };
    });
    expect(wireError(() => decodePingMessage(proto, 'pong')).message).toMatch(
      /^Pong\.gossip\[1\]\.node_id must be 40 lowercase hex characters/,
    );
  });

  it('refuses a master_id that is present but empty', () => {
    const proto = edited((ping) => {
      (ping.header as NonNullable<Ping['header']>).masterId = { value: '' };
    });
    expect(wireError(() => decodePingMessage(proto, 'ping')).message).toBe(
      'Ping.header.master_id must be 40 lowercase hex characters, got ""',
    );
  });

  it('refuses slot 16384 in the header slots', () => {
    const proto = edited((ping) => {
      (ping.header as NonNullable<Ping['header']>).slots = {
        encoding: { $case: 'ranges', value: { ranges: [{ start: 0, end: 16384 }] } },
      };
    });
    expect(wireError(() => decodePingMessage(proto, 'ping')).message).toBe(
      'Ping.header.slots.ranges[0] must hold slots in 0..16383, got 0-16384',
    );
  });

  it('refuses a 2047-byte slot bitmap', () => {
    const proto = edited((ping) => {
      (ping.header as NonNullable<Ping['header']>).slots = {
        encoding: { $case: 'bitmap', value: Buffer.alloc(2047) },
      };
    });
    expect(wireError(() => decodePingMessage(proto, 'meet')).message).toBe(
      'Meet.header.slots.bitmap must be exactly 2048 bytes (16384 bits), got 2047 bytes',
    );
  });

  it('refuses a slot range that ends before it starts', () => {
    const proto = edited((ping) => {
      (ping.header as NonNullable<Ping['header']>).slots = {
        encoding: { $case: 'ranges', value: { ranges: [{ start: 9, end: 3 }] } },
      };
    });
    expect(wireError(() => decodePingMessage(proto, 'ping')).message).toBe(
      'Ping.header.slots.ranges[0] ends before it starts (9 > 3)',
    );
  });

  it('refuses a gossip time above 2^53-1 ms', () => {
    const proto = edited((ping) => {
      (ping.gossip[0] as Ping['gossip'][number]).pongReceivedMs = 2n ** 53n;
    });
    expect(wireError(() => decodePingMessage(proto, 'ping')).message).toBe(
      'Ping.gossip[0].pong_received_ms must be a uint64 of milliseconds up to 2^53-1, got 9007199254740992',
    );
  });

  it('refuses a port above 65535', () => {
    const proto = edited((ping) => {
      (ping.header as NonNullable<Ping['header']>).address = {
        ip: '10.0.0.1',
        port: 70_000,
        busPort: 1,
        hostname: '',
      };
    });
    expect(wireError(() => decodePingMessage(proto, 'ping')).message).toBe(
      'Ping.header.address.port must be a port in 0..65535, got 70000',
    );
  });

  it('refuses more gossip entries than BUS_LIMITS before decoding any of them', () => {
    const proto: Ping = { ...edited(() => undefined), gossip: new Array(4097).fill({}) };
    expect(wireError(() => decodePingMessage(proto, 'ping')).message).toBe(
      'Ping.gossip has 4097 entries, more than 4096',
    );
  });

  it("passes on the model validator's refusal, with its error as the cause", () => {
    const proto = edited((ping) => {
      (ping.header as NonNullable<Ping['header']>).address = {
        ip: '10.0.0.1',
        port: 7000,
        busPort: 17000,
        hostname: 'bad_host',
      };
    });
    const error = wireError(() => decodePingMessage(proto, 'ping'));
    expect(error.message).toMatch(/^invalid PING\/PONG\/MEET message: hostname may only contain/);
    expect(error.cause).toBeInstanceOf(ClusterModelError);
  });

  it("applies the model's own gossip limit (2048 entries), below BUS_LIMITS' 4096", () => {
    const sample = edited(() => undefined);
    const proto: Ping = { ...sample, gossip: new Array(2049).fill(sample.gossip[0]) };
    expect(wireError(() => decodePingMessage(proto, 'ping')).message).toMatch(
      /gossip has more than 2048 entries/,
    );
  });
});

describe('decodePingMessage on garbage', () => {
  /** Decodes `bytes` as a Ping (protobuf errors are the proto lib's business) and checks what comes out. */
  function onlyWireErrors(bytes: Uint8Array): void {
    let proto: Ping;
    try {
      proto = Ping.decode(bytes);
    } catch {
      return;
    }
    try {
      decodePingMessage(proto, 'ping', { peerIp: '10.9.9.9' });
    } catch (error) {
      expect(error).toBeInstanceOf(WireError);
    }
  }

  test.prop([fc.uint8Array({ maxLength: 600 })], { numRuns: 500 })(
    'random bytes either decode to a valid message or give a WireError',
    (bytes) => onlyWireErrors(bytes),
  );

  const valid = toBytes(masterPing());
  test.prop(
    [
      fc.array(
        fc.record({ at: fc.nat({ max: valid.length - 1 }), value: fc.integer({ min: 0, max: 255 }) }),
        {
          minLength: 1,
          maxLength: 8,
        },
      ),
      fc.nat({ max: valid.length }),
    ],
    { numRuns: 1000 },
  )('a valid PING with bytes changed or cut off either decodes or gives a WireError', (changes, cut) => {
    const bytes = valid.slice(0, Math.max(cut, valid.length - 40));
    for (const { at, value } of changes) if (at < bytes.length) bytes[at] = value;
    onlyWireErrors(bytes);
  });

  test.prop([fc.anything(), fc.anything(), fc.anything()], { numRuns: 300 })(
    'hand-built objects of any shape give a WireError or a valid message, nothing else',
    (header, gossip, forgotten) => {
      try {
        decodePingMessage({ header, gossip, forgotten } as unknown as Ping, 'ping');
      } catch (error) {
        expect(error).toBeInstanceOf(WireError);
      }
    },
  );
});
