import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import type { ValidationFinding } from '../api/types';
import { checkSchema } from './validation/check_schema';
import { positionFinding } from './validation/finding';
import { VALIDATION_RULES } from './validation';
import { isRawMap, WorkflowIndex } from './validation/workflow_index';
import type { WorkflowDefinition } from './workflow';
import { SourceMap } from './yaml/source_map';

export interface ParseWorkflowResult {
  /** The workflow with defaults applied; present when the schema accepts it (semantic errors aside). */
  definition?: WorkflowDefinition;
  /** Every problem found, sorted by position. */
  findings: ValidationFinding[];
  /** No finding of severity `error`. */
  valid: boolean;
}

const syntaxFinding = (problem: YAMLError, lineCounter: LineCounter): ValidationFinding => {
  const { line, col } = lineCounter.linePos(problem.pos[0]);
  return {
    code: 'yaml-syntax',
    severity: 'error',
    message: `YAML syntax error: ${problem.message}`,
    line,
    column: col,
  };
};

/** The YAML parser often reports one mistake twice at one spot, in two wordings; the first is enough. */
const firstPerPosition = (findings: ValidationFinding[]): ValidationFinding[] =>
  findings.filter(
    (finding, i) => findings.findIndex((f) => f.line === finding.line && f.column === finding.column) === i
  );

const byPosition = (a: ValidationFinding, b: ValidationFinding) => a.line - b.line || a.column - b.column;

const result = (findings: ValidationFinding[], definition?: WorkflowDefinition): ParseWorkflowResult => {
  findings.sort(byPosition);
  const valid = findings.every((finding) => finding.severity !== 'error');
  return { definition, findings, valid };
};

/**
 * Parses and validates a workflow's YAML. Syntax errors stop there; otherwise the schema and every
 * semantic rule run, and each finding carries the line and column of the node it is about.
 */
export const parseWorkflowYaml = (source: string): ParseWorkflowResult => {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0)
    return result(firstPerPosition(doc.errors.map((problem) => syntaxFinding(problem, lineCounter))));

  const map = new SourceMap(doc, lineCounter, source);
  let raw: unknown;
  try {
    raw = doc.toJS();
  } catch (problem) {
    // yaml refuses documents whose aliases expand without bound ("billion laughs").
    const message = `YAML syntax error: ${problem instanceof Error ? problem.message : String(problem)}`;
    return result([{ code: 'yaml-syntax', severity: 'error', message, line: 1, column: 1 }]);
  }
  if (!isRawMap(raw)) {
    const message = 'a workflow is a YAML map with at least "name", "triggers" and "steps"';
    return result([{ code: 'invalid-type', severity: 'error', message, ...map.valuePosition([]) }]);
  }
  const index = new WorkflowIndex(raw);
  const schema = checkSchema(index);
  const pending = [...schema.findings, ...VALIDATION_RULES.flatMap((rule) => rule.check(index))];
  const findings = pending.map((finding) => positionFinding(finding, map));
  for (const problem of doc.warnings) findings.push({ ...syntaxFinding(problem, lineCounter), severity: 'warning' });
  return result(findings, schema.definition);
};
