import { BinaryWriter } from '@bufbuild/protobuf/wire';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  BUS_LIMITS,
  Fail,
  FailoverAuthRequest,
  FailoverAuthResponse,
  Header,
  Meet,
  MeetResponse,
  MfStartRequest,
  NodeFlag,
  Ping,
  PingRequest,
  PingResponse,
  PongRequest,
  PublishRequest,
  PublishShardRequest,
  Update,
  UpdateRequest,
  nodeFlagFromJSON,
  nodeFlagToJSON,
  type MessageFns,
} from './index.js';
import {
  ABOVE_2_53,
  allSlots,
  fullSlotBitmap,
  gossipEntry,
  masterHeader,
  nodeId,
  ping,
  replicaHeader,
  slotBitmap,
} from './testing/fixtures.js';

function roundTrip<T>(codec: MessageFns<T>, message: T): T {
  return codec.decode(codec.encode(message).finish());
}

describe('ClusterBusService messages', () => {
  it('round-trips a master Header with a full 16384-slot bitmap and epochs above 2^53', () => {
    const header = masterHeader(0);
    const decoded = roundTrip(Header, header);
    expect(decoded).toEqual(header);
    expect(decoded.currentEpoch).toBe(ABOVE_2_53 + 41n);
    expect(decoded.slots?.encoding).toEqual({ $case: 'bitmap', value: fullSlotBitmap() });
  });

  it('round-trips a replica Header naming its master and claiming its slots', () => {
    const header = replicaHeader(3, 0);
    const decoded = roundTrip(Header, header);
    expect(decoded).toEqual(header);
    expect(decoded.masterId).toEqual(nodeId(0));
    expect(decoded.flags).toEqual([NodeFlag.NODE_FLAG_REPLICA, NodeFlag.NODE_FLAG_NOFAILOVER]);
  });

  it('keeps the largest uint64 epochs and offsets exact', () => {
    const max = 2n ** 64n - 1n;
    const header: Header = {
      ...masterHeader(1),
      currentEpoch: max,
      configEpoch: max,
      replicationOffset: max,
    };
    expect(roundTrip(Header, header)).toEqual(header);
  });

  test.prop([fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), fc.bigInt({ min: 0n, max: 2n ** 64n - 1n })])(
    'round-trips any pair of uint64 epochs in a Header',
    (currentEpoch, configEpoch) => {
      const decoded = roundTrip(Header, { ...masterHeader(0), currentEpoch, configEpoch });
      expect([decoded.currentEpoch, decoded.configEpoch]).toEqual([currentEpoch, configEpoch]);
    },
  );

  it('round-trips a sparse slot bitmap bit for bit (Redis layout: slot s is bit s % 8 of byte s / 8)', () => {
    const slots = [0, 7, 8, 5460, 5461, 12182, 16383];
    const header: Header = {
      ...masterHeader(0),
      slots: { encoding: { $case: 'bitmap', value: slotBitmap(slots) } },
    };
    const bitmap = roundTrip(Header, header).slots?.encoding;
    expect(bitmap?.$case).toBe('bitmap');
    const bytes = bitmap?.$case === 'bitmap' ? bitmap.value : Buffer.alloc(0);
    const set = [...Array(16384).keys()].filter(
      (slot) => ((bytes[slot >> 3] ?? 0) & (1 << (slot & 7))) !== 0,
    );
    expect(set).toEqual(slots);
  });

  it('round-trips a PING request with gossip entries (failure reports) and a forgotten node', () => {
    const request: PingRequest = { ping: ping(5) };
    const decoded = roundTrip(PingRequest, request);
    expect(decoded).toEqual(request);
    expect(decoded.ping?.gossip[1]?.flags).toEqual([NodeFlag.NODE_FLAG_MASTER, NodeFlag.NODE_FLAG_PFAIL]);
    expect(decoded.ping?.forgotten).toEqual([{ nodeId: nodeId(99), ttlMs: 60_000n }]);
  });

  it('round-trips the PONG replies of Ping and Meet and an unsolicited PONG', () => {
    const pong = { header: masterHeader(2), gossip: [gossipEntry(0), gossipEntry(1)], forgotten: [] };
    expect(roundTrip(PingResponse, { pong })).toEqual({ pong });
    expect(roundTrip(MeetResponse, { pong })).toEqual({ pong });
    expect(roundTrip(PongRequest, { pong })).toEqual({ pong });
  });

  it('round-trips a MEET from a node with an empty ip (the receiver takes the connection address)', () => {
    const meet: Meet = {
      header: {
        ...masterHeader(5),
        address: { ip: '', port: 7005, busPort: 17005, hostname: '' },
        slots: { encoding: { $case: 'ranges', value: { ranges: [] } } },
      },
      gossip: [],
      forgotten: [],
    };
    expect(roundTrip(Meet, meet)).toEqual(meet);
  });

  it('round-trips FAIL and UPDATE with their node ids, configEpoch and slots', () => {
    const fail: Fail = { header: masterHeader(0), failingNodeId: nodeId(4) };
    expect(roundTrip(Fail, fail)).toEqual(fail);
    const update: Update = {
      header: masterHeader(1),
      nodeId: nodeId(2),
      configEpoch: ABOVE_2_53 + 99n,
      slots: {
        encoding: {
          $case: 'ranges',
          value: {
            ranges: [
              { start: 0, end: 5460 },
              { start: 16383, end: 16383 },
            ],
          },
        },
      },
    };
    expect(roundTrip(UpdateRequest, { update })).toEqual({ update });
  });

  it('round-trips PUBLISH and PUBLISHSHARD batches with binary channels and messages in order', () => {
    const everyByte = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const messages = [
      { channel: Buffer.from('news'), message: Buffer.from('first') },
      { channel: everyByte, message: Buffer.alloc(0) },
      { channel: Buffer.from('news'), message: Buffer.concat([everyByte, Buffer.from('\r\n$-1\r\n')]) },
    ];
    const publish = { header: masterHeader(0), messages };
    expect(roundTrip(PublishRequest, { publish })).toEqual({ publish });
    expect(roundTrip(PublishShardRequest, { publishShard: publish })).toEqual({ publishShard: publish });
  });

  it('round-trips FAILOVER_AUTH_REQUEST with FORCEACK, and a reply with and without the vote', () => {
    const request: FailoverAuthRequest = { header: replicaHeader(4, 0), forceAck: true };
    expect(roundTrip(FailoverAuthRequest, request)).toEqual(request);
    const granted: FailoverAuthResponse = { ack: { header: masterHeader(1) } };
    expect(roundTrip(FailoverAuthResponse, granted)).toEqual(granted);
    expect(roundTrip(FailoverAuthResponse, {}).ack).toBeUndefined();
  });

  it('round-trips MFSTART and a paused master header', () => {
    const request: MfStartRequest = { mfStart: { header: replicaHeader(4, 0) } };
    expect(roundTrip(MfStartRequest, request)).toEqual(request);
    const paused: Header = { ...masterHeader(0), manualFailoverPaused: true };
    expect(roundTrip(Header, paused).manualFailoverPaused).toBe(true);
  });

  it('decodes a Ping from a newer peer that carries a field this version does not know', () => {
    const known = Ping.encode(ping(1)).finish();
    const unknownField = new BinaryWriter()
      .uint32((20 << 3) | 0)
      .uint64(12345n)
      .finish();
    const decoded = Ping.decode(Buffer.concat([known, unknownField]));
    expect(decoded).toEqual(ping(1));
  });

  it('fits a PING with the largest allowed gossip section and a full bitmap under the message cap', () => {
    const big: PingRequest = {
      ping: {
        ...ping(BUS_LIMITS.maxGossipEntries),
        forgotten: Array.from({ length: BUS_LIMITS.maxForgottenEntries }, (_, i) => ({
          nodeId: nodeId(i),
          ttlMs: 60_000n,
        })),
      },
    };
    const size = PingRequest.encode(big).finish().length;
    expect(size).toBeLessThan(BUS_LIMITS.maxMessageBytes);
    expect(PingRequest.decode(PingRequest.encode(big).finish()).ping?.gossip).toHaveLength(
      BUS_LIMITS.maxGossipEntries,
    );
  });

  it('throws on a truncated Header instead of returning a partial one', () => {
    const bytes = Header.encode(masterHeader(0)).finish();
    expect(() => Header.decode(bytes.subarray(0, bytes.length - 3))).toThrow();
  });

  it('round-trips a Header through JSON with epochs as decimal strings', () => {
    const header: Header = { ...masterHeader(0), slots: allSlots() };
    const json = Header.toJSON(header) as { currentEpoch: string };
    expect(json.currentEpoch).toBe('9007199254741034');
    expect(Header.fromJSON(JSON.parse(JSON.stringify(json)))).toEqual(header);
  });

  it('maps every NodeFlag to its proto name and back, and unknown names to UNRECOGNIZED', () => {
    const flags = Object.values(NodeFlag).filter((flag) => flag !== NodeFlag.UNRECOGNIZED);
    for (const flag of flags) expect(nodeFlagFromJSON(nodeFlagToJSON(flag))).toBe(flag);
    expect(nodeFlagToJSON(NodeFlag.NODE_FLAG_PFAIL)).toBe('NODE_FLAG_PFAIL');
    expect(nodeFlagFromJSON('NODE_FLAG_MYSELF')).toBe(NodeFlag.UNRECOGNIZED);
  });
});
