// One Attach stream between the data-node and its gossip-agent (NodeAgentService.Attach): sends the hello
// first, then whatever frames the link gives it, hands every frame the agent sends to the link, and reports
// the end of the stream once (error or end). It owns no timer and no policy: heartbeats, liveness and
// reconnection belong to AttachedAgentLink, which opens a new session after this one closed.
import type { ClientDuplexStream } from '@grpc/grpc-js';
import type { AttachRequest, AttachResponse, DataNodeHello } from '@tessera/proto';

export interface AttachSessionHandlers {
  /** A frame from the agent, in stream order. */
  frame(frame: AttachResponse): void;
  /** The stream ended (`error` null) or failed; called once, never after `close()`. */
  closed(error: Error | null): void;
}

export class AttachSession {
  private open = true;

  constructor(
    private readonly stream: ClientDuplexStream<AttachRequest, AttachResponse>,
    hello: DataNodeHello,
    private readonly handlers: AttachSessionHandlers,
  ) {
    stream.on('data', (frame: AttachResponse) => {
      if (this.open) handlers.frame(frame);
    });
    stream.on('error', (error: Error) => this.end(error));
    stream.on('end', () => this.end(null));
    this.send({ frame: { $case: 'hello', value: hello } });
  }

  /** Whether frames can still be sent. */
  get isOpen(): boolean {
    return this.open;
  }

  /** Sends a frame; false (and nothing sent) once the stream is over. */
  send(frame: AttachRequest): boolean {
    if (!this.open) return false;
    this.stream.write(frame);
    return true;
  }

  /** Ends the stream from this side without reporting it (shutdown, or a link given up as lost). */
  close(): void {
    if (!this.open) return;
    this.open = false;
    this.stream.cancel();
  }

  private end(error: Error | null): void {
    if (!this.open) return;
    this.open = false;
    this.stream.cancel(); // the agent may have ended its side only: free the call
    this.handlers.closed(error);
  }
}
