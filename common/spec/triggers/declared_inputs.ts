/**
 * The inputs a manual run takes, read from a parsed workflow document the way the engine fills
 * defaults: the top-level `inputs` (Kibana 9.3 form) wins over the manual trigger's, and either
 * may be a list of `{ name, default }` or a JSON Schema object. Works on raw documents too.
 */
export interface DeclaredInputs {
  /** Every declared input name, with or without a default. */
  names: string[];
  /** The declared defaults. */
  defaults: Record<string, unknown>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function declaredInputsOf(workflow: unknown): DeclaredInputs {
  if (!isRecord(workflow)) return { names: [], defaults: {} };
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
}
