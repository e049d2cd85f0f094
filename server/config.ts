import { schema, type TypeOf } from '@kbn/config-schema';
import type { PluginConfigDescriptor } from '@kbn/core/server';

export const configSchema = schema.object({
  /** Turns the whole plugin off. */
  enabled: schema.boolean({ defaultValue: true }),
  storage: schema.object({
    /** Inside Kibana workflows live in Elasticsearch system indices; the standalone host uses SQLite. */
    type: schema.oneOf([schema.literal('elasticsearch'), schema.literal('sqlite')], { defaultValue: 'elasticsearch' }),
    sqlite: schema.object({
      /** SQLite database file (WAL mode); its folder is created when missing. */
      path: schema.string({ defaultValue: 'data/workflows.sqlite' }),
    }),
  }),
  ai: schema.object({
    /** LLM connector (id or name) for `ai.*` steps that name none, as Elastic's agent examples do. */
    defaultConnectorId: schema.maybe(schema.string({ minLength: 1 })),
  }),
  runner: schema.object({
    /** A `wait` shorter than this sleeps in the worker; a longer one parks the run and frees the worker. */
    inlineWaitThreshold: schema.duration({ defaultValue: '5s' }),
    /** Runs one node executes at once; more wait in its queue (or for another node). */
    maxConcurrentRuns: schema.number({ defaultValue: 50, min: 1, max: 1000 }),
    /** How often each runner task looks for due runs: parked runs whose time came, runs of a dead node. */
    pollInterval: schema.duration({ defaultValue: '10s' }),
    /** How long a node's claim on a run holds without renewal (renewed every third of it; keep it to seconds or more). */
    leaseDuration: schema.duration({ defaultValue: '30s' }),
  }),
});

export type WorkflowsConfig = TypeOf<typeof configSchema>;

export const config: PluginConfigDescriptor<WorkflowsConfig> = {
  schema: configSchema,
  exposeToBrowser: {},
};
