/**
 * Runs workflow YAML through the real engine with an in-memory SQLite store, for tests of the
 * engine and of step kinds. Not used by production code.
 */
import type { Logger } from '@kbn/core/server';
import { createTemplateEngine } from '../../common/templating';
import { SqliteWorkflowStore } from '../storage/sqlite/sqlite_store';
import { anExecution } from '../storage/store_contract';
import { createStepRegistry, type StepRegistry } from '../steps/registry';
import type { ExecutionRecord, StepExecutionRecord } from '../storage/types';
import { WorkflowEngine, type EngineDeps } from './workflow_engine';

export const silentLogger: Logger = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  fatal: () => undefined,
  isLevelEnabled: () => false,
  get: () => silentLogger,
};

export interface TestEngine {
  store: SqliteWorkflowStore;
  engine: WorkflowEngine;
  clock: { now: Date };
  /** Creates execution `ex-1` for `yaml` and runs it once. */
  run(yaml: string, execution?: Partial<ExecutionRecord>): Promise<{ outcome: Awaited<ReturnType<WorkflowEngine['runExecution']>>; execution: ExecutionRecord; steps: StepExecutionRecord[] }>;
  read(executionId?: string): Promise<{ execution: ExecutionRecord; steps: StepExecutionRecord[] }>;
}

export function createTestEngine(overrides: Partial<EngineDeps> & { registry?: StepRegistry } = {}): TestEngine {
  const clock = { now: new Date('2026-03-01T10:00:00.000Z') };
  const store = new SqliteWorkflowStore(':memory:');
  const engine = new WorkflowEngine({
    store,
    registry: createStepRegistry(),
    templates: createTemplateEngine(),
    logger: silentLogger,
    now: () => clock.now,
    kibanaUrl: 'http://kibana.test',
    inlineWaitThresholdMs: 50,
    ...overrides,
  });
  const read = async (executionId = 'ex-1') => ({
    execution: (await store.getExecution('default', executionId))!,
    steps: await store.listStepExecutions('default', executionId),
  });
  return {
    store,
    engine,
    clock,
    read,
    async run(yaml, execution = {}) {
      const record = await store.createExecution(anExecution({ yaml, ...execution }));
      const outcome = await engine.runExecution('default', record.id, new AbortController().signal);
      return { outcome, ...(await read(record.id)) };
    },
  };
}

/** A workflow document with a manual trigger around the given `steps:` block (indented by two). */
export const workflowYaml = (steps: string, head = '') => `name: Test\n${head}triggers:\n  - type: manual\nsteps:\n${steps}`;
