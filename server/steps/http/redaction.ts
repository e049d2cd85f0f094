/**
 * What I/O steps show of a request in error messages, logs and dry-run effects. Workflows put API
 * keys in headers, query strings and URLs (Elastic's own examples do), so those never appear as
 * written: userinfo is dropped from URLs, and values whose names say they are secret are masked.
 */
import { REDACTED, isSecretName } from '../../../common/secrets';

export const MASKED = REDACTED;
export { isSecretName };

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
