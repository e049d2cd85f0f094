/*
 * Host configuration: `standalone.yml` (Kibana-style sections, dotted keys allowed), then
 * environment variables, then command-line flags; later sources win. Top-level keys that are not
 * host sections belong to plugins (`workflows:`) and are validated by the plugin's own schema.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { schema, type TypeOf } from '@kbn/config-schema';
import type { LogLevelId } from '@kbn/core/server';
import { LOG_LEVELS, isLogLevel } from './logging';

export const DEFAULT_PORT = 5601;
/** Loopback only unless the operator opts in with `--host 0.0.0.0`: the host runs workflows with real side effects. */
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_CONFIG_FILE = 'standalone.yml';
export const DEFAULT_DATA_DIR = 'data';

const userSchema = schema.object({
  username: schema.string({ minLength: 1 }),
  password: schema.string({ minLength: 1 }),
  /** API privilege names (`workflows_read`, ...) as the registered Kibana features define them. */
  privileges: schema.arrayOf(schema.string({ minLength: 1 }), { defaultValue: [] }),
});

const hostSections = {
  server: schema.object({
    port: schema.maybe(schema.number({ min: 0, max: 65535 })),
    host: schema.maybe(schema.string({ minLength: 1 })),
    publicBaseUrl: schema.maybe(schema.uri({ scheme: ['http', 'https'] })),
  }),
  path: schema.object({ data: schema.maybe(schema.string({ minLength: 1 })) }),
  auth: schema.object({
    username: schema.maybe(schema.string({ minLength: 1 })),
    password: schema.maybe(schema.string({ minLength: 1 })),
    users: schema.arrayOf(userSchema, { defaultValue: [] }),
  }),
  logging: schema.object({
    level: schema.maybe(
      schema.string({ validate: (level) => (isLogLevel(level) ? undefined : `must be one of [${LOG_LEVELS.join(', ')}]`) })
    ),
  }),
  elasticsearch: schema.object({
    hosts: schema.maybe(schema.oneOf([schema.uri({ scheme: ['http', 'https'] }), schema.arrayOf(schema.uri({ scheme: ['http', 'https'] }))])),
    username: schema.maybe(schema.string()),
    password: schema.maybe(schema.string()),
  }),
  xpack: schema.object({
    // Kibana's key name; here it encrypts connector secrets. Without it the host generates <data>/encryption.key.
    encryptedSavedObjects: schema.object({ encryptionKey: schema.maybe(schema.string({ minLength: 32 })) }),
  }),
};

export type ConfiguredUser = TypeOf<typeof userSchema>;

/** What a caller (main.ts from flags and env, or a test) sets explicitly; each field beats the file. */
export interface HostOptions {
  /** A yml file to read; `false` reads none. Default: `./standalone.yml` when it exists. */
  configPath?: string | false;
  port?: number;
  host?: string;
  dataDir?: string;
  username?: string;
  password?: string;
  logLevel?: LogLevelId;
  elasticsearchUrl?: string;
  /** Merged over the plugin's section of the file (`workflows:`). */
  pluginConfig?: Record<string, unknown>;
}

export interface HostConfig {
  configFile?: string;
  server: { port: number; host: string; publicBaseUrl?: string };
  dataDir: string;
  auth: { username?: string; password?: string; users: ConfiguredUser[] };
  logging: { level: LogLevelId };
  elasticsearch?: { hosts: string[]; username?: string; password?: string };
  encryptionKey?: string;
  /** Top-level sections of the file that are not host sections, keyed by config path root. */
  pluginSections: Record<string, unknown>;
  pluginConfig: Record<string, unknown>;
}

export function resolveHostConfig(options: HostOptions, cwd = process.cwd()): HostConfig {
  const configFile = locateConfigFile(options.configPath, cwd);
  const raw = configFile ? readConfigFile(configFile) : {};
  const { server, path, auth, logging, elasticsearch, xpack } = validateSections(raw);
  const pluginSections = Object.fromEntries(Object.entries(raw).filter(([key]) => !(key in hostSections)));

  const esHosts = options.elasticsearchUrl ? [options.elasticsearchUrl] : [elasticsearch.hosts ?? []].flat();
  return {
    configFile,
    server: {
      port: options.port ?? server.port ?? DEFAULT_PORT,
      host: options.host ?? server.host ?? DEFAULT_HOST,
      publicBaseUrl: server.publicBaseUrl,
    },
    dataDir: resolve(cwd, options.dataDir ?? path.data ?? DEFAULT_DATA_DIR),
    auth: { username: options.username ?? auth.username, password: options.password ?? auth.password, users: auth.users },
    logging: { level: options.logLevel ?? (logging.level as LogLevelId | undefined) ?? 'info' },
    elasticsearch: esHosts.length > 0 ? { hosts: esHosts, username: elasticsearch.username, password: elasticsearch.password } : undefined,
    encryptionKey: xpack.encryptedSavedObjects.encryptionKey,
    pluginSections,
    pluginConfig: options.pluginConfig ?? {},
  };
}

function locateConfigFile(configPath: HostOptions['configPath'], cwd: string): string | undefined {
  if (configPath === false) return undefined;
  if (configPath === undefined) {
    const fallback = resolve(cwd, DEFAULT_CONFIG_FILE);
    return existsSync(fallback) ? fallback : undefined;
  }
  const file = resolve(cwd, configPath);
  if (!existsSync(file)) throw new Error(`Config file not found: ${file}`);
  return file;
}

export function readConfigFile(file: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot parse ${file}: ${(error as Error).message}`);
  }
  // A file that only holds comments parses to null.
  if (parsed == null) return {};
  if (!isPlainObject(parsed)) throw new Error(`${file} must hold a YAML mapping at the top level`);
  return expandDottedKeys(parsed);
}

function validateSections(raw: Record<string, unknown>) {
  const validate = <K extends keyof typeof hostSections>(key: K): TypeOf<(typeof hostSections)[K]> =>
    hostSections[key].validate(raw[key] ?? {}, {}, `config validation of [${key}]`) as TypeOf<(typeof hostSections)[K]>;
  return {
    server: validate('server'),
    path: validate('path'),
    auth: validate('auth'),
    logging: validate('logging'),
    elasticsearch: validate('elasticsearch'),
    xpack: validate('xpack'),
  };
}

/** Kibana accepts `server.port: 5601` as well as nested mappings; both end up nested. */
export function expandDottedKeys(value: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const parts = key.split('.');
    let target = result;
    for (const part of parts.slice(0, -1)) {
      if (!isPlainObject(target[part])) target[part] = {};
      target = target[part] as Record<string, unknown>;
    }
    const last = parts[parts.length - 1];
    const expanded = isPlainObject(child) ? expandDottedKeys(child) : child;
    target[last] = isPlainObject(target[last]) && isPlainObject(expanded) ? deepMerge(target[last], expanded) : expanded;
  }
  return result;
}

export function deepMerge(base: Record<string, unknown>, override: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    result[key] = isPlainObject(result[key]) && isPlainObject(value) ? deepMerge(result[key], value) : value;
  }
  return result;
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const USAGE = `Usage: npm start -- [options]   (or: node build/server/host.cjs [options])

Options:
  --config <file>         YAML config file (default: ./standalone.yml when present)
  --port <port>           HTTP port (env PORT; default ${DEFAULT_PORT}; 0 picks a free port)
  --host <address>        address to listen on (default ${DEFAULT_HOST}; 0.0.0.0 for every interface)
  --data <dir>            data folder for the SQLite databases and credentials (env WORKFLOWS_DATA_DIR; default ./${DEFAULT_DATA_DIR})
  --log-level <level>     ${LOG_LEVELS.join('|')} (default info)
  --elasticsearch <url>   Elasticsearch cluster for Elasticsearch steps
  --help                  print this help

Credentials: WORKFLOWS_USERNAME / WORKFLOWS_PASSWORD (or auth.username / auth.password in the file).
Without them the first start generates a password and stores it in <data>/credentials.json.`;

export type CommandLine = { help: true } | { help: false; options: HostOptions };

/** Flags beat environment variables; both beat the file, which `resolveHostConfig` reads. */
export function parseCommandLine(argv: string[], env: NodeJS.ProcessEnv): CommandLine {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      config: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      'log-level': { type: 'string' },
      elasticsearch: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return { help: true };

  const portText = values.port ?? env.PORT;
  const logLevel = values['log-level'];
  if (logLevel !== undefined && !isLogLevel(logLevel)) {
    throw new Error(`--log-level must be one of ${LOG_LEVELS.join(', ')}; got "${logLevel}"`);
  }
  return {
    help: false,
    options: {
      configPath: values.config,
      port: portText === undefined ? undefined : parsePort(portText, values.port !== undefined ? '--port' : 'PORT'),
      host: values.host,
      dataDir: values.data ?? (env.WORKFLOWS_DATA_DIR || undefined),
      username: env.WORKFLOWS_USERNAME || undefined,
      password: env.WORKFLOWS_PASSWORD || undefined,
      logLevel,
      elasticsearchUrl: values.elasticsearch,
    },
  };
}

function parsePort(text: string, source: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new Error(`${source} must be a port number between 0 and 65535; got "${text}"`);
  return port;
}
