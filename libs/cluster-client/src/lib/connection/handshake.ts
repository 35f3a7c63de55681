// The commands a new connection sends before any other, in the order node-redis and ioredis use:
// `HELLO 3 [AUTH u p] [SETNAME n]` with RESP3, else `AUTH [u] p` and `CLIENT SETNAME n`; then `READONLY`
// for replica reads (redis-compat 1.5/1.6). Pure: returns argument lists; the connection sends them.

export interface HandshakeSettings {
  readonly protocol: 2 | 3;
  readonly username?: string | undefined;
  readonly password?: string | undefined;
  readonly clientName?: string | undefined;
  readonly readOnly: boolean;
}

/** The handshake commands for `settings`, as argument lists (possibly none). */
export function handshakeCommands(settings: HandshakeSettings): string[][] {
  const commands: string[][] = [];
  const { protocol, username, password, clientName } = settings;
  if (protocol === 3) {
    const hello = ['HELLO', '3'];
    if (password !== undefined) hello.push('AUTH', username ?? 'default', password);
    if (clientName !== undefined) hello.push('SETNAME', clientName);
    commands.push(hello);
  } else {
    if (password !== undefined)
      commands.push(username === undefined ? ['AUTH', password] : ['AUTH', username, password]);
    if (clientName !== undefined) commands.push(['CLIENT', 'SETNAME', clientName]);
  }
  if (settings.readOnly) commands.push(['READONLY']);
  return commands;
}

/** The name of a handshake command for messages and logs (never its arguments: they hold credentials). */
export function handshakeCommandName(args: readonly string[]): string {
  return args[0] === 'CLIENT' ? 'CLIENT SETNAME' : (args[0] ?? '');
}
