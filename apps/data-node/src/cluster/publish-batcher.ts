// Messages this node's clients publish, on their way to the gossip-agent (PubSubOutbound frames) so they reach
// subscribers on every node: collected during one event-loop turn and sent at its end, in publish order. A
// change between PUBLISH and SPUBLISH starts a new frame (each frame has one `sharded` flag), and so does a
// frame that grew past FRAME_BYTES, keeping frames far below gRPC's 4 MiB message limit. Messages published
// while no stream is open are dropped and counted: Redis Cluster's pub/sub is at-most-once too.
import type { PubSubMessage, PubSubOutbound } from '@tessera/proto';
import type { PublishHook } from '../server/pubsub-hub.js';

/** A frame takes no more messages once its payload reaches this many bytes. */
export const FRAME_BYTES = 256 * 1024;

interface PendingFrame extends PubSubOutbound {
  bytes: number;
}

export class PublishBatcher implements PublishHook {
  /** Messages that could not be sent (no open stream to the agent). */
  dropped = 0;
  private frames: PendingFrame[] = [];
  private scheduled: NodeJS.Immediate | null = null;
  private readonly flushNow = (): void => this.flush();

  constructor(
    /** Sends one frame; false when it could not be sent. */
    private readonly send: (frame: PubSubOutbound) => boolean,
  ) {}

  published(channel: Buffer, message: Buffer, sharded: boolean): void {
    let frame = this.frames[this.frames.length - 1];
    if (frame === undefined || frame.sharded !== sharded || frame.bytes >= FRAME_BYTES) {
      frame = { sharded, messages: [], bytes: 0 };
      this.frames.push(frame);
    }
    // Copies: the arguments may be views of a socket chunk that is reused.
    const entry: PubSubMessage = { channel: Buffer.from(channel), message: Buffer.from(message) };
    frame.messages.push(entry);
    frame.bytes += channel.length + message.length;
    this.scheduled ??= setImmediate(this.flushNow);
  }

  /** Sends what was published so far (the end of the turn does it on its own). */
  flush(): void {
    if (this.scheduled !== null) clearImmediate(this.scheduled);
    this.scheduled = null;
    const frames = this.frames;
    this.frames = [];
    for (const { sharded, messages } of frames) {
      if (!this.send({ sharded, messages })) this.dropped += messages.length;
    }
  }

  /** Drops what is pending (shutdown). */
  close(): void {
    if (this.scheduled !== null) clearImmediate(this.scheduled);
    this.scheduled = null;
    this.frames = [];
  }
}
