/**
 * What I/O steps show of a request in error messages, logs and dry-run effects. Workflows put API
 * keys in headers, query strings and URLs (Elastic's own examples do), so those never appear as
 * written: userinfo is dropped from URLs, and values whose names say they are secret are masked.
 */
export const MASKED = '[REDACTED]';

const SECRET_NAME = /authorization|cookie|key|token|secret|password|passwd|signature|credential/i;

/** The idempotency key names a run and a step, nothing secret; showing it explains retries. */
export const isSecretName = (name: string): boolean => SECRET_NAME.test(name) && name.toLowerCase() !== 'idempotency-key';

/** The URL without `user:password@` and with secret-looking query parameters masked. */
export function displayUrl(url: URL | string): string {
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    return String(url).replace(/\/\/[^/@\s]*@/, '//');
  }
  parsed.username = '';
  parsed.password = '';
  for (const name of [...new Set(parsed.searchParams.keys())]) {
    if (isSecretName(name)) parsed.searchParams.set(name, MASKED);
  }
  return parsed.toString();
}

export function maskHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, isSecretName(name) ? MASKED : value]));
}
