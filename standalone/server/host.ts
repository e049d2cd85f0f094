/*
 * Starts the standalone host: config, logging, credentials, the HTTP server, the core services
 * and plugin contracts the plugin depends on, then the plugin itself (setup, start). The HTTP
 * server listens from the beginning so `/api/status` can report `unavailable` while booting.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { createAppPageRoutes } from './app_page';
import { BasicAuthenticator, resolveAdminCredentials, type AdminCredentials } from './auth';
import { deepMerge, resolveHostConfig, type ConfiguredUser, type HostConfig, type HostOptions } from './config';
import { createCoreContracts, createRequestContext } from './core_services';
import { createClusterClient } from './elasticsearch';
import { HttpServer } from './http/http_server';
import { createFakeRequest, getRequestUser } from './http/kibana_request';
import { LoggingSystem } from './logging';
import { readPluginManifest, type PluginManifest } from './manifest';
import { assertDependenciesProvided, getConfigSection, PluginHost, type PluginModule } from './plugin_host';
import { ActionsService } from './actions/actions_service';
import { AlertingService } from './alerting/alerting_service';
import { CasesService } from './cases/cases_service';
import { FeaturesService } from './plugins/features';
import { createBundlesRoute } from './static';
import { createStatusRoute, type HostStatus } from './status';
import { TaskManager, type TaskManagerOptions } from './task_manager/task_manager';

/** Two levels up from both `standalone/server/` (sources, tests) and `build/server/` (the bundle). */
export const PROJECT_ROOT = resolve(__dirname, '../..');
const PROVIDED_PLUGINS = ['taskManager', 'features', 'actions', 'alerting', 'ruleRegistry', 'cases'];

export interface StartHostOptions extends HostOptions {
  /** The plugin to boot; this repository's plugin (`server/`) unless a test passes a small fake. */
  plugin?: PluginModule;
  /** Task Manager knobs for tests (a long poll interval, a short retry delay). */
  taskManager?: Pick<TaskManagerOptions, 'pollIntervalMs' | 'maxWorkers' | 'retryDelayMs' | 'shutdownGraceMs'>;
}

export interface RunningHost {
  /** Base URL to reach the host from this machine, e.g. `http://127.0.0.1:5601`. */
  url: string;
  /** Where the plugin's app lives, e.g. `/app/workflows`. */
  appPath: string;
  port: number;
  dataDir: string;
  username: string;
  password: string;
  credentials: AdminCredentials;
  stop(): Promise<void>;
}

function readVersion(): string {
  return (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Kibana keeps its server uuid in `<data>/uuid`; Task Manager's owner id derives from it. */
function readOrCreateInstanceUuid(dataDir: string): string {
  const file = join(dataDir, 'uuid');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    const uuid = randomUUID();
    writeFileSync(file, uuid);
    return uuid;
  }
}

function assertKnownSections(config: HostConfig, manifest: PluginManifest): void {
  const unknown = Object.keys(config.pluginSections).filter((key) => key !== manifest.configPath[0]);
  if (unknown.length > 0) {
    throw new Error(`Unknown configuration key(s): "${unknown.join('", "')}". Check for spelling errors and ensure that expected plugins are installed.`);
  }
}

function assertKnownPrivileges(users: ConfiguredUser[], known: Set<string>): void {
  users.forEach((user, index) => {
    const unknown = user.privileges.filter((privilege) => !known.has(privilege));
    if (unknown.length > 0) {
      throw new Error(
        `[config validation of [auth].users.${index}.privileges]: unknown privilege(s) [${unknown.join(', ')}] for user "${user.username}"; ` +
          `the registered features define [${[...known].sort().join(', ')}]`
      );
    }
  });
}

/** The plugin's section: the host's storage default, then the yml file, then explicit options. */
function pluginRawConfig(config: HostConfig, manifest: PluginManifest): Record<string, unknown> {
  const storageDefaults = { storage: { type: 'sqlite', sqlite: { path: join(config.dataDir, 'workflows.sqlite') } } };
  return deepMerge(deepMerge(storageDefaults, getConfigSection(config.pluginSections, manifest.configPath)), config.pluginConfig);
}

export async function startHost(options: StartHostOptions = {}): Promise<RunningHost> {
  const config = resolveHostConfig(options);
  const logging = new LoggingSystem({ level: config.logging.level });
  const manifest = readPluginManifest(join(PROJECT_ROOT, 'kibana.jsonc'));
  assertKnownSections(config, manifest);
  assertDependenciesProvided(manifest, PROVIDED_PLUGINS);

  mkdirSync(config.dataDir, { recursive: true });
  const version = readVersion();
  const instanceUuid = readOrCreateInstanceUuid(config.dataDir);
  const credentials = resolveAdminCredentials({ dataDir: config.dataDir, ...config.auth });
  const authenticator = new BasicAuthenticator(credentials, config.auth.users);

  let status: HostStatus = { level: 'unavailable', summary: 'Workflows for Kibana is starting' };
  // Whatever has been started is stopped in reverse order, also when a later start step fails.
  const started: Array<() => unknown> = [];
  let stopping: Promise<void> | undefined;
  let httpServer: HttpServer | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      status = { level: 'unavailable', summary: 'Workflows for Kibana is shutting down' };
      httpServer?.setReady(false);
      for (const stopOne of started.reverse()) await stopOne();
    })());

  try {
    const clusterClient = await createClusterClient(config.elasticsearch);
    started.push(() => clusterClient.close());

    const http = new HttpServer({ logger: logging.get('http'), authenticator, createContext: (request) => createRequestContext(request, clusterClient) });
    httpServer = http;
    const publicDir = join(PROJECT_ROOT, 'build', 'public');
    const appPath = `/app/${manifest.id}`;
    http.addRawRoute(createStatusRoute({ name: hostname(), uuid: instanceUuid, version, getStatus: () => status }));
    http.addRawRoute(createBundlesRoute(publicDir));
    for (const route of createAppPageRoutes({ publicDir, defaultAppPath: appPath, hostInfo: { basePath: '', version } })) http.addRawRoute(route);
    const port = await http.listen(config.server.port, config.server.host);
    started.push(() => http.stop());
    const connectHost = ['0.0.0.0', '::'].includes(config.server.host) ? '127.0.0.1' : config.server.host;
    const url = `http://${connectHost.includes(':') ? `[${connectHost}]` : connectHost}:${port}`;
    // Kibana leaves publicBaseUrl unset unless configured; the host knows where it listens, so links work out of the box.
    const publicBaseUrl = config.server.publicBaseUrl ?? `http://localhost:${port}`;
    // What Task Manager hands to tasks scheduled by a user, and what rule actions run as.
    const createUserRequest = (username: string) => {
      const user = authenticator.getUser(username);
      return user && createFakeRequest(user, publicBaseUrl, authenticator.apiKeyHeader(user.username));
    };

    const features = new FeaturesService();
    const actions = new ActionsService({
      logger: logging.get('plugins', 'actions'),
      dataDir: config.dataDir,
      encryptionKey: config.encryptionKey,
      getScopedClusterClient: (request) => clusterClient.asScoped(request),
    });
    // Pushed before the plugin's stop so it runs after it: connectors stay usable while runs wind down.
    started.push(() => actions.stop());
    const actionsSetup = actions.setup({ router: http.createRouter(), features: features.setup() });
    const alerting = new AlertingService({
      file: join(config.dataDir, 'kibana.sqlite'),
      logger: logging.get('plugins', 'alerting'),
      publicBaseUrl,
      createUserRequest,
      // `.es-query` is offered only with a real cluster: without one every run would fail.
      elasticsearch: config.elasticsearch ? clusterClient.asInternalUser : undefined,
    });
    const cases = new CasesService({ file: join(config.dataDir, 'kibana.sqlite'), alerts: alerting.caseAlertsLink() });
    started.push(() => alerting.stop(), () => cases.stop());
    const alertingSetup = alerting.setup({ router: http.createRouter(), features: features.setup() });
    const casesSetup = cases.setup({ router: http.createRouter(), features: features.setup() });

    const plugin = new PluginHost({
      manifest,
      module: options.plugin ?? (await import('../../server')),
      rawConfig: pluginRawConfig(config, manifest),
      logging,
      version,
      instanceUuid,
      configFiles: config.configFile ? [config.configFile] : [],
    });
    // Pushed before Task Manager's so it runs after it: tasks are aborted and park their state while the plugin's store is still open.
    if (plugin.enabled) started.push(() => plugin.stop());
    const taskManager = new TaskManager({
      file: join(config.dataDir, 'kibana.sqlite'),
      logger: logging.get('plugins', 'taskManager'),
      ownerId: `kibana:${instanceUuid}`,
      getRequestUsername: (request) => getRequestUser(request)?.username,
      createFakeRequest: createUserRequest,
      ...options.taskManager,
    });
    started.push(() => taskManager.stop());
    const core = createCoreContracts({ http, clusterClient, publicBaseUrl });
    const alertingStart = alerting.start({ actions: actions.start(), taskManager: { setup: taskManager.setup(), start: taskManager.start() } });

    if (plugin.enabled) {
      await plugin.setup(core.setup, {
        taskManager: taskManager.setup(),
        features: features.setup(),
        actions: actionsSetup,
        alerting: alertingSetup.alerting,
        ruleRegistry: alertingSetup.ruleRegistry,
        cases: casesSetup,
      });
      features.lock();
      assertKnownPrivileges(config.auth.users, features.getApiPrivileges());
      await plugin.start(core.start, {
        taskManager: taskManager.start(),
        actions: actions.start(),
        alerting: alertingStart.alerting,
        ruleRegistry: alertingStart.ruleRegistry,
        cases: cases.start(),
      });
    } else {
      logging.get('plugins-system').info(`Plugin "${plugin.id}" is disabled by its config.`);
    }
    taskManager.startPolling();

    http.setReady();
    status = { level: 'available', summary: 'All services and plugins are available' };
    logging.get('root').info(`Workflows for Kibana ${version} is available at ${url}`);
    return { url, appPath, port, dataDir: config.dataDir, username: credentials.username, password: credentials.password, credentials, stop };
  } catch (error) {
    await stop().catch((stopError: Error) => logging.get('root').error(stopError));
    throw error;
  }
}
