/**
 * What I/O step kinds reach the outside world through. The plugin builds one set per run,
 * scoped to the user the run acts for; tests pass their own. Every call takes the step's
 * AbortSignal so a cancelled or timed-out step really stops its request.
 */
import type { ElasticsearchClient } from '@kbn/core/server';

export interface ConnectorExecution {
  /** A connector id or name, as written in the step's `connector-id`. */
  connectorId: string;
  params: Record<string, unknown>;
  signal: AbortSignal;
  /** Same for every attempt of the same step occurrence: a resumed run never sends twice. */
  idempotencyKey: string;
}

export interface KibanaRequestOptions {
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string | number | boolean>;
  signal: AbortSignal;
}

export interface ChildRunRequest {
  workflowId: string;
  inputs: Record<string, unknown>;
  parentExecutionId: string;
  dryRun: boolean;
  /** The starting step's key: starting twice with the same key gives the same child run. */
  idempotencyKey: string;
}

export interface StepServices {
  /** Runs a configured connector; resolves with its data, rejects with an error carrying details. */
  executeConnector(options: ConnectorExecution): Promise<unknown>;
  /** The Elasticsearch client of the user the run acts for; throws a clear error when there is none. */
  elasticsearch(): ElasticsearchClient;
  /** Calls the Kibana HTTP API (or the host's) as the user the run acts for. */
  kibanaRequest(options: KibanaRequestOptions): Promise<{ status: number; body: unknown }>;
  /** Starts a run of another workflow; resolves with its execution id. */
  startChildRun(request: ChildRunRequest): Promise<string>;
  /** Status and output of a run (for `workflow.execute` waiting on its child). */
  getRun(executionId: string): Promise<{ status: string; output?: unknown; error?: { message: string } } | undefined>;
}

const unavailable = (what: string) => () => {
  throw new Error(`${what} not available in this environment`);
};

/** Services for runs that have no outside world (the CLI, unit tests): every call fails clearly. */
export const offlineServices = (): StepServices => ({
  executeConnector: unavailable('Connectors are'),
  elasticsearch: unavailable('Elasticsearch is'),
  kibanaRequest: unavailable('The Kibana API is'),
  startChildRun: unavailable('Running other workflows is'),
  getRun: async () => undefined,
});
