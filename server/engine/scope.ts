/** Builds what templates see during a run: the root values plus the innermost loop frame. */
import type { WorkflowDefinition } from '../../common/spec';
import type { ExecutionRecord } from '../storage/types';
import type { LoopFrame, TemplateScope } from '../steps/types';

export interface RunScope {
  root: TemplateScope;
  steps: Record<string, { output?: unknown; error?: unknown }>;
  variables: Record<string, unknown>;
}

/** Declared input defaults fill what the caller left out (legacy top-level `inputs` or the manual trigger's). */
const inputDefaults = (definition: WorkflowDefinition): Record<string, unknown> => {
  const manual = (definition.triggers ?? []).find((t) => t.type === 'manual') as { inputs?: unknown } | undefined;
  const declared = (definition as { inputs?: unknown }).inputs ?? manual?.inputs;
  const defaults: Record<string, unknown> = {};
  if (Array.isArray(declared)) {
    for (const input of declared as Array<{ name?: string; default?: unknown }>) {
      if (input?.name && input.default !== undefined) defaults[input.name] = input.default;
    }
  } else if (declared && typeof declared === 'object') {
    const properties = (declared as { properties?: Record<string, { default?: unknown }> }).properties ?? {};
    for (const [name, spec] of Object.entries(properties)) if (spec?.default !== undefined) defaults[name] = spec.default;
  }
  return defaults;
};

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
    inputs: { ...inputDefaults(definition), ...execution.inputs },
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
