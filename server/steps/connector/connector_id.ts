import { UserError } from '../../../common/errors';
import type { StepDefinition } from '../../../common/spec';

/**
 * Values that templates and examples leave for a person to fill in. Template import substitutes
 * `<%= name %>` and `__install__.<field>`; Elastic's examples also say `REPLACE_WITH_CONNECTOR_ID`
 * or `<YOUR_LLM_CONNECTOR_NAME>`. Sent as they are, they would reach the actions plugin as an
 * unknown connector, so the step names the real problem instead.
 */
const PLACEHOLDER = /<%=.*?%>|^__install__\.|REPLACE_WITH_|^<[A-Z][A-Z0-9_ -]*>$/;

export const isPlaceholder = (value: string): boolean => PLACEHOLDER.test(value.trim());

/** A whole `with` value that is an install-time substitution nobody filled in (`__install__.max-age`). */
const UNFILLED_VALUE = /^\s*(?:<%=.*%>|__install__\.\S+)\s*$/;

/** The first `with` value still holding an install-time placeholder, as `[path, value]`. */
export function findUnfilledValue(value: unknown, path = 'with'): [string, string] | undefined {
  if (typeof value === 'string') return UNFILLED_VALUE.test(value) ? [path, value] : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = findUnfilledValue(item, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`);
    if (found) return found;
  }
  return undefined;
}

/**
 * The step's `connector-id`, rendered (it may be a template such as `{{ consts.slack }}`).
 * `fallback` is used when the step has none; without either the step cannot run.
 */
export function resolveConnectorId(
  step: StepDefinition,
  render: (value: unknown) => unknown,
  options: { fallback?: string; missing?: string } = {}
): string {
  const written = step['connector-id'];
  const rendered = written === undefined ? undefined : render(written);
  const connectorId = typeof rendered === 'string' || typeof rendered === 'number' ? String(rendered).trim() : '';
  if (connectorId && isPlaceholder(connectorId)) {
    throw new UserError(`Fill in the connector-id of step "${step.name}" (it still says "${connectorId}")`);
  }
  if (connectorId) return connectorId;
  if (options.fallback) return options.fallback;
  throw new UserError(options.missing ?? `Step "${step.name}" needs a connector-id`);
}
