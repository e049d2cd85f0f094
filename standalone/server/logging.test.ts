import { LoggingSystem } from './logging';

describe('LoggingSystem', () => {
  const setup = (level: 'info' | 'off' | 'all') => {
    const lines: string[] = [];
    const logging = new LoggingSystem({ level, write: (line) => lines.push(line), now: () => new Date('2025-01-02T03:04:05.678Z') });
    return { lines, logger: logging.get('plugins', 'workflows') };
  };

  it('writes Kibana-style lines with nested contexts', () => {
    const { lines, logger } = setup('info');
    logger.info('started');
    logger.get('engine').warn('slow step');
    expect(lines).toEqual([
      '[2025-01-02T03:04:05.678Z][INFO ][plugins.workflows] started\n',
      '[2025-01-02T03:04:05.678Z][WARN ][plugins.workflows.engine] slow step\n',
    ]);
  });

  it('filters by level and prints the stack of errors', () => {
    const { lines, logger } = setup('info');
    logger.debug('hidden');
    logger.error(new Error('broken'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[.*\]\[ERROR\]\[plugins\.workflows\] Error: broken\n\s+at /);
    expect(logger.isLevelEnabled('debug')).toBe(false);
    expect(logger.isLevelEnabled('warn')).toBe(true);
  });

  it.each([
    ['off', 0],
    ['all', 6],
  ] as const)('level %s emits %i of 6 levels', (level, count) => {
    const { lines, logger } = setup(level);
    for (const method of ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const) logger[method]('x');
    expect(lines).toHaveLength(count);
  });
});
