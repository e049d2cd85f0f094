/** Builds what templates see during a run: the root values plus the innermost loop frame. */
import { declaredInputsOf, type WorkflowDefinition } from '../../common/spec';
import type { ExecutionRecord } from '../storage/types';
import type { LoopFrame, TemplateScope } from '../steps/types';

export interface RunScope {
  root: TemplateScope;
  steps: Record<string, { output?: unknown; error?: unknown }>;
  variables: Record<string, unknown>;
}

export function createRunScope(options: {
  execution: ExecutionRecord;
  definition: WorkflowDefinition;
  now: Date;
  kibanaUrl: string;
}): RunScope {
  const { execution, definition, now, kibanaUrl } = options;
  const steps: RunScope['steps'] = {};
  const variables: Record<string, unknown> = {};
  const root: TemplateScope = {
    inputs: { ...declaredInputsOf(definition).defaults, ...execution.inputs },
    consts: definition.consts ?? {},
    event: execution.event ?? {},
    steps,
    variables,
    execution: {
      id: execution.id,
      isTestRun: execution.isTestRun,
      startedAt: execution.startedAt ?? now.toISOString(),
      triggeredBy: execution.triggeredBy,
      url: `${kibanaUrl}/app/workflows/execution/${execution.id}`,
    },
    workflow: { id: execution.workflowId, name: definition.name, enabled: definition.enabled ?? true, spaceId: execution.spaceId },
    now: now.toISOString(),
    kibanaUrl,
  };
  return { root, steps, variables };
}

export const scopeWithLoop = (scope: RunScope, frame: LoopFrame | undefined): TemplateScope =>
  frame ? { ...scope.root, foreach: frame } : scope.root;
