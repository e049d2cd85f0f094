/*
 * Keeps connector secrets out of everything that leaves an execution: results (messages and
 * data), thrown errors and log lines. A remote service may echo what it received, a URL that is
 * itself a secret (a Slack webhook) may show up whole or as its path in a network error, and
 * Basic auth travels base64-encoded: each of those forms is masked.
 */
export const REDACTED = '[REDACTED]';

/** Shorter values would mask ordinary words; real credentials are longer. */
const MIN_SECRET_LENGTH = 4;
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]+@/gi;

function stringLeaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(stringLeaves);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringLeaves);
  return [];
}

function formsOf(secret: string): string[] {
  const forms = [secret, encodeURIComponent(secret)];
  try {
    const url = new URL(secret);
    forms.push(`${url.pathname}${url.search}`, url.pathname);
  } catch {
    // not a URL: the value itself is all there is to mask
  }
  return forms;
}

export type Redactor = (text: string) => string;

export function createRedactor(secrets: Record<string, unknown>): Redactor {
  const values = stringLeaves(secrets);
  const { user, password, email, apiToken } = secrets as Record<string, unknown>;
  for (const [name, key] of [
    [user, password],
    [email, apiToken],
  ]) {
    if (typeof name === 'string' && typeof key === 'string') values.push(Buffer.from(`${name}:${key}`).toString('base64'));
  }
  const forms = [...new Set(values.flatMap(formsOf))]
    .filter((form) => form.length >= MIN_SECRET_LENGTH && form !== '/')
    // Longest first, so a URL is masked whole before its path is.
    .sort((a, b) => b.length - a.length);
  return (text) => forms.reduce((masked, form) => masked.split(form).join(REDACTED), text.replace(URL_USERINFO, `$1${REDACTED}@`));
}

export function redactDeep<T>(value: T, redact: Redactor): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redact)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactDeep(item, redact)])) as T;
  }
  return value;
}
