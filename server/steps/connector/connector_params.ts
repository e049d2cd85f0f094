/**
 * From a connector step's `with` to the params of the connector it runs. Bare connector types
 * (`slack`, `email`…) take their params as written, as in Elastic Workflows; a few get the small
 * reshaping their Kibana params schema needs. `<vendor>.<operation>` steps address a sub-action
 * connector, which takes `{ subAction, subActionParams }`.
 */
type Params = Record<string, unknown>;

const asList = (value: unknown) => (typeof value === 'string' ? [value] : value);

/** Per bare type: turns what authors naturally write into what the connector type validates. */
const RESHAPE: Record<string, (params: Params) => Params> = {
  // Kibana's email params take address lists; a single address is the common case in YAML.
  email: (params) => ({
    ...params,
    ...Object.fromEntries((['to', 'cc', 'bcc'] as const).filter((key) => key in params).map((key) => [key, asList(params[key])])),
  }),
  // `.webhook` takes the body as a string; a YAML map is meant as its JSON.
  webhook: (params) =>
    params.body !== undefined && typeof params.body !== 'string' ? { ...params, body: JSON.stringify(params.body) } : params,
  // `.jira` is a sub-action connector; `jira` with the issue fields means "create or update the issue".
  jira: (params) => {
    if ('subAction' in params) return params;
    if ('incident' in params) return { subAction: 'pushToService', subActionParams: params };
    const { comments, ...incident } = params;
    return { subAction: 'pushToService', subActionParams: { incident, ...(comments !== undefined ? { comments } : {}) } };
  },
};

/** The params sent for a step of `type` with the rendered `with`. */
export function connectorParams(type: string, params: Params): Params {
  const dot = type.indexOf('.');
  if (dot > 0) return { subAction: type.slice(dot + 1), subActionParams: params };
  return RESHAPE[type]?.(params) ?? params;
}

const HEADLINE_KEYS = ['subject', 'summary', 'message', 'text', 'title', 'description', 'body'];
const HEADLINE_LENGTH = 80;

/** The text that says what a call is about (a Slack message, an issue summary), on one line, for a dry-run summary. */
export function headline(params: Params): string | undefined {
  const incident = params.incident as Params | undefined;
  for (const candidate of [...HEADLINE_KEYS.map((key) => params[key]), incident?.summary]) {
    if (typeof candidate !== 'string' || !candidate.trim()) continue;
    const line = candidate.replace(/\s+/g, ' ').trim();
    return line.length > HEADLINE_LENGTH ? `${line.slice(0, HEADLINE_LENGTH)}…` : line;
  }
  return undefined;
}
