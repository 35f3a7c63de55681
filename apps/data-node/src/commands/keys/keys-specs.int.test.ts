// Every keyspace command's spec (arity, flags, key positions, ACL categories, subcommands included) matches
// what a real redis-server 7 reports in COMMAND INFO; SORT finds the keys COMMAND GETKEYS finds; and the
// CRC-64 of our DUMP payloads is the one redis-server puts in its own.
import { describe, expect, it } from 'vitest';
import { crc64 } from '../../keyspace/crc64.js';
import { describeKeysMatchRedis, describeSpecsMatchRedis } from '../../testing/spec-oracle.js';
import { keyCommands } from './index.js';

const redis = describeSpecsMatchRedis('keyspace', keyCommands, {
  subcommands: true,
  // movablekeys is derived from getKeys (SORT), not declared; SORT_RO has no STORE, so its one key is fixed.
  movableWithoutGetKeys: ['sort_ro'],
  more: (oracle) => {
    for (const container of ['object', 'memory']) {
      it(`serves every ${container.toUpperCase()} subcommand redis-server has`, async () => {
        const [info] = (await oracle().call('COMMAND', 'INFO', container)) as unknown[][];
        const theirs = ((info?.[9] as unknown[][]) ?? []).map((sub) => String(sub[0]));
        const spec = keyCommands.find((s) => s.name === container);
        expect((spec?.subcommands ?? []).map((sub) => `${container}|${sub.name}`).sort()).toEqual(
          theirs.sort(),
        );
      });
    }
  },
});

describeKeysMatchRedis(
  'SORT key positions match COMMAND GETKEYS',
  keyCommands,
  [
    ['SORT', 'l'],
    ['SORT', 'l', 'STORE', 'dst'],
    ['SORT', 'l', 'BY', 'w_*', 'GET', '#', 'STORE', 'a', 'STORE', 'b'],
    ['SORT', 'l', 'GET', 'store', 'LIMIT', '0', '1', 'ALPHA', 'STORE', 'c'],
    ['SORT', 'l', 'LIMIT', 'store', 'x', 'DESC'],
  ],
  { redis },
);

describe('crc64 against redis-server DUMP payloads', () => {
  it('computes the checksum redis-server appends, for values of many sizes', async () => {
    for (const size of [0, 1, 7, 8, 9, 63, 64, 1000, 70_000]) {
      const value = Buffer.from(Array.from({ length: size }, (_, i) => (i * 131 + size) & 0xff));
      await redis().set('k', value);
      const payload = (await redis().dumpBuffer('k')) as Buffer;
      const [hi, lo] = crc64(payload, 0, payload.length - 8);
      expect([payload.readUInt32LE(payload.length - 4), payload.readUInt32LE(payload.length - 8)]).toEqual([
        hi,
        lo,
      ]);
    }
  });
});
