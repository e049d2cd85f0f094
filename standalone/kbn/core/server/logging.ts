export type LogLevelId = 'all' | 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'off';
export type LogMeta = Record<string, unknown>;

export interface Logger {
  trace(message: string, meta?: LogMeta): void;
  debug(message: string, meta?: LogMeta): void;
  info(message: string, meta?: LogMeta): void;
  warn(errorOrMessage: string | Error, meta?: LogMeta): void;
  error(errorOrMessage: string | Error, meta?: LogMeta): void;
  fatal(errorOrMessage: string | Error, meta?: LogMeta): void;
  isLevelEnabled(level: LogLevelId): boolean;
  get(...childContextPaths: string[]): Logger;
}

export interface LoggerFactory {
  get(...contextParts: string[]): Logger;
}
