// The gossip-agent as a supervised child process, with a small fake agent script written to a temp dir that
// records its argv, environment and signals: the data-node passes redis-server's directive names and the
// secret in the environment only, restarts an agent that exits, and SIGTERMs it on close.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRootLogger } from '@tessera/telemetry';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freePort } from '@tessera/testing';
import { startInProcessNode } from '../testing/in-process-node.js';
import { AgentSupervisor } from './agent-supervisor.js';

/** Appends one JSON line per start and per SIGTERM to $FAKE_AGENT_OUT; exits at once while $FAKE_AGENT_EXITS > starts. */
const FAKE_AGENT = `
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
const out = process.env.FAKE_AGENT_OUT;
const starts = existsSync(out) ? readFileSync(out, 'utf8').split('\\n').filter((l) => l.includes('"argv"')).length : 0;
appendFileSync(out, JSON.stringify({
  pid: process.pid,
  argv: process.argv.slice(2),
  secret: process.env.TESSERA_CLUSTER_SECRET ?? null,
  ipc: typeof process.send === 'function',
}) + '\\n');
if (starts < Number(process.env.FAKE_AGENT_EXITS ?? '0')) process.exit(3);
process.on('SIGTERM', () => {
  appendFileSync(out, JSON.stringify({ pid: process.pid, sigterm: true }) + '\\n');
  process.exit(0);
});
setInterval(() => undefined, 1000);
`;

interface Record {
  pid: number;
  argv?: string[];
  secret?: string | null;
  ipc?: boolean;
  sigterm?: boolean;
}

let dir: string;
let script: string;
let out: string;
const log = createRootLogger({ service: 'data-node', level: 'silent' });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tessera-agent-'));
  script = join(dir, 'fake-agent.mjs');
  out = join(dir, 'records.jsonl');
  writeFileSync(script, FAKE_AGENT);
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function records(): Record[] {
  if (!existsSync(out)) return [];
  return readFileSync(out, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record);
}

async function until(predicate: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('AgentSupervisor', () => {
  it('forks the script with its arguments, an IPC channel and the given environment, and SIGTERMs it on close', async () => {
    const supervisor = new AgentSupervisor({
      script,
      args: ['--port', '7000'],
      env: { ...process.env, FAKE_AGENT_OUT: out, TESSERA_CLUSTER_SECRET: 's3cret s3cret s3cret' },
      log,
    });
    supervisor.start();
    await until(() => records().length === 1, 'the agent to start');
    expect(records()[0]).toMatchObject({
      argv: ['--port', '7000'],
      secret: 's3cret s3cret s3cret',
      ipc: true,
    });
    expect(records()[0]?.pid).toBe(supervisor.pid);
    await supervisor.close();
    expect(records()[1]).toEqual({ pid: records()[0]?.pid, sigterm: true });
    expect(supervisor.pid).toBeUndefined();
  });

  it('restarts an agent that exits, with backoff, until one stays up', async () => {
    const supervisor = new AgentSupervisor({
      script,
      args: [],
      env: { ...process.env, FAKE_AGENT_OUT: out, FAKE_AGENT_EXITS: '2' },
      log,
      restart: { initialMs: 50, maxMs: 100 },
    });
    supervisor.start();
    try {
      await until(() => records().filter((r) => r.argv !== undefined).length === 3, 'three starts');
      const pids = records().map((r) => r.pid);
      expect(new Set(pids).size).toBe(3);
      expect(supervisor.restarts).toBe(2);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(records().length).toBe(3); // the third one stays up
    } finally {
      await supervisor.close();
    }
    expect(records().at(-1)).toMatchObject({ sigterm: true });
  });

  it('keeps retrying while the script is missing, and starts it once it exists', async () => {
    const later = join(dir, 'built-later.mjs');
    const supervisor = new AgentSupervisor({
      script: later,
      args: [],
      env: { ...process.env, FAKE_AGENT_OUT: out },
      log,
      restart: { initialMs: 50, maxMs: 100 },
    });
    supervisor.start();
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(records()).toEqual([]);
      writeFileSync(later, FAKE_AGENT);
      await until(() => records().length === 1, 'the agent to start once built');
    } finally {
      await supervisor.close();
    }
  });
});

describe('a data-node with cluster-agent spawn', () => {
  it("starts its gossip-agent with redis-server's directive names and the secret in the environment only", async () => {
    const busPort = await freePort();
    // The spawned agent inherits the data-node's environment: this tells the fake where to record.
    process.env['FAKE_AGENT_OUT'] = out;
    try {
      await using node = await startInProcessNode({
        'cluster-enabled': 'yes',
        'cluster-agent-script': script,
        'cluster-port': String(busPort),
        'cluster-config-file': 'nodes-test.conf',
        'cluster-node-timeout': '5000',
        'cluster-announce-ip': '10.1.2.3',
        'cluster-require-full-coverage': 'no',
        'cluster-bus-secret': 'spawned agent secret 9f8e7d6c',
        dir,
      });
      await until(() => records().length === 1, 'the spawned agent');
      expect(records()[0]?.argv).toEqual([
        '--port',
        String(node.port),
        '--cluster-port',
        String(busPort),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--cluster-config-file',
        'nodes-test.conf',
        '--cluster-node-timeout',
        '5000',
        '--cluster-announce-ip',
        '10.1.2.3',
        '--cluster-require-full-coverage',
        'no',
      ]);
      expect(records()[0]?.secret).toBe('spawned agent secret 9f8e7d6c');
      expect(records()[0]?.argv?.join(' ')).not.toContain('secret');
      expect(node.cluster?.kind === 'attached' && node.cluster.supervisor?.pid).toBe(records()[0]?.pid);
    } finally {
      delete process.env['FAKE_AGENT_OUT'];
    }
    // Closing the node stopped its agent with SIGTERM.
    expect(records()[1]).toEqual({ pid: records()[0]?.pid, sigterm: true });
  });
});
