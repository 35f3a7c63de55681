// Limits of the request decoder, with Redis' names and defaults (redis src/server.h, networking.c 7.0).
// Constants and types only.

/** Limits of the request decoder (Redis' names and defaults). */
export interface RequestLimits {
  /** proto-max-bulk-len. @default 536870912 */
  maxBulkLength: number;
  /** Largest accepted multibulk count. @default 2147483647 (Redis: INT_MAX) */
  maxMultibulkLength: number;
  /** Longest inline command or count line without CRLF. @default 65536 (PROTO_INLINE_MAX_SIZE) */
  maxInlineLength: number;
  /**
   * Before AUTH: multibulk > 10 -> 'Protocol error: unauthenticated multibulk length', bulk > 16384 ->
   * 'Protocol error: unauthenticated bulk length'. @default true
   */
  authenticated: boolean;
}

export const DEFAULT_REQUEST_LIMITS: Readonly<RequestLimits> = Object.freeze({
  maxBulkLength: 536_870_912,
  maxMultibulkLength: 2_147_483_647,
  maxInlineLength: 65_536,
  authenticated: true,
});

/** Fixed limits of Redis' request parsing, whatever the configuration. */
export const REDIS_REQUEST_RULES = {
  /** INT_MAX: larger multibulk counts are invalid. */
  MAX_MULTIBULK: 2_147_483_647,
  /** Redis pre-allocates argv for at most 1024 arguments, whatever count is declared. */
  ARGV_PREALLOC_CAP: 1024,
  /** Largest multibulk count before AUTH (authRequired in processMultibulkBuffer). */
  UNAUTHENTICATED_MAX_MULTIBULK: 10,
  /** Largest bulk length before AUTH. */
  UNAUTHENTICATED_MAX_BULK: 16_384,
} as const;
