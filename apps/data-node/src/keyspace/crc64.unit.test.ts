import { describe, expect, it } from 'vitest';
import { crc64 } from './crc64.js';

const hex = ([hi, lo]: [number, number]) =>
  hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');

describe('crc64', () => {
  it('matches the CRC-64/Jones check values of redis src/crc64.c', () => {
    expect(hex(crc64(Buffer.from('123456789')))).toBe('e9c6d914c4b8d9ca');
  });

  it('reproduces the trailer of a payload that redis-server 7.0 DUMPed', () => {
    // DUMP of the string "hello world": RDB type, length, bytes, RDB version 10, then the CRC64 (LE).
    const payload = Buffer.from('000b68656c6c6f20776f726c640a000bfc49b9a6c7a034', 'hex');
    const [hi, lo] = crc64(payload, 0, payload.length - 8);
    expect(payload.readUInt32LE(payload.length - 8)).toBe(lo);
    expect(payload.readUInt32LE(payload.length - 4)).toBe(hi);
  });

  it('is 0 for no bytes and covers only the requested range', () => {
    expect(crc64(Buffer.alloc(0))).toEqual([0, 0]);
    const framed = Buffer.from('xx123456789yy');
    expect(hex(crc64(framed, 2, 11))).toBe('e9c6d914c4b8d9ca');
  });
});
