// Test support: a tiny RESP server on a free loopback port whose replies come from a script, for the
// faults a real Redis cannot be made to produce (MOVED to itself or forever, garbage bytes, a peer that
// never answers). It records every command it receives. Disposable (`await using`). Not part of the
// published package (excluded by tsconfig.lib.json).
import { createServer, type Socket } from 'node:net';
import { RequestDecoder } from '@tessera/resp';

/** Reply of a script that closes the connection instead of answering. */
export const HANG_UP = Symbol('hang up');

/** Raw reply bytes for one command (`'+OK\r\n'`), null to leave it unanswered, or HANG_UP. */
export type Script = (args: string[], connection: number) => string | Buffer | null | typeof HANG_UP;

export interface ScriptedServer extends AsyncDisposable {
  readonly port: number;
  readonly endpoint: string;
  /** Every command received, as latin1 strings, in arrival order. */
  readonly commands: string[][];
  /** Connections accepted so far. */
  readonly connections: number;
  close(): Promise<void>;
}

/** Starts the server on `port` (a free one by default: pass a port again to restart on it). */
export async function startScriptedServer(script: Script, port = 0): Promise<ScriptedServer> {
  const sockets = new Set<Socket>();
  const commands: string[][] = [];
  let connections = 0;
  const server = createServer((socket) => {
    const connection = connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const decoder = new RequestDecoder({
      command: (raw) => {
        const args = raw.map((arg) => arg.toString('latin1'));
        commands.push(args);
        const reply = script(args, connection);
        if (reply === HANG_UP) socket.destroy();
        else if (reply !== null && !socket.destroyed) socket.write(reply);
      },
      protocolError: () => socket.destroy(),
    });
    socket.on('data', (chunk: Buffer) => decoder.feed(chunk));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const bound = (server.address() as { port: number }).port;
  const close = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return {
    port: bound,
    endpoint: `127.0.0.1:${bound}`,
    commands,
    get connections() {
      return connections;
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}

/** A CLUSTER SLOTS reply (RESP2) giving every slot to 127.0.0.1:`port`. */
export function allSlotsTo(port: number): string {
  const id = 'a'.repeat(40);
  return `*1\r\n*3\r\n:0\r\n:16383\r\n*3\r\n$9\r\n127.0.0.1\r\n:${port}\r\n$40\r\n${id}\r\n`;
}
