import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../errors.js';
import { nodeAddress, parseSeed } from './node-address.js';

describe('parseSeed', () => {
  it('reads host:port strings (IPv6 included) and { host, port } objects', () => {
    expect(parseSeed('127.0.0.1:7000')).toEqual(nodeAddress('127.0.0.1', 7000));
    expect(parseSeed('::1:7001')).toEqual({ host: '::1', port: 7001, key: '::1:7001' });
    expect(parseSeed({ host: 'redis-a', port: 6379 })).toEqual(nodeAddress('redis-a', 6379));
  });

  it.each(['127.0.0.1', ':7000', 'h:0', 'h:65536', 'h:x', 'h:-1'])(
    'rejects %j naming the seeds option',
    (seed) => {
      expect(() => parseSeed(seed)).toThrow(InvalidOptionError);
      expect(() => parseSeed(seed)).toThrow(/seeds/);
    },
  );

  it('rejects objects with a bad port', () => {
    expect(() => parseSeed({ host: 'h', port: 1.5 })).toThrow(InvalidOptionError);
  });
});
