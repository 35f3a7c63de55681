// One CLIENT LIST / CLIENT INFO line in Redis's format (redis src/networking.c catClientInfoString, with
// the lib-name/lib-ver fields of 7.2 since CLIENT SETINFO exists). Fields the data-node has no equivalent
// for keep their names with neutral values (rbs/rbp/obl/oll 0, redir -1) so parsers keep working.
import type { ClientState } from '../../server/client-state.js';
import type { ServerState } from '../../server/server-state.js';

/** The command currently running for `client`, whose line shows it as `cmd` with its argument bytes. */
export interface CurrentCommand {
  readonly client: ClientState;
  readonly fullName: string;
  readonly args: readonly Buffer[];
}

/** Redis's flag letters, in its order: P pubsub, x MULTI, b blocked, d dirty WATCH, c close after reply... */
function flagsOf(client: ClientState): string {
  let flags = '';
  if (client.subscriptionCount !== 0) flags += 'P';
  if (client.multi !== null) flags += 'x';
  if (client.blocked !== null) flags += 'b';
  if (client.watchDirty) flags += 'd';
  if (client.closing) flags += 'c';
  if (client.readonly) flags += 'r';
  if (client.noEvict) flags += 'e';
  return flags === '' ? 'N' : flags;
}

function queuedBytes(client: ClientState): number {
  let bytes = 0;
  for (const command of client.multi ?? []) for (const arg of command.args) bytes += arg.length;
  return bytes;
}

/** The description line of `client`, without the trailing newline. */
export function describeClient(server: ServerState, client: ClientState, current: CurrentCommand): string {
  const now = server.now();
  const info = client.transport.describe(client);
  const isCurrent = client === current.client;
  let argvBytes = 0;
  if (isCurrent) for (const arg of current.args) argvBytes += arg.length;
  const multiBytes = queuedBytes(client);
  const outputBytes = info.outputBuffer + client.writer.length;
  const fields = [
    `id=${client.id}`,
    `addr=${client.addr}`,
    `laddr=${client.laddr}`,
    `fd=${info.fd}`,
    `name=${client.name}`,
    `age=${Math.floor((now - client.createdAt) / 1000)}`,
    `idle=${isCurrent ? 0 : Math.floor((now - client.lastInteraction) / 1000)}`,
    `flags=${flagsOf(client)}`,
    `db=${client.db}`,
    `sub=${client.channels.size}`,
    `psub=${client.patterns.size}`,
    `ssub=${client.shardChannels.size}`,
    `multi=${client.multi === null ? -1 : client.multi.length}`,
    `qbuf=${info.queryBuffer}`,
    'qbuf-free=0',
    `argv-mem=${argvBytes}`,
    `multi-mem=${multiBytes}`,
    'rbs=0',
    'rbp=0',
    'obl=0',
    'oll=0',
    `omem=${outputBytes}`,
    `tot-mem=${info.queryBuffer + argvBytes + multiBytes + outputBytes}`,
    `events=${outputBytes > 0 ? 'rw' : 'r'}`,
    `cmd=${isCurrent ? current.fullName : client.lastCommand}`,
    `user=${client.user}`,
    'redir=-1',
    `resp=${client.protocol}`,
    `lib-name=${client.libName}`,
    `lib-ver=${client.libVersion}`,
  ];
  return fields.join(' ');
}

/** Redis's client classes for CLIENT LIST TYPE and CLIENT KILL TYPE (getClientTypeByName). */
export const ClientType = {
  normal: 'normal',
  replica: 'replica',
  pubsub: 'pubsub',
  master: 'master',
} as const;
export type ClientType = (typeof ClientType)[keyof typeof ClientType];

/** Parses a type name (`slave` is `replica`), or null when unknown. */
export function parseClientType(name: string): ClientType | null {
  switch (name.toLowerCase()) {
    case 'normal':
      return ClientType.normal;
    case 'slave':
    case 'replica':
      return ClientType.replica;
    case 'pubsub':
      return ClientType.pubsub;
    case 'master':
      return ClientType.master;
    default:
      return null;
  }
}

/** The class of a connected client: pub/sub when it has subscriptions, otherwise normal. */
export function clientTypeOf(client: ClientState): ClientType {
  return client.subscriptionCount !== 0 ? ClientType.pubsub : ClientType.normal;
}
