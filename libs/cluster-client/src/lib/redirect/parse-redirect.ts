// Turns an error reply into a typed redirect, once, where it arrives (style rule 8). Every other part of
// the client works on these values, never on reply text. No I/O here.
import type { RespError } from '@tessera/resp';
import { InvalidRedirectError } from '../errors.js';
import { AskError } from './ask-error.js';
import { ClusterDownError } from './cluster-down-error.js';
import { MovedError } from './moved-error.js';
import { TryAgainError } from './try-again-error.js';

/** The error replies a cluster client acts on instead of returning them. */
export type Redirect = MovedError | AskError | TryAgainError | ClusterDownError;

/**
 * The redirect carried by `error`; an InvalidRedirectError for a MOVED/ASK whose slot or endpoint is
 * unusable (`MOVED 99999 x`, `ASK 5 nohost`); null for every other error (WRONGTYPE, ERR, ...).
 */
export function parseRedirect(error: RespError): Redirect | InvalidRedirectError | null {
  const text = error.message;
  switch (error.code) {
    case 'MOVED':
      return MovedError.parse(text) ?? new InvalidRedirectError(text, { cause: error });
    case 'ASK':
      return AskError.parse(text) ?? new InvalidRedirectError(text, { cause: error });
    case 'TRYAGAIN':
      return TryAgainError.parse(text);
    case 'CLUSTERDOWN':
      return ClusterDownError.parse(text);
    default:
      return null;
  }
}
