/**
 * Which names say "secret", and what a masked value looks like. Shared by everything that
 * records or shows requests (step inputs, dry-run effects, error messages, logs).
 */
export const REDACTED = '[REDACTED]';

const SECRET_NAME = /(authorization|cookie|api[-_]?key|apikey|access[-_]?key|private[-_]?key|secret|token|password|passwd|signature|credential|^key$)/i;

/** The idempotency key names a run and a step, nothing secret; showing it explains retries. */
export const isSecretName = (name: string): boolean => SECRET_NAME.test(name) && name.toLowerCase() !== 'idempotency-key';
