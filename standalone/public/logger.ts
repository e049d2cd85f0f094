import type { Logger, LoggerFactory, LogLevelId, LogMeta } from '@kbn/core/public';

const LEVELS: LogLevelId[] = ['all', 'trace', 'debug', 'info', 'warn', 'error', 'fatal', 'off'];

/** Browser plugins log to the console, as in Kibana; `minLevel` keeps debug chatter out by default. */
export const createConsoleLoggerFactory = (minLevel: LogLevelId = 'info'): LoggerFactory => {
  const enabled = (level: LogLevelId) => LEVELS.indexOf(level) >= LEVELS.indexOf(minLevel);
  const create = (context: string[]): Logger => {
    const prefix = `[${context.join('.')}]`;
    const log = (level: LogLevelId, sink: (...args: unknown[]) => void) => (message: string | Error, meta?: LogMeta) => {
      if (enabled(level)) sink(prefix, message, ...(meta ? [meta] : []));
    };
    return {
      trace: log('trace', console.debug),
      debug: log('debug', console.debug),
      info: log('info', console.info),
      warn: log('warn', console.warn),
      error: log('error', console.error),
      fatal: log('fatal', console.error),
      isLevelEnabled: enabled,
      get: (...more) => create([...context, ...more]),
    };
  };
  return { get: (...context) => create(context.length ? context : ['root']) };
};
