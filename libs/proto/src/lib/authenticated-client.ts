// Client side of the cluster-bus proof (bus-auth.ts) for grpc-js: signs each request over the bytes
// it sends and, for unary calls, checks the reply's proof over the bytes received before decoding
// them. Every call needs a deadline (ops rule: no control-plane RPC without one). Used by the
// gossip-agent towards its peers, by the data-node towards its agent, and by operator tools.
import {
  Client,
  Metadata,
  type CallOptions,
  type ChannelCredentials,
  type ChannelOptions,
  type ClientDuplexStream,
  type ServiceError,
} from '@grpc/grpc-js';
import { BUS_PROOF_METADATA_KEY, signBusRequest, verifyBusReply, type BusKey } from './bus-auth.js';
import { InvalidBusSecretError, ReplyUnauthenticatedError } from './errors.js';
import type {
  AnyServiceDefinition,
  BidiMethodOf,
  RequestOf,
  ResponseOf,
  UnaryMethodOf,
} from './service-types.js';

export interface AuthenticatedClientOptions {
  /** Keys: the first signs requests; any of them is accepted on replies (rotation). At least one. */
  readonly keys: readonly BusKey[];
  /**
   * Wall clock in ms since the Unix epoch, for the request timestamps.
   * @default Date.now
   */
  readonly clock?: () => number;
  /** grpc-js channel options (keepalive, reconnect backoff, max message lengths, ...). */
  readonly channelOptions?: ChannelOptions;
}

/** Per-call options: a deadline is required. */
export interface AuthenticatedCallOptions {
  /** Absolute deadline (Date or ms since the Unix epoch). */
  readonly deadline: Date | number;
}

const identity = (bytes: Buffer): Buffer => bytes;

/** A grpc-js client of one service that proves the cluster secret on every call. */
export class AuthenticatedClient<D extends AnyServiceDefinition> {
  readonly #definition: D;
  readonly #client: Client;
  readonly #keys: readonly BusKey[];
  readonly #signingKey: BusKey;
  readonly #clock: () => number;

  constructor(
    definition: D,
    address: string,
    credentials: ChannelCredentials,
    options: AuthenticatedClientOptions,
  ) {
    const signingKey = options.keys[0];
    if (signingKey === undefined) {
      throw new InvalidBusSecretError(
        'no cluster-bus key: pass deriveBusKey(cluster-bus-secret) in options.keys',
      );
    }
    this.#definition = definition;
    this.#client = new Client(address, credentials, options.channelOptions);
    this.#keys = options.keys;
    this.#signingKey = signingKey;
    this.#clock = options.clock ?? Date.now;
  }

  /**
   * Calls a unary method. Rejects with the grpc-js ServiceError (`code` is the gRPC status) when
   * the call fails, or with ReplyUnauthenticatedError when the reply's proof is missing or wrong.
   */
  unary<K extends UnaryMethodOf<D>>(
    method: K,
    request: RequestOf<D[K]>,
    options: AuthenticatedCallOptions,
  ): Promise<ResponseOf<D[K]>> {
    const definition = this.#method(method);
    const payload = definition.requestSerialize(request);
    const { proof, nonce } = signBusRequest(
      this.#signingKey,
      { method: definition.path, payload },
      { nowMs: this.#clock() },
    );
    const metadata = new Metadata();
    metadata.set(BUS_PROOF_METADATA_KEY, proof);
    return new Promise((resolve, reject) => {
      let replyProof: string | undefined;
      const call = this.#client.makeUnaryRequest<Buffer, Buffer>(
        definition.path,
        identity,
        identity,
        payload,
        metadata,
        callOptions(options),
        (error: ServiceError | null, bytes?: Buffer) => {
          if (error !== null || bytes === undefined) {
            reject(error ?? new ReplyUnauthenticatedError(`${definition.path}: no reply`));
            return;
          }
          const check = verifyBusReply(this.#keys, replyProof, {
            method: definition.path,
            requestNonce: nonce,
            payload: bytes,
          });
          if (!check.ok) {
            reject(new ReplyUnauthenticatedError(`${definition.path}: reply proof refused: ${check.reason}`));
            return;
          }
          try {
            resolve(definition.responseDeserialize(bytes) as ResponseOf<D[K]>);
          } catch (cause) {
            reject(new ReplyUnauthenticatedError(`${definition.path}: undecodable reply`, { cause }));
          }
        },
      );
      call.on('metadata', (headers: Metadata) => {
        const values = headers.get(BUS_PROOF_METADATA_KEY);
        replyProof = values.length === 1 && typeof values[0] === 'string' ? values[0] : undefined;
      });
    });
  }

  /**
   * Opens a bidi stream (NodeAgentService.Attach). The proof covers the method at call start; a
   * deadline is optional here, since liveness of a long-lived stream comes from its frames.
   */
  bidi<K extends BidiMethodOf<D>>(
    method: K,
    options: Partial<AuthenticatedCallOptions> = {},
  ): ClientDuplexStream<RequestOf<D[K]>, ResponseOf<D[K]>> {
    const definition = this.#method(method);
    const { proof } = signBusRequest(
      this.#signingKey,
      { method: definition.path, payload: Buffer.alloc(0) },
      { nowMs: this.#clock() },
    );
    const metadata = new Metadata();
    metadata.set(BUS_PROOF_METADATA_KEY, proof);
    return this.#client.makeBidiStreamRequest(
      definition.path,
      definition.requestSerialize as (value: RequestOf<D[K]>) => Buffer,
      definition.responseDeserialize as (bytes: Buffer) => ResponseOf<D[K]>,
      metadata,
      options.deadline === undefined ? {} : callOptions({ deadline: options.deadline }),
    );
  }

  /**
   * Resolves once the channel is connected (it connects if idle), rejects when `deadline` passes first:
   * how a caller tells a reachable peer from one that is down before sending it anything.
   */
  waitForReady(deadline: Date | number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#client.waitForReady(deadline, (error) => (error ? reject(error) : resolve()));
    });
  }

  /** The channel's connectivity (grpc-js ConnectivityState); READY = 2. */
  connectivity(): number {
    return this.#client.getChannel().getConnectivityState(false);
  }

  /** Closes the channel; calls in flight fail with CANCELLED. */
  close(): void {
    this.#client.close();
  }

  #method(name: string): D[string] {
    const definition = this.#definition[name];
    if (definition === undefined) throw new TypeError(`no method ${name} in this service definition`);
    return definition as D[string];
  }
}

function callOptions(options: AuthenticatedCallOptions): CallOptions {
  return { deadline: options.deadline };
}
