import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ConnectionClosedError,
  ConnectFailedError,
  MaxRedirectionsError,
  MovedToSelfError,
} from '../errors.js';
import { AskError } from './ask-error.js';
import { ClusterDownError } from './cluster-down-error.js';
import { MovedError } from './moved-error.js';
import {
  decideRedirect,
  retryDelayMs,
  type RedirectContext,
  type RetryCause,
  type RetryPolicy,
} from './redirect-table.js';
import { TryAgainError } from './try-again-error.js';

const policy: RetryPolicy = {
  maxRedirections: 5,
  tryAgainDelayMs: 100,
  clusterDownDelayMs: 50,
  connectionRetryDelayMs: 20,
  maxRetryDelayMs: 1000,
};
const sentTo = { host: '10.0.0.1', port: 7000 };
const context = (over: Partial<RedirectContext> = {}): RedirectContext => ({
  redirections: 0,
  kindRetries: 0,
  sentTo,
  retrySafe: false,
  ...over,
});
const moved = (text: string) => MovedError.parse(text) as MovedError;
const ask = (text: string) => AskError.parse(text) as AskError;
const lost = (sent: boolean) => ({
  kind: 'connection' as const,
  error: new ConnectionClosedError('10.0.0.1:7000'),
  sent,
});

describe('decideRedirect', () => {
  it('MOVED patches the slot, schedules a refresh and resends to the new owner at once', () => {
    expect(decideRedirect(moved('MOVED 42 10.0.0.2:7001'), context(), policy)).toEqual({
      kind: 'retry',
      target: { host: '10.0.0.2', port: 7001 },
      asking: false,
      patch: { slot: 42, master: { host: '10.0.0.2', port: 7001 } },
      refresh: 'schedule',
      delay: null,
    });
  });

  it('MOVED with an empty host targets the host that replied', () => {
    const action = decideRedirect(moved('MOVED 42 :7001'), context(), policy);
    expect(action).toMatchObject({ kind: 'retry', target: { host: '10.0.0.1', port: 7001 } });
  });

  it('MOVED to the node that answered fails with MovedToSelfError after a refresh', () => {
    const redirect = moved('MOVED 42 10.0.0.1:7000');
    const action = decideRedirect(redirect, context(), policy);
    expect(action).toMatchObject({ kind: 'fail', refresh: 'await' });
    expect(action.kind === 'fail' && action.error).toBeInstanceOf(MovedToSelfError);
    expect(action.kind === 'fail' && action.error.cause).toBe(redirect);
  });

  it('ASK resends once to the target with ASKING, without touching the slot table or topology', () => {
    expect(decideRedirect(ask('ASK 42 10.0.0.3:7002'), context(), policy)).toEqual({
      kind: 'retry',
      target: { host: '10.0.0.3', port: 7002 },
      asking: true,
      patch: null,
      refresh: 'none',
      delay: null,
    });
  });

  it('TRYAGAIN resends to the slot owner later, from the tryagain bucket, with a doubling delay', () => {
    const redirect = TryAgainError.parse(
      'TRYAGAIN Multiple keys request during rehashing of slot',
    ) as TryAgainError;
    const delays = [0, 1, 2, 3, 4].map((n) => decideRedirect(redirect, context({ kindRetries: n }), policy));
    expect(delays.map((a) => (a.kind === 'retry' ? a.delay : null))).toEqual([
      { bucket: 'tryagain', ms: 100 },
      { bucket: 'tryagain', ms: 200 },
      { bucket: 'tryagain', ms: 400 },
      { bucket: 'tryagain', ms: 800 },
      { bucket: 'tryagain', ms: 1000 },
    ]);
    expect(delays[0]).toMatchObject({ target: null, asking: false, patch: null, refresh: 'none' });
  });

  it('CLUSTERDOWN resends later from the clusterdown bucket and refreshes the topology', () => {
    const redirect = ClusterDownError.parse('CLUSTERDOWN The cluster is down') as ClusterDownError;
    expect(decideRedirect(redirect, context({ kindRetries: 1 }), policy)).toEqual({
      kind: 'retry',
      target: null,
      asking: false,
      patch: null,
      refresh: 'schedule',
      delay: { bucket: 'clusterdown', ms: 100 },
    });
  });

  it('a lost connection resends reads and unsent commands after a refresh and a delay', () => {
    for (const [sent, retrySafe] of [
      [false, false],
      [true, true],
      [false, true],
    ] as const) {
      const action = decideRedirect(lost(sent), context({ retrySafe }), policy);
      expect(action).toMatchObject({
        kind: 'retry',
        target: null,
        refresh: 'await',
        delay: { bucket: 'connection', ms: 20 },
      });
    }
  });

  it('a connection lost under a write that may have run returns its error instead of resending', () => {
    const loss = lost(true);
    expect(decideRedirect(loss, context({ retrySafe: false }), policy)).toEqual({
      kind: 'fail',
      error: loss.error,
      refresh: 'schedule',
    });
  });

  it('stops every kind at maxRedirections with MaxRedirectionsError whose cause is the last redirect', () => {
    const causes: RetryCause[] = [
      moved('MOVED 1 10.0.0.2:7001'),
      ask('ASK 1 10.0.0.2:7001'),
      TryAgainError.parse('TRYAGAIN x') as TryAgainError,
      ClusterDownError.parse('CLUSTERDOWN x') as ClusterDownError,
      { kind: 'connection', error: new ConnectFailedError('10.0.0.1:7000'), sent: false },
    ];
    for (const cause of causes) {
      const action = decideRedirect(cause, context({ redirections: 5, retrySafe: true }), policy);
      expect(action.kind).toBe('fail');
      if (action.kind !== 'fail') continue;
      expect(action.error).toBeInstanceOf(MaxRedirectionsError);
      expect(action.error.cause).toBe(cause.kind === 'connection' ? cause.error : cause);
    }
  });

  it('never retries past the bound, whatever the history', () => {
    const redirect = moved('MOVED 7 10.0.0.9:7009');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), (redirections, max) => {
        const action = decideRedirect(redirect, context({ redirections }), {
          ...policy,
          maxRedirections: max,
        });
        expect(action.kind).toBe(redirections >= max ? 'fail' : 'retry');
      }),
    );
  });
});

describe('retryDelayMs', () => {
  it('doubles from the base and never exceeds the cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 1, max: 60_000 }),
        (base, n, cap) => {
          const delay = retryDelayMs(base, n, cap);
          expect(delay).toBeLessThanOrEqual(cap);
          expect(delay).toBe(Math.min(cap, base * 2 ** Math.min(n, 30)));
        },
      ),
    );
  });
});
