// Every cluster command spec (CLUSTER and each subcommand, ASKING, READONLY, READWRITE) matches what a real
// redis-server 7.0 reports in COMMAND INFO: arity, flags and ACL categories. CLUSTER MYSHARDID (Redis 7.2)
// is checked against its 7.2 definition instead. Redis's `no_async_loading` flag is not declared: there is
// no async loading here to refuse a command during.
import { expect, it } from 'vitest';
import { describeSpecsMatchRedis } from '../../testing/spec-oracle.js';
import { cluster } from './cluster.js';
import { clusterCommands } from './index.js';

describeSpecsMatchRedis('cluster', clusterCommands, {
  subcommands: true,
  undeclaredFlags: ['movablekeys', 'no_async_loading'],
  newerThanOracle: {
    'cluster|myshardid': { arity: 2, flags: ['stale'], categories: ['slow'] },
  },
  more: (oracle) => {
    it('serves every CLUSTER subcommand redis-server 7.0 has', async () => {
      const [info] = (await oracle().call('COMMAND', 'INFO', 'cluster')) as unknown[][];
      const theirs = ((info?.[9] as unknown[][]) ?? []).map((sub) => String(sub[0]));
      const ours = (cluster.subcommands ?? []).map((sub) => `cluster|${sub.name}`);
      expect(ours.filter((name) => name !== 'cluster|myshardid').sort()).toEqual(theirs.sort());
    });
  },
});
