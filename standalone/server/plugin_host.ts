/*
 * Boots one plugin the way Kibana's PluginWrapper does: its config section validated by the
 * plugin's own schema (errors name the yml key), an initializer context, then `setup` with the
 * contracts of the plugins it depends on, `start`, and `stop` on shutdown.
 */
import { BehaviorSubject, type Observable } from 'rxjs';
import type { CoreSetup, CoreStart, LoggerFactory, Plugin, PluginConfigDescriptor, PluginInitializerContext } from '@kbn/core/server';
import { isPlainObject } from './config';
import type { PluginManifest } from './manifest';

export interface PluginModule {
  plugin(context: PluginInitializerContext<any>): Promise<Plugin<any, any, any, any>>;
  config: PluginConfigDescriptor<any>;
}

export interface PluginHostOptions {
  manifest: PluginManifest;
  module: PluginModule;
  /** The plugin's config section as merged from host defaults, the yml file and explicit options. */
  rawConfig: Record<string, unknown>;
  logging: LoggerFactory;
  version: string;
  instanceUuid: string;
  configFiles: string[];
}

export type CoreSetupWithoutStartServices = Omit<CoreSetup, 'getStartServices'>;

/** Reads the value at a config path (`['xpack', 'foo']`) of a parsed yml file. */
export function getConfigSection(raw: Record<string, unknown>, path: string[]): Record<string, unknown> {
  let value: unknown = raw;
  for (const key of path) value = isPlainObject(value) ? value[key] : undefined;
  return isPlainObject(value) ? value : {};
}

export function assertDependenciesProvided(manifest: PluginManifest, provided: string[]): void {
  const missing = manifest.requiredPlugins.filter((id) => !provided.includes(id));
  if (missing.length > 0) {
    throw new Error(
      `Plugin "${manifest.id}" requires plugins the standalone host does not provide: [${missing.join(', ')}]. ` +
        `The host provides: [${[...provided].sort().join(', ')}].`
    );
  }
}

export class PluginHost<TConfig extends Record<string, unknown> = Record<string, unknown>> {
  readonly config: TConfig;
  private instance?: Plugin<any, any, any, any>;
  private resolveStartServices!: (services: [CoreStart, object, unknown]) => void;
  private readonly startServices = new Promise<[CoreStart, object, unknown]>((resolve) => {
    this.resolveStartServices = resolve;
  });

  constructor(private readonly options: PluginHostOptions) {
    const namespace = `config validation of [${options.manifest.configPath.join('.')}]`;
    const context = { dev: false, prod: true, dist: true, serverless: false };
    this.config = options.module.config.schema.validate(options.rawConfig, context, namespace) as TConfig;
  }

  get id(): string {
    return this.options.manifest.id;
  }

  /** Kibana skips a plugin whose config says `enabled: false`. */
  get enabled(): boolean {
    return this.config.enabled !== false;
  }

  async setup(core: CoreSetupWithoutStartServices, provided: Record<string, unknown>): Promise<unknown> {
    this.instance = await this.options.module.plugin(this.createInitializerContext());
    const coreSetup: CoreSetup = { ...core, getStartServices: () => this.startServices as Promise<[CoreStart, object, unknown]> };
    return this.instance.setup(coreSetup, this.dependencies(provided));
  }

  async start(core: CoreStart, provided: Record<string, unknown>): Promise<unknown> {
    if (!this.instance) throw new Error(`Plugin "${this.id}" can't be started before setup`);
    const deps = this.dependencies(provided);
    const startContract = await this.instance.start(core, deps);
    this.resolveStartServices([core, deps, startContract]);
    return startContract;
  }

  async stop(): Promise<void> {
    await this.instance?.stop?.();
  }

  /** Only what the manifest asks for: required plugins, and optional ones the host happens to provide. */
  private dependencies(provided: Record<string, unknown>): Record<string, unknown> {
    const { requiredPlugins, optionalPlugins } = this.options.manifest;
    const wanted = [...requiredPlugins, ...optionalPlugins];
    return Object.fromEntries(wanted.filter((id) => id in provided).map((id) => [id, provided[id]]));
  }

  private createInitializerContext(): PluginInitializerContext<TConfig> {
    const { manifest, version, instanceUuid, configFiles, logging } = this.options;
    const config$ = new BehaviorSubject(this.config);
    return {
      opaqueId: Symbol(manifest.id),
      env: {
        mode: { name: 'production', dev: false, prod: true },
        packageInfo: { version, branch: 'main', buildNum: 0, buildSha: '', dist: false },
        instanceUuid,
        configs: configFiles,
        airgapped: false,
      },
      logger: { get: (...parts: string[]) => logging.get('plugins', manifest.id, ...parts) },
      config: {
        create: <T = TConfig>() => config$.asObservable() as unknown as Observable<T>,
        get: <T = TConfig>() => config$.getValue() as unknown as T,
      },
    };
  }
}
