/**
 * Alert documents are stored with dotted keys (`kibana.alert.rule.name`); workflows read them as
 * nested objects (`event.alerts[0].kibana.alert.rule.name`), as Kibana's `expandFlattenedAlert` does.
 */
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function expandAlert(alert: Record<string, unknown>): Record<string, unknown> {
  const expanded: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(alert)) {
    const parts = key.startsWith('_') || key.startsWith('@') ? [key] : key.split('.');
    let target = expanded;
    for (const part of parts.slice(0, -1)) {
      if (!isPlainObject(target[part])) target[part] = {};
      target = target[part] as Record<string, unknown>;
    }
    const last = parts[parts.length - 1];
    const next = isPlainObject(value) ? expandAlert(value) : value;
    target[last] = isPlainObject(target[last]) && isPlainObject(next) ? { ...(target[last] as object), ...next } : next;
  }
  return expanded;
}
