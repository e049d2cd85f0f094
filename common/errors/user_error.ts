/**
 * The caller asked for something that cannot be done as asked (bad input, disabled workflow).
 * Not retried; HTTP 400. `attributes` carries details such as validation findings.
 */
export class UserError extends Error {
  readonly statusCode = 400;
  constructor(
    message: string,
    readonly attributes?: Record<string, unknown>
  ) {
    super(message);
    this.name = 'UserError';
  }
}
