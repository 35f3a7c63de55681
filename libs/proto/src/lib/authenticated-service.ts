// Server side of the cluster-bus proof (bus-auth.ts) for grpc-js: wraps a generated service
// definition and a typed implementation so that every call is checked before any of its bytes are
// decoded, and every unary reply is signed. Used by the gossip-agent for ClusterBusService,
// NodeAgentService and AgentAdminService; never for grpc.health.v1, which probes call without the
// secret. Mechanism only: what a call means is the handler's business.
//
// Per unary call: proof missing/wrong/expired/replayed -> UNAUTHENTICATED; undecodable protobuf ->
// INVALID_ARGUMENT; handler throws CallRejectedError -> its status; handler throws anything else ->
// INTERNAL "internal error" (the error goes to onError, never to the peer). The size cap is the
// server's grpc.max_receive_message_length (RESOURCE_EXHAUSTED, from grpc-js itself).
// Per streaming call: the proof covers the method and an empty payload, checked at call start.
import {
  Metadata,
  status,
  type Deadline,
  type MethodDefinition,
  type ServerDuplexStream,
  type ServerReadableStream,
  type ServerUnaryCall,
  type ServerWritableStream,
  type ServiceDefinition,
  type UntypedHandleCall,
  type UntypedServiceImplementation,
  type handleBidiStreamingCall,
  type handleClientStreamingCall,
  type handleServerStreamingCall,
  type sendUnaryData,
} from '@grpc/grpc-js';
import {
  BUS_PROOF_METADATA_KEY,
  signBusReply,
  verifyBusRequest,
  type BusKey,
  type BusProofCheck,
  type BusProofFailure,
} from './bus-auth.js';
import { CallRejectedError, InvalidBusSecretError } from './errors.js';
import type { ReplayGuard } from './replay-guard.js';
import type { AnyServiceDefinition, RequestOf, ResponseOf } from './service-types.js';

/** What a unary handler knows about its call besides the request. */
export interface UnaryCallContext {
  /** The method path, e.g. `/tessera.cluster.v1.ClusterBusService/Meet`. */
  readonly method: string;
  /** The peer address as grpc-js reports it (`ipv4:10.0.0.5:51234`): a MEET learns addresses from it. */
  readonly peer: string;
  /** The `:authority` the caller dialed (`10.0.0.7:17000`): the address it reached us at (a MEET teaches it). */
  readonly host: string;
  /** The caller's deadline. */
  readonly deadline: Deadline;
  /** Aborted when the caller cancels or its deadline passes. */
  readonly signal: AbortSignal;
  /** Id of the key that signed the request (which secret, during a rotation). */
  readonly keyId: string;
  /** The request metadata. */
  readonly metadata: Metadata;
}

/** A refused call, for counters and logs (GetBusStats `rejected`). */
export interface RejectedCall {
  readonly method: string;
  readonly status: status;
  /** A proof failure, or `undecodable`, or `rejected` (CallRejectedError from the handler). */
  readonly reason: BusProofFailure | 'undecodable' | 'rejected';
  readonly detail: string;
  readonly peer: string;
}

export interface AuthenticatedServiceOptions {
  /** Accepted keys; the first one signs replies. At least one. */
  readonly keys: readonly BusKey[];
  /**
   * Wall clock in ms since the Unix epoch, compared with the callers' timestamps.
   * @default Date.now
   */
  readonly clock?: () => number;
  /**
   * Largest accepted difference between a request's timestamp and `clock()`, in ms.
   * @default 30000 (BUS_PROOF_MAX_SKEW_MS)
   */
  readonly maxSkewMs?: number;
  /** Refuses replayed nonces. Share one guard between all services of one server. */
  readonly replayGuard: ReplayGuard;
  /** Told about every refused call. */
  readonly onReject?: (call: RejectedCall) => void;
  /** Told about a handler error that is not a CallRejectedError (the peer only sees INTERNAL). */
  readonly onError?: (error: unknown, method: string) => void;
}

/** A unary handler: the decoded request in, the response out (or a CallRejectedError thrown). */
export type AuthenticatedUnaryHandler<Request, Response> = (
  request: Request,
  context: UnaryCallContext,
) => Response | Promise<Response>;

/** The implementation of a definition: plain functions for unary methods, grpc-js handlers otherwise. */
export type AuthenticatedImplementation<D extends AnyServiceDefinition> = {
  readonly [K in keyof D]: D[K] extends { readonly requestStream: false; readonly responseStream: false }
    ? AuthenticatedUnaryHandler<RequestOf<D[K]>, ResponseOf<D[K]>>
    : D[K] extends { readonly requestStream: true; readonly responseStream: true }
      ? handleBidiStreamingCall<RequestOf<D[K]>, ResponseOf<D[K]>>
      : D[K] extends { readonly requestStream: true }
        ? handleClientStreamingCall<RequestOf<D[K]>, ResponseOf<D[K]>>
        : handleServerStreamingCall<RequestOf<D[K]>, ResponseOf<D[K]>>;
};

/** What to pass to `server.addService(definition, implementation)`. */
export interface AuthenticatedService {
  readonly definition: ServiceDefinition;
  readonly implementation: UntypedServiceImplementation;
}

type AnyMethod = MethodDefinition<unknown, unknown>;
const identity = (bytes: Buffer): Buffer => bytes;

/** Wraps `definition` + `implementation` so every call must prove the cluster secret. */
export function authenticatedService<D extends AnyServiceDefinition>(
  definition: D,
  implementation: AuthenticatedImplementation<D>,
  options: AuthenticatedServiceOptions,
): AuthenticatedService {
  const wrappedDefinition: Record<string, AnyMethod> = {};
  const wrappedImplementation: Record<string, UntypedHandleCall> = {};
  for (const [name, method] of Object.entries(definition) as [string, AnyMethod][]) {
    const handler = (implementation as Record<string, unknown>)[name];
    if (!method.requestStream && !method.responseStream) {
      // Raw bytes in and out: the MAC is checked over the bytes received, the reply signed over
      // the bytes sent.
      wrappedDefinition[name] = {
        ...method,
        requestSerialize: identity,
        requestDeserialize: identity,
        responseSerialize: identity,
        responseDeserialize: identity,
      } as AnyMethod;
      wrappedImplementation[name] = unaryHandler(
        method,
        handler as AuthenticatedUnaryHandler<unknown, unknown>,
        options,
      );
    } else {
      wrappedDefinition[name] = method;
      wrappedImplementation[name] = streamingHandler(method, handler as UntypedHandleCall, options);
    }
  }
  return { definition: wrappedDefinition, implementation: wrappedImplementation };
}

function unaryHandler(
  method: AnyMethod,
  handler: AuthenticatedUnaryHandler<unknown, unknown>,
  options: AuthenticatedServiceOptions,
): UntypedHandleCall {
  const signingKey = firstKey(options);
  return (call: ServerUnaryCall<Buffer, Buffer>, callback: sendUnaryData<Buffer>) => {
    const check = checkProof(call.metadata, method.path, call.request, options);
    if (!check.ok) {
      reject(options, callback, call, method.path, status.UNAUTHENTICATED, check.reason, check.detail);
      return;
    }
    let request: unknown;
    try {
      request = method.requestDeserialize(call.request);
    } catch (error) {
      const detail = `undecodable request: ${error instanceof Error ? error.message : String(error)}`;
      reject(options, callback, call, method.path, status.INVALID_ARGUMENT, 'undecodable', detail);
      return;
    }
    const context = unaryContext(call, method.path, check.keyId);
    Promise.resolve()
      .then(() => handler(request, context))
      .then(
        (response) => {
          const bytes = method.responseSerialize(response);
          const headers = new Metadata();
          headers.set(
            BUS_PROOF_METADATA_KEY,
            signBusReply(signingKey, { method: method.path, requestNonce: check.nonce, payload: bytes }),
          );
          call.sendMetadata(headers);
          callback(null, bytes);
        },
        (error: unknown) => {
          if (error instanceof CallRejectedError) {
            reject(options, callback, call, method.path, error.status, 'rejected', error.message);
            return;
          }
          options.onError?.(error, method.path);
          callback({ code: status.INTERNAL, details: 'internal error' });
        },
      );
  };
}

function streamingHandler(
  method: AnyMethod,
  handler: UntypedHandleCall,
  options: AuthenticatedServiceOptions,
): UntypedHandleCall {
  const refuse = (
    call: { metadata: Metadata; getPeer(): string },
    check: Extract<BusProofCheck, { ok: false }>,
  ): void => {
    options.onReject?.({
      method: method.path,
      status: status.UNAUTHENTICATED,
      reason: check.reason,
      detail: check.detail,
      peer: call.getPeer(),
    });
  };
  const details = (check: Extract<BusProofCheck, { ok: false }>): string =>
    `cluster-bus proof refused: ${check.reason}`;
  if (method.requestStream && !method.responseStream) {
    const typed = handler as handleClientStreamingCall<unknown, unknown>;
    return (call: ServerReadableStream<unknown, unknown>, callback: sendUnaryData<unknown>) => {
      const check = checkProof(call.metadata, method.path, Buffer.alloc(0), options);
      if (check.ok) return typed(call, callback);
      refuse(call, check);
      callback({ code: status.UNAUTHENTICATED, details: details(check) });
    };
  }
  const typed = handler as (
    call: ServerWritableStream<unknown, unknown> | ServerDuplexStream<unknown, unknown>,
  ) => void;
  return (call: ServerWritableStream<unknown, unknown> | ServerDuplexStream<unknown, unknown>) => {
    const check = checkProof(call.metadata, method.path, Buffer.alloc(0), options);
    if (check.ok) return typed(call);
    refuse(call, check);
    call.emit('error', { code: status.UNAUTHENTICATED, details: details(check) });
  };
}

function checkProof(
  metadata: Metadata,
  path: string,
  payload: Buffer,
  options: AuthenticatedServiceOptions,
): BusProofCheck {
  const values = metadata.get(BUS_PROOF_METADATA_KEY);
  const proof = values.length === 1 && typeof values[0] === 'string' ? values[0] : undefined;
  return verifyBusRequest(
    options.keys,
    proof,
    { method: path, payload },
    {
      nowMs: (options.clock ?? Date.now)(),
      replayGuard: options.replayGuard,
      ...(options.maxSkewMs === undefined ? {} : { maxSkewMs: options.maxSkewMs }),
    },
  );
}

function reject(
  options: AuthenticatedServiceOptions,
  callback: sendUnaryData<Buffer>,
  call: ServerUnaryCall<Buffer, Buffer>,
  method: string,
  code: status,
  reason: RejectedCall['reason'],
  detail: string,
): void {
  options.onReject?.({ method, status: code, reason, detail, peer: call.getPeer() });
  const details = code === status.UNAUTHENTICATED ? `cluster-bus proof refused: ${reason}` : detail;
  callback({ code, details });
}

function unaryContext(
  call: ServerUnaryCall<Buffer, Buffer>,
  method: string,
  keyId: string,
): UnaryCallContext {
  const controller = new AbortController();
  if (call.cancelled) controller.abort();
  else call.once('cancelled', () => controller.abort());
  return {
    method,
    peer: call.getPeer(),
    host: call.getHost(),
    deadline: call.getDeadline(),
    signal: controller.signal,
    keyId,
    metadata: call.metadata,
  };
}

function firstKey(options: AuthenticatedServiceOptions): BusKey {
  const key = options.keys[0];
  if (key === undefined) {
    throw new InvalidBusSecretError(
      'no cluster-bus key: pass deriveBusKey(cluster-bus-secret) in options.keys',
    );
  }
  return key;
}
