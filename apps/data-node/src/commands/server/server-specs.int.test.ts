// Every connection and server command spec (arity, flags, key positions, ACL categories), subcommands
// included, matches what a real redis-server 7 reports in COMMAND INFO. CLIENT SETINFO (Redis 7.2) is
// not in the 7.0 oracle and is checked against its 7.2 definition instead.
import { describeSpecsMatchRedis } from '../../testing/spec-oracle.js';
import { connectionCommands } from '../connection/index.js';
import { memoryServerSubcommands, serverCommands } from './index.js';

describeSpecsMatchRedis('connection and server', [...connectionCommands, ...serverCommands], {
  subcommands: true,
  moreSubcommands: { memory: memoryServerSubcommands },
  // CommandFlag has no no_async_loading: there is no async loading (no persistence) to refuse it during.
  undeclaredFlags: ['movablekeys', 'no_async_loading'],
  // Many of these specs declare no categories: COMMAND INFO derives them from the flags, in ACL order.
  categoriesInOrder: true,
  newerThanOracle: {
    // Added in Redis 7.2: arity 4, no keys, like CLIENT SETNAME.
    'client|setinfo': {
      arity: 4,
      flags: ['noscript', 'loading', 'stale'],
      categories: ['slow', 'connection'],
    },
  },
});
