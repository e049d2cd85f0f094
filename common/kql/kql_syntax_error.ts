/** A query that cannot be parsed. The author's error: never retried. */
export class KqlSyntaxError extends Error {
  /** 0-based offset of the problem inside the query. */
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(`${message} at column ${offset + 1}`);
    this.name = 'KqlSyntaxError';
    this.offset = offset;
  }
}
