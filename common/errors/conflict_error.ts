/** A write lost a race: the record changed since the caller read it. HTTP 409. */
export class ConflictError extends Error {
  readonly statusCode = 409;
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}
