// Test support: a gossip-agent as a real process (dist/apps/gossip-agent/main.js, built by the test target's
// dependsOn) on free ports with its own nodes.conf, plus its FakeDataNode. Not built.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, ManagedProcess } from '@tessera/testing';
import { FakeDataNode } from './fake-data-node.js';

export const TEST_SECRET = 'gossip-agent integration test secret 1234';
const AGENT_MAIN = join(import.meta.dirname, '../../../../dist/apps/gossip-agent/main.js');

export interface AgentProcessOptions {
  readonly nodeTimeout?: number;
  readonly secret?: string;
  readonly dir?: string;
  readonly port?: number;
  readonly busPort?: number;
  /** Extra `--directive value` pairs. */
  readonly args?: readonly string[];
}

export class AgentProcess {
  process: ManagedProcess | null = null;
  dataNode: FakeDataNode | null = null;

  private constructor(
    readonly port: number,
    readonly busPort: number,
    readonly dir: string,
    readonly options: AgentProcessOptions,
  ) {}

  static async start(options: AgentProcessOptions = {}): Promise<AgentProcess> {
    const port = options.port ?? (await freePort());
    const busPort = options.busPort ?? (await freePort());
    const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'tessera-agent-'));
    const agent = new AgentProcess(port, busPort, dir, options);
    await agent.restart();
    return agent;
  }

  get secret(): string {
    return this.options.secret ?? TEST_SECRET;
  }

  /** (Re)starts the process and attaches a fresh fake data-node. */
  async restart(): Promise<void> {
    this.process = await ManagedProcess.start({
      command: process.execPath,
      args: [
        AGENT_MAIN,
        '--port',
        String(this.port),
        '--cluster-port',
        String(this.busPort),
        '--bind',
        '127.0.0.1',
        '--dir',
        this.dir,
        '--cluster-config-file',
        'nodes.conf',
        '--cluster-node-timeout',
        String(this.options.nodeTimeout ?? 1000),
        ...(this.options.args ?? []),
      ],
      env: { ...process.env, TESSERA_CLUSTER_SECRET: this.secret, LOG_LEVEL: 'warn' },
      readyPort: this.busPort,
      host: '127.0.0.1',
    });
    this.dataNode = new FakeDataNode(`127.0.0.1:${this.busPort}`, this.secret, this.port);
    this.dataNode.attach();
  }

  get data(): FakeDataNode {
    if (this.dataNode === null) throw new Error('agent not started');
    return this.dataNode;
  }

  kill(signal: NodeJS.Signals = 'SIGKILL'): void {
    this.dataNode?.close();
    this.dataNode = null;
    this.process?.signal(signal);
  }

  async stop(): Promise<void> {
    this.dataNode?.close();
    this.dataNode = null;
    await this.process?.stop();
    this.process = null;
  }
}
