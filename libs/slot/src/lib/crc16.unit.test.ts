import { describe, expect, it } from 'vitest';
import { crc16 } from './crc16.js';

describe('crc16', () => {
  it('matches the XMODEM check value for "123456789"', () => {
    expect(crc16(Buffer.from('123456789'))).toBe(0x31c3);
  });
});
