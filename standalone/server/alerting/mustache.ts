/*
 * The minimal mustache that rule action params need: `{{path.to.value}}` and `{{{path}}}`
 * variables in every string of the params, as Kibana renders action params before it runs a
 * connector. Objects and arrays render as JSON, missing values as ''. Sections (`{{#x}}`),
 * inverted sections and partials are not supported and stay as written.
 */

const VARIABLE = /\{\{\{\s*([\w.@-]+)\s*\}\}\}|\{\{\s*([\w.@-]+)\s*\}\}/g;

const hasOwn = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

function lookup(variables: Record<string, unknown>, path: string): unknown {
  let value: unknown = variables;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null || !hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

export function renderTemplate(template: string, variables: Record<string, unknown>): string {
  return template.replace(VARIABLE, (_match, triple: string | undefined, double: string | undefined) => {
    const value = lookup(variables, (triple ?? double)!);
    if (value === undefined || value === null) return '';
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  });
}

/** Renders every string inside `params`, keeping its structure. */
export function renderParams<T>(params: T, variables: Record<string, unknown>): T {
  if (typeof params === 'string') return renderTemplate(params, variables) as T;
  if (Array.isArray(params)) return params.map((item) => renderParams(item, variables)) as T;
  if (typeof params === 'object' && params !== null) {
    return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, renderParams(value, variables)])) as T;
  }
  return params;
}
