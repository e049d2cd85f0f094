/* A logger that masks connector secrets, handed to executors so their own log lines cannot leak them. */
import type { Logger, LogLevelId, LogMeta } from '@kbn/core/server';
import type { Redactor } from './redact';

export function createRedactingLogger(logger: Logger, redact: Redactor): Logger {
  const mask = (message: string | Error) => (message instanceof Error ? redact(message.stack ?? message.message) : redact(message));
  return {
    trace: (message: string, meta?: LogMeta) => logger.trace(redact(message), meta),
    debug: (message: string, meta?: LogMeta) => logger.debug(redact(message), meta),
    info: (message: string, meta?: LogMeta) => logger.info(redact(message), meta),
    warn: (message: string | Error, meta?: LogMeta) => logger.warn(mask(message), meta),
    error: (message: string | Error, meta?: LogMeta) => logger.error(mask(message), meta),
    fatal: (message: string | Error, meta?: LogMeta) => logger.fatal(mask(message), meta),
    isLevelEnabled: (level: LogLevelId) => logger.isLevelEnabled(level),
    get: (...paths: string[]) => createRedactingLogger(logger.get(...paths), redact),
  };
}
