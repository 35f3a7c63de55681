// CLIENT: the container of connection-management subcommands (one file each). TRACKING, CACHING, GETREDIR
// and TRACKINGINFO (client-side caching) are not served yet and answer "unknown subcommand".
import { NO_KEYS, type CommandSpec } from '../command-spec.js';
import { Err } from '../reply-errors.js';
import { helpSubcommand } from '../server/help-subcommand.js';
import { clientGetname } from './client-getname.js';
import { clientId } from './client-id.js';
import { clientInfo } from './client-info.js';
import { clientKill } from './client-kill.js';
import { clientList } from './client-list.js';
import { clientNoEvict } from './client-no-evict.js';
import { clientPause } from './client-pause.js';
import { clientReply } from './client-reply.js';
import { clientSetinfo } from './client-setinfo.js';
import { clientSetname } from './client-setname.js';
import { clientUnblock } from './client-unblock.js';
import { clientUnpause } from './client-unpause.js';

/** Redis 7.0's CLIENT HELP lines for the subcommands served here (SETINFO's from 7.2). */
const HELP = [
  'GETNAME',
  '    Return the name of the current connection.',
  'ID',
  '    Return the ID of the current connection.',
  'INFO',
  '    Return information about the current client connection.',
  'KILL <ip:port>',
  '    Kill connection made from <ip:port>.',
  'KILL <option> <value> [<option> <value> [...]]',
  '    Kill connections. Options are:',
  '    * ADDR (<ip:port>|<unixsocket>:0)',
  '      Kill connections made from the specified address',
  '    * LADDR (<ip:port>|<unixsocket>:0)',
  '      Kill connections made to specified local address',
  '    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)',
  '      Kill connections by type.',
  '    * USER <username>',
  '      Kill connections authenticated by <username>.',
  '    * SKIPME (YES|NO)',
  '      Skip killing current connection (default: yes).',
  'LIST [options ...]',
  '    Return information about client connections. Options:',
  '    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)',
  '      Return clients of specified type.',
  'UNPAUSE',
  '    Stop the current client pause, resuming traffic.',
  'PAUSE <timeout> [WRITE|ALL]',
  '    Suspend all, or just write, clients for <timeout> milliseconds.',
  'REPLY (ON|OFF|SKIP)',
  '    Control the replies sent to the current connection.',
  'SETNAME <name>',
  '    Assign the name <name> to the current connection.',
  'SETINFO <option> <value>',
  '    Set client meta attr. Options are:',
  '    * LIB-NAME: the client lib name.',
  '    * LIB-VER: the client lib version.',
  'UNBLOCK <clientid> [TIMEOUT|ERROR]',
  '    Unblock the specified blocked client.',
  'NO-EVICT (ON|OFF)',
  '    Protect current client connection from eviction.',
];

export const client = {
  name: 'client',
  arity: -2,
  flags: [],
  categories: ['slow'],
  keys: NO_KEYS,
  docs: {
    summary: 'A container for client connection commands.',
    since: '2.4.0',
    group: 'connection',
    complexity: 'Depends on subcommand.',
  },
  subcommands: [
    clientId,
    clientGetname,
    clientSetname,
    clientSetinfo,
    clientInfo,
    clientList,
    clientKill,
    clientNoEvict,
    clientReply,
    clientUnblock,
    clientPause,
    clientUnpause,
    helpSubcommand('client', HELP, ['slow', 'connection']),
  ],
  handler(ctx) {
    ctx.error(Err.unknownSubcommand(ctx.argc > 1 ? ctx.arg(1) : '', 'client'));
  },
} satisfies CommandSpec;
