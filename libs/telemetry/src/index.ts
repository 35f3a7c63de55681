// Public entry of @tessera/telemetry: the process logger factory and component child loggers.
export { createRootLogger, LOG_LEVELS, REDACTED_PATHS } from './lib/create-root-logger.js';
export type { LogLevel, RootLoggerOptions } from './lib/create-root-logger.js';
export { componentLogger } from './lib/component-logger.js';
export { InvalidComponentNameError, InvalidLogLevelError, TELEMETRY_ERROR_CODES } from './lib/errors.js';
export type { TelemetryErrorCode } from './lib/errors.js';
export type { DestinationStream, Logger } from 'pino';
