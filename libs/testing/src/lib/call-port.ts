// One RESP command over a fresh connection to a node: for harness checks (CLUSTER INFO, CLUSTER NODES) that
// must not depend on the cluster clients under test. Error replies reject as RespError.
import { connect } from 'node:net';
import { encodeCommand, ReplyDecoder, RespError, type RespValue } from '@tessera/resp';

export interface CallOptions {
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** How long to wait for the reply. @default 5000 */
  readonly timeoutMs?: number;
}

/** Sends `args` to `port` and resolves with the first reply. */
export function callPort(
  port: number,
  args: readonly (string | Buffer)[],
  options: CallOptions = {},
): Promise<RespValue> {
  const timeoutMs = options.timeoutMs ?? 5000;
  return new Promise((resolve, reject) => {
    const socket = connect({ host: options.host ?? '127.0.0.1', port });
    const decoder = new ReplyDecoder({
      reply: (value) => {
        socket.destroy();
        if (value instanceof RespError) reject(value);
        else resolve(value);
      },
      protocolError: (error) => {
        socket.destroy();
        reject(error);
      },
    });
    socket.setTimeout(timeoutMs, () =>
      socket.destroy(new Error(`no reply to ${args[0]} from port ${port} within ${timeoutMs} ms`)),
    );
    socket.on('data', (chunk: Buffer) => decoder.feed(chunk));
    socket.on('error', reject);
    socket.on('close', () => reject(new Error(`connection to port ${port} closed before the reply`)));
    socket.write(encodeCommand(args));
  });
}
