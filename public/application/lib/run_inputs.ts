import { parse } from 'yaml';
import { i18n } from '@kbn/i18n';

export interface DeclaredInputs {
  /** Every declared input name, with or without a default. */
  names: string[];
  /** The declared defaults: what the run form starts from. */
  defaults: Record<string, unknown>;
}

const NONE: DeclaredInputs = { names: [], defaults: {} };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The inputs a manual run can take, read from the YAML the same way the engine fills defaults:
 * the top-level `inputs` (Kibana 9.3 form) wins over the manual trigger's, and either may be a
 * list of `{ name, default }` or a JSON Schema object. YAML that does not parse declares nothing:
 * the form then starts empty rather than refusing to open.
 */
export const declaredInputs = (yaml: string): DeclaredInputs => {
  let workflow: unknown;
  try {
    workflow = parse(yaml);
  } catch {
    return NONE;
  }
  if (!isRecord(workflow)) return NONE;
  const triggers = Array.isArray(workflow.triggers) ? workflow.triggers : [];
  const manual = triggers.find((trigger) => isRecord(trigger) && trigger.type === 'manual') as Record<string, unknown> | undefined;
  const declared = workflow.inputs ?? manual?.inputs;

  const entries: Array<[string, unknown]> = Array.isArray(declared)
    ? declared.flatMap((input) => (isRecord(input) && typeof input.name === 'string' ? [[input.name, input.default] as [string, unknown]] : []))
    : isRecord(declared) && isRecord(declared.properties)
      ? Object.entries(declared.properties).map(([name, spec]) => [name, isRecord(spec) ? spec.default : undefined])
      : [];
  return {
    names: entries.map(([name]) => name),
    defaults: Object.fromEntries(entries.filter(([, value]) => value !== undefined)),
  };
};

export type JsonObjectParse = { value: Record<string, unknown>; error?: undefined } | { value?: undefined; error: string };

/** Text of a JSON object field: empty means `{}`; anything but an object is refused with a reason. */
export const parseJsonObject = (text: string): JsonObjectParse => {
  if (text.trim() === '') return { value: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      error: i18n.translate('workflows.run.invalidJson', {
        defaultMessage: 'Not valid JSON: {reason}',
        values: { reason: error instanceof Error ? error.message : String(error) },
      }),
    };
  }
  if (!isRecord(value)) {
    return { error: i18n.translate('workflows.run.notAnObject', { defaultMessage: 'Expected a JSON object, like {"host": "web-1"}' }) };
  }
  return { value };
};
