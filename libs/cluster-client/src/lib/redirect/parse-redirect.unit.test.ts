import { RespError } from '@tessera/resp';
import { describe, expect, it } from 'vitest';
import { InvalidRedirectError } from '../errors.js';
import { AskError } from './ask-error.js';
import { ClusterDownError } from './cluster-down-error.js';
import { MovedError } from './moved-error.js';
import { parseRedirect } from './parse-redirect.js';
import { TryAgainError } from './try-again-error.js';

describe('parseRedirect', () => {
  it.each([
    ['MOVED 3999 127.0.0.1:6381', MovedError, 'moved'],
    ['ASK 3999 127.0.0.1:6381', AskError, 'ask'],
    ['TRYAGAIN Multiple keys request during rehashing of slot', TryAgainError, 'tryagain'],
    ['CLUSTERDOWN The cluster is down', ClusterDownError, 'clusterdown'],
    ['CLUSTERDOWN Hash slot not served', ClusterDownError, 'clusterdown'],
    ['CLUSTERDOWN The cluster is down and only accepts read commands', ClusterDownError, 'clusterdown'],
  ])('reads %j as a typed redirect', (text, type, kind) => {
    const redirect = parseRedirect(new RespError(text));
    expect(redirect).toBeInstanceOf(type);
    expect(redirect).toMatchObject({ kind, message: text });
  });

  it.each([
    'WRONGTYPE Operation against a key holding the wrong kind of value',
    "ERR unknown command 'FOO'",
    "CROSSSLOT Keys in request don't hash to the same slot",
    'TRYAGAINX not a redirect',
    'MOVEDX 1 h:1',
  ])('leaves %j to the caller', (text) => {
    expect(parseRedirect(new RespError(text))).toBeNull();
  });

  it.each(['MOVED 99999 127.0.0.1:7000', 'MOVED 12 garbage', 'ASK 12', 'ASK 1 h:99999'])(
    'turns the unusable redirect %j into an InvalidRedirectError that keeps the reply as cause',
    (text) => {
      const reply = new RespError(text);
      const redirect = parseRedirect(reply);
      expect(redirect).toBeInstanceOf(InvalidRedirectError);
      expect(redirect).toMatchObject({ code: 'RC_ERR_CLUSTER_CLIENT_REDIRECT_INVALID', cause: reply });
    },
  );
});
