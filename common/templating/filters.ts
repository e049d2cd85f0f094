import { filters as builtinFilters, type FilterImplOptions } from 'liquidjs';

/** A liquidjs filter function; `this` gives access to the render context and its limits. */
type FilterHandler = Extract<FilterImplOptions, (...args: never[]) => unknown>;
type FilterThis = ThisParameterType<FilterHandler>;

const builtinDate = builtinFilters.date as FilterHandler;

/**
 * `json_parse`: Elastic Workflows' filter for turning a JSON string (an HTTP body, an LLM answer)
 * into data. Anything that is not a string, or not valid JSON, passes through unchanged, as in
 * Kibana, so a template never fails because an upstream service sent plain text.
 */
function jsonParse(this: FilterThis, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  this.context.memoryLimit.use(value.length);
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * `entries`: an object as `[{ key, value }]`, so a loop over `obj | entries` reads `{{ e.key }}`
 * naturally (Liquid's own hash iteration yields `[key, value]` pairs, which reads poorly).
 * Non-objects give an empty list.
 */
function entries(this: FilterThis, value: unknown): Array<{ key: string; value: unknown }> {
  if (value === null || typeof value !== 'object') return [];
  const pairs = Object.entries(value);
  this.context.memoryLimit.use(pairs.length);
  return pairs.map(([key, item]) => ({ key, value: item }));
}

/**
 * `date` with `'now'` / `'today'` read from the context's `now` (a Date or an ISO string) when
 * there is one, so a run renders the same dates on resume and in tests as the clock the engine
 * passed in. Without `now` in the context it falls back to liquidjs' wall clock.
 */
function date(this: FilterThis, value: unknown, ...args: unknown[]): unknown {
  if (value === 'now' || value === 'today') {
    const now = this.context.getSync(['now']);
    if (now instanceof Date || typeof now === 'string') return builtinDate.call(this, now, ...args);
  }
  return builtinDate.call(this, value, ...args);
}

/** Filters added to (or replacing) liquidjs' standard set. */
export const WORKFLOW_FILTERS: Readonly<Record<string, FilterHandler>> = {
  json_parse: jsonParse,
  entries,
  date,
};
