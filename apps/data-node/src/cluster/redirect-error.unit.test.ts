// redirectError(): each routing decision's exact Redis 7.0 text (clusterRedirectClient).
import { describe, expect, it } from 'vitest';
import { redirectError } from './redirect-error.js';

const B = 'b'.repeat(40);

describe('redirectError renders Redis texts', () => {
  it('names the target of MOVED and ASK as <endpoint>:<port> after the slot', () => {
    const to = { id: B, endpoint: '10.0.0.2', port: 7001 };
    expect(redirectError({ kind: 'moved', slot: 3999, to })).toBe('MOVED 3999 10.0.0.2:7001');
    expect(redirectError({ kind: 'ask', slot: 0, to })).toBe('ASK 0 10.0.0.2:7001');
  });

  it('keeps a hostname, `?` or an empty endpoint as it is (cluster-preferred-endpoint-type)', () => {
    expect(redirectError({ kind: 'moved', slot: 1, to: { id: B, endpoint: 'node-b', port: 7001 } })).toBe(
      'MOVED 1 node-b:7001',
    );
    expect(redirectError({ kind: 'moved', slot: 1, to: { id: B, endpoint: '?', port: 7001 } })).toBe(
      'MOVED 1 ?:7001',
    );
    expect(redirectError({ kind: 'ask', slot: 16383, to: { id: B, endpoint: '', port: 6381 } })).toBe(
      'ASK 16383 :6381',
    );
  });

  it('writes the fixed texts of TRYAGAIN, CROSSSLOT and the three CLUSTERDOWN cases', () => {
    expect(redirectError({ kind: 'tryagain' })).toBe(
      'TRYAGAIN Multiple keys request during rehashing of slot',
    );
    expect(redirectError({ kind: 'crossslot' })).toBe(
      "CROSSSLOT Keys in request don't hash to the same slot",
    );
    expect(redirectError({ kind: 'clusterdown-unbound' })).toBe('CLUSTERDOWN Hash slot not served');
    expect(redirectError({ kind: 'clusterdown-state' })).toBe('CLUSTERDOWN The cluster is down');
    expect(redirectError({ kind: 'clusterdown-readonly' })).toBe(
      'CLUSTERDOWN The cluster is down and only accepts read commands',
    );
  });
});
