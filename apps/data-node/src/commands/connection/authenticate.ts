// The password check shared by AUTH and HELLO ... AUTH. The only user is `default`, whose password is
// `requirepass` (no password: any password is accepted, as for Redis's `nopass` default user). Compares in
// constant time (Redis: time_independent_strcmp) and tells the transport so the connection lifts the
// unauthenticated request limits.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { CommandContext } from '../command-context.js';
import { Err } from '../reply-errors.js';

/** The single ACL user. */
export const DEFAULT_USER = 'default';

function sameSecret(a: string, b: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'latin1').digest();
  return timingSafeEqual(digest(a), digest(b));
}

/** Authenticates the client as `user`; on failure replies WRONGPASS and returns false. */
export function authenticate(ctx: CommandContext, user: string, password: string): boolean {
  const requirepass = ctx.server.config.get('requirepass');
  const valid = user === DEFAULT_USER && (requirepass === '' || sameSecret(password, requirepass));
  if (!valid) {
    ctx.error(Err.wrongPass);
    return false;
  }
  const client = ctx.client;
  client.user = DEFAULT_USER;
  if (!client.authenticated) {
    client.authenticated = true;
    client.transport.authenticationChanged(client);
  }
  return true;
}
