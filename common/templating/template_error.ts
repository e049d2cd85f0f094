/**
 * A template that cannot be parsed or rendered: a syntax error, an unknown filter or tag, or a
 * limit exceeded. It is the workflow author's error: a retry renders the same template again, so
 * the engine retries it only when the step's `on-failure` asks (its `condition` can rule it out
 * with `error.type : TemplateError`).
 */
export class TemplateError extends Error {
  /** 0-based offset of the problem inside the template, when liquidjs reports one. */
  readonly offset: number | undefined;

  constructor(message: string, offset?: number) {
    super(message);
    this.name = 'TemplateError';
    this.offset = offset;
  }
}
