import { keySlot } from '@tessera/slot';
import { describe, expect, it } from 'vitest';
import { CrossSlotError } from '../errors.js';
import { commandName } from './command-keys.js';
import { commandSlot, NO_SLOT } from './command-slot.js';

const slotOf = (args: (string | Buffer)[], key?: string, keyIndexes?: number[]) =>
  commandSlot(commandName(args), args, key, keyIndexes);

describe('commandSlot', () => {
  it('routes single-key commands by their key, whatever the case of the name', () => {
    expect(slotOf(['GET', 'foo'])).toBe(12182);
    expect(slotOf(['set', 'foo', 'bar'])).toBe(12182);
    expect(slotOf([Buffer.from('HSET'), Buffer.from('user1000'), 'f', 'v'])).toBe(3443);
  });

  it('routes multi-key commands whose keys share a slot through a hash tag', () => {
    expect(slotOf(['MGET', '{user1000}.a', '{user1000}.b', 'user1000'])).toBe(3443);
    expect(slotOf(['MSET', '{t}a', 'x', '{t}b', 'y'])).toBe(keySlot('t'));
    expect(slotOf(['RENAME', '{t}a', '{t}b'])).toBe(keySlot('t'));
  });

  it('throws CrossSlotError naming the slots when keys hash apart, before anything is sent', () => {
    expect(() => slotOf(['MGET', 'foo', 'bar'])).toThrow(CrossSlotError);
    try {
      slotOf(['DEL', 'foo', 'bar', 'foo']);
    } catch (error) {
      expect(error).toMatchObject({
        code: 'RC_ERR_CLUSTER_CLIENT_CROSSSLOT',
        command: 'DEL',
        slots: [12182, 5061],
      });
    }
  });

  it('only takes the keys of MSET, not its values', () => {
    expect(slotOf(['MSET', '{t}a', 'foo', '{t}b', 'bar'])).toBe(keySlot('t'));
  });

  it('reads EVAL keys from numkeys', () => {
    expect(slotOf(['EVAL', 'return 1', '2', '{t}a', '{t}b', 'argv-not-a-key'])).toBe(keySlot('t'));
    expect(() => slotOf(['EVALSHA', 'abc', '2', 'foo', 'bar'])).toThrow(CrossSlotError);
    expect(slotOf(['EVAL', 'return 1', '0'])).toBe(NO_SLOT);
  });

  it('prefers the caller routing key, then caller key positions, over the table', () => {
    expect(slotOf(['GET', 'foo'], 'bar')).toBe(5061);
    expect(slotOf(['XREAD', 'STREAMS', 'foo', '0'], undefined, [2])).toBe(12182);
    expect(() => slotOf(['MYCMD', 'foo', 'bar'], undefined, [1, 2])).toThrow(CrossSlotError);
  });

  it('has no slot for keyless or unknown commands', () => {
    expect(slotOf(['PING'])).toBe(NO_SLOT);
    expect(slotOf(['CLUSTER', 'INFO'])).toBe(NO_SLOT);
    expect(slotOf(['GET'])).toBe(NO_SLOT);
  });
});
