import { describe, expect, it } from 'vitest';
import { hostIp, peerIp } from './bus-service.js';

describe('peer and host addresses', () => {
  it('takes the ip out of grpc-js peer strings', () => {
    expect(peerIp('ipv4:10.0.0.5:51234')).toBe('10.0.0.5');
    expect(peerIp('ipv6:[::1]:51234')).toBe('::1');
    expect(peerIp('unix:/tmp/socket')).toBeNull();
  });

  it('takes the ip out of the dialed authority, and nothing out of a host name', () => {
    expect(hostIp('10.0.0.7:17000')).toBe('10.0.0.7');
    expect(hostIp('[fe80::1]:17000')).toBe('fe80::1');
    expect(hostIp('node-a.example:17000')).toBeUndefined();
  });
});
