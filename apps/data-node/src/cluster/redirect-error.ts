// The one place that turns a routing decision into Redis's error text (redis src/cluster.c
// clusterRedirectClient, 7.0); no other file builds MOVED/ASK/TRYAGAIN/CROSSSLOT/CLUSTERDOWN replies.
// The text has no leading `-`: the reply writer adds it, and errorstats count it by its first word
// (errorstat_MOVED, errorstat_ASK, ...). Pure: no I/O.
import type { Redirect } from './route.js';

export const REDIRECT_ERRORS = {
  tryagain: 'TRYAGAIN Multiple keys request during rehashing of slot',
  crossslot: "CROSSSLOT Keys in request don't hash to the same slot",
  unbound: 'CLUSTERDOWN Hash slot not served',
  down: 'CLUSTERDOWN The cluster is down',
  downReadonly: 'CLUSTERDOWN The cluster is down and only accepts read commands',
} as const;

/** The error reply for `redirect` (MOVED/ASK name the target as `<endpoint>:<port>`, endpoint possibly empty). */
export function redirectError(redirect: Redirect): string {
  switch (redirect.kind) {
    case 'moved':
      return `MOVED ${redirect.slot} ${redirect.to.endpoint}:${redirect.to.port}`;
    case 'ask':
      return `ASK ${redirect.slot} ${redirect.to.endpoint}:${redirect.to.port}`;
    case 'tryagain':
      return REDIRECT_ERRORS.tryagain;
    case 'crossslot':
      return REDIRECT_ERRORS.crossslot;
    case 'clusterdown-unbound':
      return REDIRECT_ERRORS.unbound;
    case 'clusterdown-state':
      return REDIRECT_ERRORS.down;
    case 'clusterdown-readonly':
      return REDIRECT_ERRORS.downReadonly;
  }
}
