/**
 * A template that cannot be parsed or rendered: a syntax error, an unknown filter or tag, or a
 * limit exceeded. It is the workflow author's error, so callers must not retry it.
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
