import { CONNECTOR_TYPES } from '../steps/connectors';
import { builtinStepTypes, resolveStepType } from '../steps/registry';
import { WorkflowSchema, type WorkflowDefinition } from '../workflow';
import { at, formatPath, stepLabel } from './describe';
import { error, type PendingFinding } from './finding';
import { typoOfBuiltin } from './step_type_typo';
import { closest } from './suggest';
import { entersNestedStep, entersTopLevelStep, type StepVisit, type WorkflowIndex } from './workflow_index';
import { convertIssues, describeValue } from './zod_issues';

/*
 * Schema validation in two layers. The workflow schema checks everything but the steps; each step
 * is then checked against the one schema its `type` selects, so an error names the field at fault
 * instead of listing why the step matches none of forty step kinds.
 */

export interface SchemaCheck {
  findings: PendingFinding[];
  /** The validated workflow with defaults applied, when the schema accepts it. */
  definition?: WorkflowDefinition;
}

const knownTypes = (): string[] => [...builtinStepTypes(), ...CONNECTOR_TYPES];

const checkStep = (visit: StepVisit, index: WorkflowIndex): PendingFinding[] => {
  const { step, path } = visit;
  if (step.type === undefined) {
    return [error('missing-field', at(stepLabel(visit), 'missing required field "type"'), [...path, 'type'], 'parent')];
  }
  if (typeof step.type !== 'string') {
    return [
      error('invalid-type', at(stepLabel(visit), `"type" must be a string, not ${describeValue(step.type)}`), [
        ...path,
        'type',
      ]),
    ];
  }
  const resolved = resolveStepType(step.type);
  const typo = !resolved?.builtin ? typoOfBuiltin(step.type) : undefined;
  if (!resolved || typo) {
    const suggestion = typo ?? closest(step.type, knownTypes());
    const hint = suggestion
      ? ` (did you mean ${suggestion}?)`
      : '; connector steps are named after the connector type, e.g. "slack" or "github.getCommit"';
    return [
      error('unknown-step-type', at(stepLabel(visit), `unknown step type "${step.type}"${hint}`), [...path, 'type']),
    ];
  }
  const result = resolved.schema.safeParse(step);
  if (result.success) return [];
  return convertIssues(result.error.issues, {
    index,
    base: path,
    schema: resolved.schema,
    kind: `${resolved.label} step`,
    skip: entersNestedStep,
  });
};

export const checkSchema = (index: WorkflowIndex): SchemaCheck => {
  const top = WorkflowSchema.safeParse(index.workflow);
  const findings = top.success
    ? []
    : convertIssues(top.error.issues, { index, base: [], schema: WorkflowSchema, skip: entersTopLevelStep });
  for (const entry of index.nonSteps) {
    const message = `each step must be a map with "name" and "type", not ${describeValue(entry.value)}`;
    findings.push(error('invalid-type', at(formatPath(entry.path), message), entry.path));
  }
  for (const visit of index.steps) findings.push(...checkStep(visit, index));
  return { findings, definition: top.success && findings.length === 0 ? top.data : undefined };
};
