/** What the workflow list needs from a YAML document, read even when the document is invalid. */
import { parse } from 'yaml';
import type { ValidationFinding } from '../../common/api';
import type { WorkflowDefinition } from '../../common/spec';
import { UserError } from '../../common/errors';

export interface WorkflowSummary {
  name: string;
  description: string;
  tags: string[];
  enabled: boolean;
  triggerTypes: string[];
}

const asString = (v: unknown) => (typeof v === 'string' ? v : '');

export function summarize(definition: WorkflowDefinition | undefined, yaml: string): WorkflowSummary {
  let doc: Record<string, any> = definition ?? {};
  if (!definition) {
    try {
      const raw = parse(yaml);
      doc = raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {};
    } catch {
      doc = {};
    }
  }
  const triggers: unknown[] = Array.isArray(doc.triggers) ? doc.triggers : [];
  return {
    name: asString(doc.name).trim(),
    description: asString(doc.description),
    tags: Array.isArray(doc.tags) ? doc.tags.filter((t: unknown): t is string => typeof t === 'string') : [],
    enabled: doc.enabled !== false,
    triggerTypes: [...new Set(triggers.map((t) => asString((t as { type?: unknown })?.type)).filter(Boolean))],
  };
}

export const formatFinding = (f: ValidationFinding) => `line ${f.line}, column ${f.column}: ${f.message}`;

/** Why a workflow cannot run: its first error, with the findings for the caller to show. */
export function notValidError(findings: ValidationFinding[]): UserError {
  const first = findings.find((f) => f.severity === 'error');
  return new UserError(`Workflow is not valid${first ? `: ${formatFinding(first)}` : ''}`, { findings });
}
