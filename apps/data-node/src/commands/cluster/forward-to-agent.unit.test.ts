// A CLUSTER subcommand forwarded to an agent that answers later suspends its client: the commands the client
// pipelined meanwhile wait, in order, and run once the answer is written; no answer within the deadline is
// `ERR the gossip-agent did not answer in time`; inside MULTI/EXEC the subcommand cannot wait and EXEC
// answers it with an error inline. (Over a real socket, with the gossip-agent's gRPC link: see
// cluster/attached-agent-link.int.test.ts.)
import { describe, expect, it } from 'vitest';
import { AGENT_REPLY_TIMEOUT_MS } from '../../cluster/agent-link.js';
import { deferredAgentHarness } from '../../testing/deferred-agent-link.js';
import { ReplyError, type HarnessClient } from '../../testing/command-harness.js';

const err = (message: string) => new ReplyError(message);
const TIMEOUT = 'ERR the gossip-agent did not answer in time';

/** What the connection does with commands read while its client is suspended: they wait in `pending`. */
function pipeline(client: HarnessClient, ...commands: string[][]): void {
  for (const command of commands) client.state.pending.push(command.map((word) => Buffer.from(word)));
}

/** Lets the promise callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('a CLUSTER subcommand answered later by the agent', () => {
  it('suspends the client, writes nothing, and tells the agent the words after CLUSTER and the client address', () => {
    const { h, agent } = deferredAgentHarness();
    expect(h.client.runAll('CLUSTER', 'ADDSLOTS', '1', '2')).toEqual([]);
    expect(h.client.state.suspended).not.toBeNull();
    expect(h.client.reading).toBe(false);
    expect(agent.calls.map((call) => [call.args, call.facts])).toEqual([
      [['ADDSLOTS', '1', '2'], { clientAddress: h.client.state.addr }],
    ]);
  });

  it('runs the pipelined commands after its reply, in order', async () => {
    const { h, agent } = deferredAgentHarness();
    h.client.runAll('CLUSTER', 'ADDSLOTS', '1');
    pipeline(h.client, ['SET', 'b', '1'], ['INCR', 'b'], ['GET', 'b']);
    await settle();
    expect(h.client.replies()).toEqual([]);
    agent.calls[0]?.resolve({ kind: 'ok' });
    await settle();
    expect(h.client.replies()).toEqual(['OK', 'OK', 2, '2']);
    expect(h.client.state.suspended).toBeNull();
    expect(h.client.reading).toBe(true);
  });

  it('renders typed values and errors of the agent like its own replies', async () => {
    const { h, agent } = deferredAgentHarness();
    h.client.runAll('CLUSTER', 'BUMPEPOCH');
    agent.calls[0]?.resolve({ kind: 'status', text: 'BUMPED 4' });
    await settle();
    expect(h.client.replies()).toEqual(['BUMPED 4']);
    h.client.runAll('CLUSTER', 'ADDSLOTS', '1');
    agent.calls[1]?.resolve({ kind: 'error', text: 'ERR Slot 1 is already busy' });
    await settle();
    expect(h.client.replies()).toEqual([err('ERR Slot 1 is already busy')]);
    const info = h.run('INFO', 'commandstats') as string;
    expect(info).toMatch(/cmdstat_cluster\|addslots:calls=1,.*failed_calls=1/);
    expect(h.run('INFO', 'errorstats')).toContain('errorstat_ERR:count=1');
  });

  it('answers the timeout error when the agent is silent past the deadline, then runs what waited', () => {
    const { h } = deferredAgentHarness();
    h.client.runAll('CLUSTER', 'MEET', '127.0.0.1', '7005');
    pipeline(h.client, ['PING']);
    h.advance(AGENT_REPLY_TIMEOUT_MS - 1);
    expect(h.client.replies()).toEqual([]);
    h.advance(1);
    expect(h.client.replies()).toEqual([err(TIMEOUT), 'PONG']);
  });

  it('answers the timeout error when the link fails, and ignores an answer after the deadline', async () => {
    const { h, agent } = deferredAgentHarness();
    h.client.runAll('CLUSTER', 'FORGET', 'b'.repeat(40));
    agent.calls[0]?.reject(new Error('UNAVAILABLE'));
    await settle();
    expect(h.client.replies()).toEqual([err(TIMEOUT)]);
    h.client.runAll('CLUSTER', 'ADDSLOTS', '9');
    h.advance(AGENT_REPLY_TIMEOUT_MS);
    agent.calls[1]?.resolve({ kind: 'ok' });
    await settle();
    expect(h.client.replies()).toEqual([err(TIMEOUT)]);
  });

  it('drops the answer of a client that disconnected meanwhile', async () => {
    const { h, agent } = deferredAgentHarness();
    const other = h.newClient();
    other.runAll('CLUSTER', 'ADDSLOTS', '3');
    h.state.suspensions.drop(other.state);
    other.state.closing = true;
    agent.calls[0]?.resolve({ kind: 'ok' });
    await settle();
    expect(other.replies()).toEqual([]);
    expect(h.state.suspensions.suspendedClients).toBe(0);
  });

  it('keeps suspended clients apart: each gets its own answer', async () => {
    const { h, agent } = deferredAgentHarness();
    const other = h.newClient();
    h.client.runAll('CLUSTER', 'ADDSLOTS', '1');
    other.runAll('CLUSTER', 'ADDSLOTS', '2');
    agent.calls[1]?.resolve({ kind: 'error', text: 'ERR Slot 2 is already busy' });
    await settle();
    expect(other.replies()).toEqual([err('ERR Slot 2 is already busy')]);
    expect(h.client.replies()).toEqual([]);
    agent.calls[0]?.resolve({ kind: 'ok' });
    await settle();
    expect(h.client.replies()).toEqual(['OK']);
  });
});

describe('inside MULTI', () => {
  it('queues the subcommand and EXEC answers it with an error inline, without forwarding it', () => {
    const { h, agent } = deferredAgentHarness();
    expect(h.run('MULTI')).toBe('OK');
    expect(h.run('CLUSTER', 'ADDSLOTS', '1')).toBe('QUEUED');
    expect(h.run('SET', 'b', '1')).toBe('QUEUED');
    expect(h.run('EXEC')).toEqual([
      err('ERR CLUSTER ADDSLOTS cannot run inside MULTI when the node has a gossip-agent'),
      'OK',
    ]);
    expect(agent.calls).toEqual([]);
    expect(h.client.state.suspended).toBeNull();
  });
});
