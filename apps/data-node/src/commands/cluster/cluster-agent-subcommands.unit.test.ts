// The CLUSTER subcommands that change the configuration, through the dispatcher to the in-process agent link
// (cluster-model transitions): replies and refusals are Redis's, the new topology routes the next command,
// they queue in MULTI and EXEC answers their errors inline (redis-cli --cluster fix), and the data-node acts
// on what concerns its keyspace (FLUSHSLOTS and RESET need it empty; a replica's RESET empties it).
import { ADMIN_SUBCOMMANDS } from '@tessera/cluster-model';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClusterMode } from '../../cluster/enable-cluster-mode.js';
import { FAILOVER_NEEDS_AGENT } from '../../cluster/local-agent-link.js';
import { A, B, C, R, clusterHarness, threeMasters } from '../../testing/cluster-fixtures.js';
import { ReplyError, type CommandHarness } from '../../testing/command-harness.js';
import { clusterAgentSubcommands } from './cluster.js';

const err = (message: string) => new ReplyError(message);

let mode: ClusterMode | undefined;
afterEach(() => mode?.close());

function node(initial?: Parameters<typeof clusterHarness>[0], config: Record<string, string> = {}) {
  const made = clusterHarness(initial, { 'cluster-announce-ip': '127.0.0.1', ...config });
  mode = made.mode;
  return made;
}

function myselfLine(h: CommandHarness): string {
  return (h.run('CLUSTER', 'NODES') as string).split('\n').find((l) => l.includes('myself')) ?? '';
}

describe('a fresh node', () => {
  it('knows only itself, owns nothing and is down', () => {
    const { h } = node();
    const info = h.run('CLUSTER', 'INFO') as string;
    expect(info).toContain('cluster_state:fail\r\n');
    expect(info).toContain('cluster_known_nodes:1\r\n');
    expect(myselfLine(h)).toMatch(/^[0-9a-f]{40} 127\.0\.0\.1:7000@17000 myself,master - 0 0 0 connected$/);
    expect(h.run('SET', 'foo', '1')).toEqual(err('CLUSTERDOWN Hash slot not served'));
  });

  it('takes every slot with ADDSLOTSRANGE and serves once cluster_state turns ok', () => {
    const { h, mode: cluster } = node();
    expect(h.run('CLUSTER', 'ADDSLOTSRANGE', '0', '16383')).toBe('OK');
    expect(myselfLine(h)).toMatch(/ connected 0-16383$/);
    // Redis keeps a master down for the rejoin delay after it left a minority (a slotless node is one).
    expect(h.run('SET', 'foo', '1')).toEqual(err('CLUSTERDOWN The cluster is down'));
    h.advance(5_000);
    cluster.agent.evaluate();
    expect(h.run('CLUSTER', 'INFO')).toMatch(/^cluster_state:ok\r\n/);
    expect(h.run('SET', 'foo', '1')).toBe('OK');
    expect(h.run('CLUSTER', 'COUNTKEYSINSLOT', '12182')).toBe(1);
  });
});

describe('slot assignment', () => {
  it("refuses with Redis's texts and changes nothing", () => {
    const { h } = node();
    expect(h.run('CLUSTER', 'ADDSLOTS', '1', '2', '1')).toEqual(err('ERR Slot 1 specified multiple times'));
    expect(h.run('CLUSTER', 'ADDSLOTS', '16384')).toEqual(err('ERR Invalid or out of range slot'));
    expect(h.run('CLUSTER', 'ADDSLOTSRANGE', '5', '1')).toEqual(
      err('ERR start slot number 5 is greater than end slot number 1'),
    );
    expect(h.run('CLUSTER', 'ADDSLOTSRANGE', '1', '2', '3')).toEqual(
      err("ERR wrong number of arguments for 'cluster|addslotsrange' command"),
    );
    expect(h.run('CLUSTER', 'DELSLOTS', '0')).toEqual(err('ERR Slot 0 is already unassigned'));
    expect(h.run('CLUSTER', 'ADDSLOTS')).toEqual(
      err("ERR wrong number of arguments for 'cluster|addslots' command"),
    );
    expect(myselfLine(h)).toMatch(/ connected$/);
  });

  it('adds and deletes slots, one by one and by ranges', () => {
    const { h } = node();
    expect(h.run('CLUSTER', 'ADDSLOTS', '0', '1', '2', '7')).toBe('OK');
    expect(h.run('CLUSTER', 'ADDSLOTSRANGE', '100', '199', '300', '300')).toBe('OK');
    expect(h.run('CLUSTER', 'ADDSLOTS', '100')).toEqual(err('ERR Slot 100 is already busy'));
    expect(h.run('CLUSTER', 'DELSLOTS', '1')).toBe('OK');
    expect(h.run('CLUSTER', 'DELSLOTSRANGE', '150', '199')).toBe('OK');
    expect(myselfLine(h)).toMatch(/ connected 0 2 7 100-149 300$/);
  });

  it('FLUSHSLOTS drops every slot of myself, only with an empty database', () => {
    const { h, mode: cluster } = node();
    h.run('CLUSTER', 'ADDSLOTSRANGE', '0', '16383');
    h.advance(5_000);
    cluster.agent.evaluate();
    h.run('SET', 'foo', '1');
    expect(h.run('CLUSTER', 'FLUSHSLOTS')).toEqual(
      err('ERR DB must be empty to perform CLUSTER FLUSHSLOTS.'),
    );
    h.run('FLUSHALL');
    expect(h.run('CLUSTER', 'FLUSHSLOTS')).toBe('OK');
    expect(myselfLine(h)).toMatch(/ connected$/);
    expect(h.run('GET', 'foo')).toEqual(err('CLUSTERDOWN Hash slot not served'));
  });
});

describe('CLUSTER SETSLOT', () => {
  it('opens and closes a migration, which routing follows', () => {
    const { h } = node(threeMasters());
    expect(h.run('CLUSTER', 'SETSLOT', '100', 'MIGRATING', B)).toBe('OK');
    expect(myselfLine(h)).toContain(`[100->-${B}]`);
    expect(h.run('CLUSTER', 'SETSLOT', '6000', 'IMPORTING', B)).toBe('OK');
    expect(myselfLine(h)).toContain(`[6000-<-${B}]`);
    expect(h.run('CLUSTER', 'SETSLOT', '100', 'STABLE')).toBe('OK');
    expect(h.run('CLUSTER', 'SETSLOT', '6000', 'STABLE')).toBe('OK');
    expect(myselfLine(h)).not.toContain('[');
  });

  it("refuses with Redis's texts", () => {
    const { h } = node(threeMasters());
    expect(h.run('CLUSTER', 'SETSLOT', '6000', 'MIGRATING', B)).toEqual(
      err("ERR I'm not the owner of hash slot 6000"),
    );
    expect(h.run('CLUSTER', 'SETSLOT', '100', 'IMPORTING', B)).toEqual(
      err("ERR I'm already the owner of hash slot 100"),
    );
    expect(h.run('CLUSTER', 'SETSLOT', '100', 'MIGRATING', 'nope')).toEqual(
      err("ERR I don't know about node nope"),
    );
    expect(h.run('CLUSTER', 'SETSLOT', '100', 'MIGRATING', R)).toEqual(
      err('ERR Target node is not a master'),
    );
    expect(h.run('CLUSTER', 'SETSLOT', '100', 'BOGUS')).toEqual(
      err('ERR Invalid CLUSTER SETSLOT action or number of arguments. Try CLUSTER HELP'),
    );
    h.run('SET', '{a}x', '1'); // slot 15495 is C's: MOVED, nothing stored
    h.run('SET', '{b}x', '1'); // slot 3300 is A's
    expect(h.run('CLUSTER', 'SETSLOT', '3300', 'NODE', B)).toEqual(
      err("ERR Can't assign hashslot 3300 to a different node while I still hold keys for this hash slot."),
    );
  });

  it('hands a slot over with NODE: the next command on it is MOVED', () => {
    const { h } = node(threeMasters());
    expect(h.run('CLUSTER', 'SETSLOT', '3300', 'NODE', C)).toBe('OK');
    expect(h.run('GET', 'b')).toEqual(err('MOVED 3300 127.0.0.1:7002'));
    expect(h.run('CLUSTER', 'SLOTS')).toContainEqual([3300, 3300, ['127.0.0.1', 7002, C, []]]);
  });

  it('refuses on a replica', () => {
    const { h } = node(threeMasters({ myself: R }));
    expect(h.run('CLUSTER', 'SETSLOT', '100', 'STABLE')).toEqual(
      err('ERR Please use SETSLOT only with masters.'),
    );
  });
});

describe('membership', () => {
  it('MEET adds a handshake node (it never completes without the agent) and checks its arguments', () => {
    const { h } = node();
    expect(h.run('CLUSTER', 'MEET', '127.0.0.1', '7001')).toBe('OK');
    expect(h.run('CLUSTER', 'NODES')).toMatch(/ 127\.0\.0\.1:7001@17001 handshake - /);
    expect(h.run('CLUSTER', 'MEET', '1.2.3.4', 'x')).toEqual(err('ERR Invalid TCP base port specified: x'));
    expect(h.run('CLUSTER', 'MEET', 'nope', '7001')).toEqual(
      err('ERR Invalid node address specified: nope:7001'),
    );
    expect(h.run('CLUSTER', 'MEET', '1', '2', '3', '4')).toEqual(
      err("ERR unknown subcommand or wrong number of arguments for 'MEET'. Try CLUSTER HELP."),
    );
  });

  it('REPLICATE and FORGET refuse unknown ids and myself', () => {
    const { h } = node(threeMasters());
    expect(h.run('CLUSTER', 'REPLICATE', 'nope')).toEqual(err('ERR Unknown node nope'));
    expect(h.run('CLUSTER', 'REPLICATE', A)).toEqual(err("ERR Can't replicate myself"));
    expect(h.run('CLUSTER', 'FORGET', 'nope')).toEqual(err('ERR Unknown node nope'));
    expect(h.run('CLUSTER', 'FORGET', A)).toEqual(err("ERR I tried hard but I can't forget myself..."));
  });

  it('FORGET removes a node from the table', () => {
    const { h } = node(threeMasters());
    expect(h.run('CLUSTER', 'FORGET', R)).toBe('OK');
    expect(h.run('CLUSTER', 'NODES')).not.toContain(R);
    expect(h.run('CLUSTER', 'REPLICAS', A)).toEqual([]);
  });

  it('RESET refuses a master with keys, and a soft reset keeps the id while a hard one changes it', () => {
    const { h } = node(threeMasters());
    h.run('SET', 'bar', '1');
    expect(h.run('CLUSTER', 'RESET')).toEqual(
      err("ERR CLUSTER RESET can't be called with master nodes containing keys"),
    );
    expect(h.run('CLUSTER', 'RESET', 'MEDIUM')).toEqual(err('ERR syntax error'));
    expect(h.run('CLUSTER', 'RESET', 'SOFT', 'x')).toEqual(
      err("ERR unknown subcommand or wrong number of arguments for 'RESET'. Try CLUSTER HELP."),
    );
    h.run('FLUSHALL');
    expect(h.run('CLUSTER', 'RESET', 'SOFT')).toBe('OK');
    expect(h.run('CLUSTER', 'MYID')).toBe(A);
    expect(h.run('CLUSTER', 'INFO')).toContain('cluster_known_nodes:1\r\n');
    expect(h.run('CLUSTER', 'RESET', 'HARD')).toBe('OK');
    expect(h.run('CLUSTER', 'MYID')).not.toBe(A);
  });

  it('RESET on a replica empties its data, as Redis does when a replica becomes an empty master', () => {
    const { h } = node(threeMasters({ myself: R }));
    h.state.db.set('replicated', '1'); // as a replication stream would have written it
    expect(h.run('DBSIZE')).toBe(1);
    expect(h.run('CLUSTER', 'RESET')).toBe('OK');
    expect(h.run('DBSIZE')).toBe(0);
    expect(myselfLine(h)).toContain(' myself,master - ');
  });
});

describe('epochs', () => {
  it('SET-CONFIG-EPOCH works once on a lone node, then BUMPEPOCH replies BUMPED or STILL', () => {
    const { h } = node();
    expect(h.run('CLUSTER', 'SET-CONFIG-EPOCH', 'x')).toEqual(
      err('ERR value is not an integer or out of range'),
    );
    expect(h.run('CLUSTER', 'SET-CONFIG-EPOCH', '-1')).toEqual(err('ERR Invalid config epoch specified: -1'));
    expect(h.run('CLUSTER', 'SET-CONFIG-EPOCH', '5')).toBe('OK');
    expect(h.run('CLUSTER', 'SET-CONFIG-EPOCH', '6')).toEqual(
      err('ERR Node config epoch is already non-zero'),
    );
    expect(h.run('CLUSTER', 'BUMPEPOCH')).toBe('STILL 5');
    expect(h.run('CLUSTER', 'INFO')).toContain('cluster_my_epoch:5\r\n');
  });

  it('BUMPEPOCH takes a new epoch when another master holds the largest', () => {
    const { h } = node(threeMasters());
    expect(h.run('CLUSTER', 'BUMPEPOCH')).toBe('BUMPED 4');
    expect(h.run('CLUSTER', 'SET-CONFIG-EPOCH', '9')).toEqual(
      err('ERR The user can assign a config epoch only when the node does not know any other node.'),
    );
  });

  it('SAVECONFIG answers OK (nodes.conf belongs to the agent)', () => {
    expect(node().h.run('CLUSTER', 'SAVECONFIG')).toBe('OK');
  });
});

describe('CLUSTER FAILOVER', () => {
  it("checks its option and Redis's preconditions", () => {
    const { h } = node(threeMasters());
    expect(h.run('CLUSTER', 'FAILOVER')).toEqual(err('ERR You should send CLUSTER FAILOVER to a replica'));
    expect(h.run('CLUSTER', 'FAILOVER', 'NOW')).toEqual(err('ERR syntax error'));
    expect(h.run('CLUSTER', 'FAILOVER', 'FORCE', 'NOW')).toEqual(
      err("ERR unknown subcommand or wrong number of arguments for 'FAILOVER'. Try CLUSTER HELP."),
    );
  });

  it('is refused on a replica: the in-process agent link cannot run a failover', () => {
    const { h } = node(threeMasters({ myself: R }));
    expect(h.run('CLUSTER', 'FAILOVER')).toEqual(err(FAILOVER_NEEDS_AGENT));
    expect(h.run('CLUSTER', 'FAILOVER', 'TAKEOVER')).toEqual(err(FAILOVER_NEEDS_AGENT));
  });
});

describe('admin subcommands in MULTI (redis-cli --cluster fix: clusterManagerSetSlotOwner)', () => {
  it('queue, and EXEC returns every reply with errors inline', () => {
    const { h } = node(threeMasters());
    expect(h.run('MULTI')).toBe('OK');
    expect(h.run('CLUSTER', 'DELSLOTS', '100')).toBe('QUEUED');
    expect(h.run('CLUSTER', 'ADDSLOTS', '100')).toBe('QUEUED');
    expect(h.run('CLUSTER', 'ADDSLOTS', '100')).toBe('QUEUED');
    expect(h.run('CLUSTER', 'SETSLOT', '100', 'STABLE')).toBe('QUEUED');
    expect(h.run('CLUSTER', 'BUMPEPOCH')).toBe('QUEUED');
    expect(h.run('EXEC')).toEqual(['OK', 'OK', err('ERR Slot 100 is already busy'), 'OK', 'BUMPED 4']);
  });
});

describe('the forwarded subcommands', () => {
  it('are exactly the ones the model runs (runAdminCommand)', () => {
    expect(clusterAgentSubcommands.map((spec) => spec.name).sort()).toEqual([...ADMIN_SUBCOMMANDS].sort());
  });
});
