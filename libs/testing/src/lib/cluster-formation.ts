// The two ways the tessera harness forms a cluster out of empty nodes: the operators' tool
// (`redis-cli --cluster create`, itself under test) and plain CLUSTER commands (MEET + ADDSLOTSRANGE +
// REPLICATE) for tests that must not depend on redis-cli. Both only send commands; waiting for the cluster
// to agree is the caller's.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { RespValue } from '@tessera/resp';
import { requireProgram } from './require-program.js';

const SLOTS = 16384;

/** What the formation helpers need to know of a node. */
export interface FormationNode {
  readonly port: number;
  readonly busPort: number;
}

export type CallNode = (node: FormationNode, ...args: string[]) => Promise<RespValue>;

/**
 * Slot ranges for `masters` masters, split as redis-cli does (`clusterManagerCommandCreate`: lround over
 * 16384/masters), so both formations give the same layout: 3 masters → 0-5460, 5461-10922, 10923-16383.
 */
export function splitSlots(masters: number): [number, number][] {
  if (!Number.isInteger(masters) || masters < 1 || masters > SLOTS) {
    throw new RangeError(`masters must be an integer in 1..${SLOTS}, got ${masters}`);
  }
  const per = SLOTS / masters;
  const ranges: [number, number][] = [];
  let first = 0;
  let cursor = 0;
  for (let i = 0; i < masters; i++) {
    let last = Math.round(cursor + per - 1); // C lround: halves away from zero, same for positives
    if (last > SLOTS - 1 || i === masters - 1) last = SLOTS - 1;
    if (last < first) last = first;
    ranges.push([first, last]);
    first = last + 1;
    cursor += per;
  }
  return ranges;
}

export interface RedisCliCreateOptions {
  readonly host: string;
  readonly replicasPerMaster: number;
  /** redis-cli waits for the join forever: kill it after this long. */
  readonly timeoutMs: number;
}

/**
 * `redis-cli --cluster create h:p... --cluster-replicas R --cluster-yes`; resolves with its output (colour
 * codes stripped), rejects with it when redis-cli fails or times out.
 */
export async function createWithRedisCli(
  nodes: readonly FormationNode[],
  options: RedisCliCreateOptions,
): Promise<string> {
  const cli = requireProgram('redis-cli');
  const args = [
    '--cluster',
    'create',
    ...nodes.map((node) => `${options.host}:${node.port}`),
    '--cluster-replicas',
    String(options.replicasPerMaster),
    '--cluster-yes',
  ];
  try {
    const { stdout } = await promisify(execFile)(cli, args, { timeout: options.timeoutMs });
    return stripColours(stdout);
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(
      `redis-cli ${args.join(' ')} failed (${(error as Error).message.split('\n')[0]}):\n${stripColours(stdout)}${stderr}`,
      { cause: error },
    );
  }
}

/** redis-cli colours its cluster-manager output even into a pipe. */
export function stripColours(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}

export interface MeetFormationOptions {
  readonly host: string;
  /** The first `masters` nodes get the slots. */
  readonly masters: number;
  /** `chain`: node i meets node i+1 only (gossip must spread the rest); `star`: every node meets node 0. */
  readonly topology: 'chain' | 'star';
}

/** Gives the masters their slots (ADDSLOTSRANGE) and joins every node (MEET with the bus port). */
export async function meetAndAssignSlots(
  nodes: readonly FormationNode[],
  call: CallNode,
  options: MeetFormationOptions,
): Promise<void> {
  const ranges = splitSlots(options.masters);
  await Promise.all(
    ranges.map(([first, last], i) =>
      expectOk(call(nodes[i] as FormationNode, 'CLUSTER', 'ADDSLOTSRANGE', String(first), String(last))),
    ),
  );
  for (let i = 1; i < nodes.length; i++) {
    const from = nodes[options.topology === 'chain' ? i - 1 : 0] as FormationNode;
    const to = nodes[i] as FormationNode;
    await expectOk(call(from, 'CLUSTER', 'MEET', options.host, String(to.port), String(to.busPort)));
  }
}

/** Makes node `masters + k` a replica of master `k % masters` (CLUSTER REPLICATE <master id>). */
export async function replicateMasters(
  nodes: readonly FormationNode[],
  call: CallNode,
  masters: number,
): Promise<void> {
  const ids = await Promise.all(
    nodes.slice(0, masters).map(async (node) => String(await call(node, 'CLUSTER', 'MYID'))),
  );
  await Promise.all(
    nodes
      .slice(masters)
      .map((replica, k) => expectOk(call(replica, 'CLUSTER', 'REPLICATE', ids[k % masters] as string))),
  );
}

async function expectOk(reply: Promise<RespValue>): Promise<void> {
  const value = await reply;
  if (value !== 'OK') throw new Error(`expected OK, got ${JSON.stringify(value)}`);
}
