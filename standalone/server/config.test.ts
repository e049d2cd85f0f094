import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandDottedKeys, parseCommandLine, resolveHostConfig } from './config';

describe('resolveHostConfig', () => {
  let dir: string;
  const writeYml = (text: string, name = 'standalone.yml') => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'workflows-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('uses the defaults without a file', () => {
    const config = resolveHostConfig({}, dir);
    expect(config).toMatchObject({
      configFile: undefined,
      server: { port: 5601, host: '127.0.0.1' },
      dataDir: join(dir, 'data'),
      logging: { level: 'info' },
      elasticsearch: undefined,
      pluginSections: {},
    });
  });

  it('reads ./standalone.yml by default, nested or dotted, and keeps plugin sections apart', () => {
    writeYml(['server.port: 6000', 'server:', '  host: 0.0.0.0', 'path.data: ./state', 'logging: { level: debug }', 'workflows:', '  runner.inlineWaitThreshold: 2s'].join('\n'));
    const config = resolveHostConfig({}, dir);
    expect(config.configFile).toBe(join(dir, 'standalone.yml'));
    expect(config.server).toEqual({ port: 6000, host: '0.0.0.0', publicBaseUrl: undefined });
    expect(config.dataDir).toBe(join(dir, 'state'));
    expect(config.logging.level).toBe('debug');
    expect(config.pluginSections).toEqual({ workflows: { runner: { inlineWaitThreshold: '2s' } } });
  });

  it('lets explicit options (flags and environment) win over the file', () => {
    const file = writeYml('server: { port: 6000 }\nauth: { username: fileuser, password: filepass }\nlogging: { level: debug }', 'custom.yml');
    const config = resolveHostConfig({ configPath: file, port: 7000, dataDir: '/tmp/x', password: 'flagpass', logLevel: 'warn' }, dir);
    expect(config.server.port).toBe(7000);
    expect(config.dataDir).toBe('/tmp/x');
    expect(config.auth).toEqual({ username: 'fileuser', password: 'flagpass', users: [] });
    expect(config.logging.level).toBe('warn');
  });

  it('skips ./standalone.yml when configPath is false', () => {
    writeYml('server: { port: 6000 }');
    expect(resolveHostConfig({ configPath: false }, dir).server.port).toBe(5601);
  });

  it('reads extra users and the Elasticsearch section', () => {
    writeYml(
      'auth:\n  users:\n    - { username: viewer, password: pw, privileges: [workflows_read] }\nelasticsearch: { hosts: http://es:9200, username: u, password: p }'
    );
    const config = resolveHostConfig({}, dir);
    expect(config.auth.users).toEqual([{ username: 'viewer', password: 'pw', privileges: ['workflows_read'] }]);
    expect(config.elasticsearch).toEqual({ hosts: ['http://es:9200'], username: 'u', password: 'p' });
    expect(resolveHostConfig({ elasticsearchUrl: 'http://other:9200' }, dir).elasticsearch?.hosts).toEqual(['http://other:9200']);
  });

  it.each([
    ['server: { port: high }', '[config validation of [server].port]: expected value of type [number] but got [string]'],
    ['server: { port: 70000 }', '[config validation of [server].port]: Value must be equal to or lower than [65535].'],
    ['server: { prot: 1 }', '[config validation of [server].prot]: definition for this key is missing'],
    ['logging: { level: loud }', '[config validation of [logging].level]: must be one of [all, trace, debug, info, warn, error, fatal, off]'],
    ['auth: { users: [{ username: x }] }', '[config validation of [auth].users.0.password]: expected value of type [string] but got [undefined]'],
    ['- a list', 'must hold a YAML mapping at the top level'],
    ['server: [', 'Cannot parse'],
  ])('rejects %s', (yml, message) => {
    writeYml(yml);
    expect(() => resolveHostConfig({}, dir)).toThrow(message);
  });

  it('fails when an explicit config file is missing', () => {
    expect(() => resolveHostConfig({ configPath: 'nope.yml' }, dir)).toThrow(`Config file not found: ${join(dir, 'nope.yml')}`);
  });

  it('treats a file of comments as empty', () => {
    writeYml('# nothing here\n');
    expect(resolveHostConfig({}, dir).server.port).toBe(5601);
  });
});

describe('expandDottedKeys', () => {
  it('merges dotted and nested forms of the same section', () => {
    expect(expandDottedKeys({ 'a.b': 1, a: { c: 2 }, 'a.d.e': 3 })).toEqual({ a: { b: 1, c: 2, d: { e: 3 } } });
  });
});

describe('parseCommandLine', () => {
  it('prefers flags over environment variables', () => {
    const result = parseCommandLine(['--port', '7000', '--data', 'flagdata'], { PORT: '8000', WORKFLOWS_DATA_DIR: 'envdata' });
    expect(result).toEqual({ help: false, options: expect.objectContaining({ port: 7000, dataDir: 'flagdata' }) });
  });

  it('falls back to environment variables', () => {
    const result = parseCommandLine([], { PORT: '8000', WORKFLOWS_DATA_DIR: 'envdata', WORKFLOWS_USERNAME: 'u', WORKFLOWS_PASSWORD: 'p' });
    expect(result).toEqual({
      help: false,
      options: expect.objectContaining({ port: 8000, dataDir: 'envdata', username: 'u', password: 'p' }),
    });
  });

  it('reads every flag', () => {
    const result = parseCommandLine(
      ['--config', 'x.yml', '--host', '0.0.0.0', '--log-level', 'debug', '--elasticsearch', 'http://es:9200'],
      {}
    );
    expect(result).toEqual({
      help: false,
      options: {
        configPath: 'x.yml',
        port: undefined,
        host: '0.0.0.0',
        dataDir: undefined,
        username: undefined,
        password: undefined,
        logLevel: 'debug',
        elasticsearchUrl: 'http://es:9200',
      },
    });
  });

  it.each([
    [['--port', 'abc'], {}, '--port must be a port number between 0 and 65535; got "abc"'],
    [[], { PORT: '99999' }, 'PORT must be a port number between 0 and 65535; got "99999"'],
    [['--log-level', 'loud'], {}, '--log-level must be one of'],
    [['--bogus'], {}, "Unknown option '--bogus'"],
  ])('rejects %j %j', (argv, env, message) => {
    expect(() => parseCommandLine(argv, env)).toThrow(message);
  });

  it('recognises --help', () => {
    expect(parseCommandLine(['--help'], {})).toEqual({ help: true });
  });
});
