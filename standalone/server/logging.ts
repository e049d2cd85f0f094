/*
 * Kibana's logging contract on top of plain stdout. The line layout copies Kibana's default
 * pattern (`[timestamp][LEVEL][context] message`) so log-reading habits carry over.
 */
import type { Logger, LoggerFactory, LogLevelId, LogMeta } from '@kbn/core/server';

const LEVEL_ORDER: Record<LogLevelId, number> = { all: 0, trace: 1, debug: 2, info: 3, warn: 4, error: 5, fatal: 6, off: 7 };

export const LOG_LEVELS = Object.keys(LEVEL_ORDER) as LogLevelId[];

export const isLogLevel = (value: unknown): value is LogLevelId => typeof value === 'string' && value in LEVEL_ORDER;

export interface LoggingSystemOptions {
  level: LogLevelId;
  /** Where formatted lines go; stdout unless a test captures them. */
  write?: (line: string) => void;
  now?: () => Date;
}

type EmittedLevel = Exclude<LogLevelId, 'all' | 'off'>;

export class LoggingSystem implements LoggerFactory {
  private readonly write: (line: string) => void;
  private readonly now: () => Date;
  private level: LogLevelId;

  constructor(options: LoggingSystemOptions) {
    this.level = options.level;
    this.write = options.write ?? ((line) => process.stdout.write(line));
    this.now = options.now ?? (() => new Date());
  }

  get(...contextParts: string[]): Logger {
    return new ContextLogger(this, contextParts.filter(Boolean).join('.') || 'root');
  }

  setLevel(level: LogLevelId): void {
    this.level = level;
  }

  isEnabled(level: LogLevelId): boolean {
    return this.level !== 'off' && LEVEL_ORDER[level] >= LEVEL_ORDER[this.level];
  }

  emit(level: EmittedLevel, context: string, message: string | Error): void {
    if (!this.isEnabled(level)) return;
    const text = message instanceof Error ? (message.stack ?? message.message) : message;
    this.write(`[${this.now().toISOString()}][${level.toUpperCase().padEnd(5)}][${context}] ${text}\n`);
  }
}

class ContextLogger implements Logger {
  constructor(
    private readonly system: LoggingSystem,
    private readonly context: string
  ) {}

  // Kibana's pattern layout does not print meta either; it is accepted for API compatibility.
  trace(message: string, _meta?: LogMeta): void {
    this.system.emit('trace', this.context, message);
  }
  debug(message: string, _meta?: LogMeta): void {
    this.system.emit('debug', this.context, message);
  }
  info(message: string, _meta?: LogMeta): void {
    this.system.emit('info', this.context, message);
  }
  warn(errorOrMessage: string | Error, _meta?: LogMeta): void {
    this.system.emit('warn', this.context, errorOrMessage);
  }
  error(errorOrMessage: string | Error, _meta?: LogMeta): void {
    this.system.emit('error', this.context, errorOrMessage);
  }
  fatal(errorOrMessage: string | Error, _meta?: LogMeta): void {
    this.system.emit('fatal', this.context, errorOrMessage);
  }
  isLevelEnabled(level: LogLevelId): boolean {
    return this.system.isEnabled(level);
  }
  get(...childContextPaths: string[]): Logger {
    return this.system.get(this.context, ...childContextPaths);
  }
}
