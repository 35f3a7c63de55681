// The agent's admin requests on the data-node: manual failover's pause_writes/resume_writes go to the write
// controls and answer with the replication offset; without controls they are refused; bad durations too.
import { describe, expect, it } from 'vitest';
import { runAdminRequest, type WriteControls } from './admin-request.js';
import type { LocalKeyspace } from './local-agent-link.js';

const keyspace: LocalKeyspace = { size: 0, countInSlot: () => 0, flushSlot: () => 0, flush: () => 0 };

function controls(): WriteControls & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    pauseWrites: (ms) => calls.push(`pause ${ms}`),
    resumeWrites: () => calls.push('resume'),
    replicationOffset: () => 4242n,
  };
}

describe('admin requests for a manual failover', () => {
  it('pauses writes and answers with the offset they stopped at, then resumes', () => {
    const writes = controls();
    const paused = runAdminRequest(
      { requestId: 7n, action: { $case: 'pauseWrites', value: { durationMs: 10_000n } } },
      keyspace,
      writes,
    );
    expect(paused).toEqual({
      requestId: 7n,
      outcome: { $case: 'done', value: { replicationOffset: 4242n } },
    });
    const resumed = runAdminRequest(
      { requestId: 8n, action: { $case: 'resumeWrites', value: {} } },
      keyspace,
      writes,
    );
    expect(resumed.outcome?.$case).toBe('done');
    expect(writes.calls).toEqual(['pause 10000', 'resume']);
  });

  it('refuses a pause of 0 ms or over a minute, and both actions without write controls', () => {
    const writes = controls();
    const zero = runAdminRequest(
      { requestId: 1n, action: { $case: 'pauseWrites', value: { durationMs: 0n } } },
      keyspace,
      writes,
    );
    expect(zero.outcome).toMatchObject({ $case: 'error' });
    expect(writes.calls).toEqual([]);
    const none = runAdminRequest({ requestId: 2n, action: { $case: 'resumeWrites', value: {} } }, keyspace);
    expect(none.outcome).toEqual({
      $case: 'error',
      value: expect.stringContaining('resume_writes is not supported'),
    });
  });
});
