// Type helpers over the grpc-js service definitions ts-proto generates (`ClusterBusServiceService`,
// `NodeAgentServiceService`, ...): the request and response type of a method, and which methods are
// unary or bidi. Types only.
import type { MethodDefinition } from '@grpc/grpc-js';

/** Any generated service definition: method name -> grpc-js method definition. */
export type AnyServiceDefinition = { readonly [method: string]: MethodDefinition<any, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The decoded request type of a method definition. */
export type RequestOf<M> = M extends { readonly requestDeserialize: (bytes: Buffer) => infer Request }
  ? Request
  : never;

/** The decoded response type of a method definition. */
export type ResponseOf<M> = M extends { readonly responseDeserialize: (bytes: Buffer) => infer Response }
  ? Response
  : never;

/** Names of the unary methods of a definition. */
export type UnaryMethodOf<D> = {
  [K in keyof D]: D[K] extends { readonly requestStream: false; readonly responseStream: false } ? K : never;
}[keyof D] &
  string;

/** Names of the bidi-streaming methods of a definition. */
export type BidiMethodOf<D> = {
  [K in keyof D]: D[K] extends { readonly requestStream: true; readonly responseStream: true } ? K : never;
}[keyof D] &
  string;
