// Errors raised by @tessera/telemetry when it is configured wrongly. Each has a stable `code` from the
// RC_ERR_* catalogue in docs/conventions.md (codes are never reused) and a message naming the fix.

/** Stable codes of the errors this lib throws. */
export const TELEMETRY_ERROR_CODES = {
  /** The `level` option or the LOG_LEVEL environment variable is not a pino level. */
  LOG_LEVEL_INVALID: 'RC_ERR_TELEMETRY_LOG_LEVEL_INVALID',
  /** A component name is not lowercase `segment:segment` text, or its parent is not a root logger. */
  COMPONENT_NAME_INVALID: 'RC_ERR_TELEMETRY_COMPONENT_NAME_INVALID',
} as const;

export type TelemetryErrorCode = (typeof TELEMETRY_ERROR_CODES)[keyof typeof TELEMETRY_ERROR_CODES];

/** `level` / LOG_LEVEL names no pino level. */
export class InvalidLogLevelError extends Error {
  override readonly name = 'InvalidLogLevelError';
  readonly code: TelemetryErrorCode = TELEMETRY_ERROR_CODES.LOG_LEVEL_INVALID;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}

/** `componentLogger` was given a malformed name or a logger that is already a component's. */
export class InvalidComponentNameError extends Error {
  override readonly name = 'InvalidComponentNameError';
  readonly code: TelemetryErrorCode = TELEMETRY_ERROR_CODES.COMPONENT_NAME_INVALID;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}
