/**
 * Keeps secrets out of what a run records (step inputs, errors, logs). Real workflows put API keys
 * in `consts` (Elastic's own examples do), so two rules apply: values under secret-sounding keys
 * are masked, and the values of secret-sounding consts are masked wherever they appear in text.
 * What is sent is never changed; only what is stored.
 */
import { REDACTED, isSecretName } from '../../common/secrets';

export { REDACTED };
/** Shorter values would mask ordinary words. */
const MIN_SECRET_LENGTH = 6;

export type Redactor = <T>(value: T) => T;

export function createRedactor(consts: Record<string, unknown> | undefined): Redactor {
  const secrets = Object.entries(consts ?? {})
    .filter(([name, value]) => isSecretName(name) && typeof value === 'string' && value.length >= MIN_SECRET_LENGTH)
    .map(([, value]) => value as string)
    .sort((a, b) => b.length - a.length);
  const maskText = (text: string) => secrets.reduce((out, secret) => (out.includes(secret) ? out.split(secret).join(REDACTED) : out), text);
  const walk = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') return maskText(value);
    if (depth > 64 || value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((item) => walk(item, depth + 1));
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, isSecretName(key) && item !== null && item !== '' ? REDACTED : walk(item, depth + 1)])
    );
  };
  return <T>(value: T) => walk(value, 0) as T;
}
