/* A small fake plugin for host tests, so they exercise the host without the workflows plugin. */
import { schema } from '@kbn/config-schema';
import type { CoreSetup, CoreStart, KibanaRequest, Plugin, PluginInitializerContext } from '@kbn/core/server';
import type { FeaturesPluginSetup } from '@kbn/features-plugin/server';
import type { TaskManagerSetupContract, TaskManagerStartContract } from '@kbn/task-manager-plugin/server';
import type { PluginModule } from './plugin_host';

export interface FakePluginProbe {
  taskRuns: Array<{ params: Record<string, unknown>; user: string | null }>;
  stopped: boolean;
  /** When set, `start` waits for it: lets a test look at the host while it is starting. */
  startGate?: Promise<void>;
}

const configSchema = schema.object({
  enabled: schema.boolean({ defaultValue: true }),
  greeting: schema.string({ defaultValue: 'hello' }),
  storage: schema.object({ type: schema.string(), sqlite: schema.object({ path: schema.string() }) }),
});

export function createFakePlugin(probe: FakePluginProbe): PluginModule {
  class FakePlugin implements Plugin<void, void, { taskManager: TaskManagerSetupContract; features: FeaturesPluginSetup }, { taskManager: TaskManagerStartContract }> {
    private core?: CoreStart;
    private taskManager?: TaskManagerStartContract;

    constructor(private readonly context: PluginInitializerContext) {}

    setup(core: CoreSetup, { taskManager, features }: { taskManager: TaskManagerSetupContract; features: FeaturesPluginSetup }) {
      const privileges = (api: string[]) => ({ savedObject: { all: [], read: [] }, ui: [], api });
      features.registerKibanaFeature({
        id: 'fake',
        name: 'Fake',
        category: { id: 'management', label: 'Management' },
        app: ['fake'],
        privileges: { all: privileges(['fake_all', 'fake_read']), read: privileges(['fake_read']) },
      });
      taskManager.registerTaskDefinitions({
        'fake:task': {
          createTaskRunner: ({ taskInstance, fakeRequest }) => ({
            run: async () => {
              const user = fakeRequest ? (this.core!.security.authc.getCurrentUser(fakeRequest)?.username ?? null) : null;
              probe.taskRuns.push({ params: taskInstance.params, user });
            },
          }),
        },
      });
      const logger = this.context.logger.get('routes');
      const router = core.http.createRouter();
      const read = { authz: { requiredPrivileges: ['fake_read'] } };
      router.get({ path: '/api/fake/config', validate: false, security: read }, async (_c, _r, response) => {
        logger.debug('config requested');
        return response.ok({ body: { config: this.context.config.get(), version: this.context.env.packageInfo.version } });
      });
      router.get({ path: '/api/fake/me', validate: false, security: read }, async (_c, request, response) =>
        response.ok({ body: this.core!.security.authc.getCurrentUser(request as KibanaRequest) })
      );
      router.post(
        { path: '/api/fake/tasks', validate: { body: schema.object({ n: schema.number() }) }, security: { authz: { requiredPrivileges: ['fake_all'] } } },
        async (_c, request, response) => {
          const task = await this.taskManager!.schedule({ taskType: 'fake:task', params: { n: request.body.n }, state: {} }, { request });
          return response.ok({ body: { id: task.id } });
        }
      );
    }

    async start(core: CoreStart, { taskManager }: { taskManager: TaskManagerStartContract }) {
      await probe.startGate;
      this.core = core;
      this.taskManager = taskManager;
    }

    stop() {
      probe.stopped = true;
    }
  }
  return { config: { schema: configSchema }, plugin: async (context) => new FakePlugin(context) };
}

export const newProbe = (): FakePluginProbe => ({ taskRuns: [], stopped: false });
