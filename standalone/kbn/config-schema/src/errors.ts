/** Base of every error this package throws, so callers can catch them all with one check. */
export class SchemaError extends Error {
  constructor(message: string, public readonly cause?: Error) {
    super(message);
    this.name = new.target.name;
  }
}

/** A failure at one place in the value; `path` is relative to the validated root. */
export class SchemaTypeError extends SchemaError {
  constructor(error: Error | string, public readonly path: string[]) {
    super(typeof error === 'string' ? error : error.message, typeof error === 'string' ? undefined : error);
  }
}

/** A union failure: every alternative failed, and each child error says why. */
export class SchemaTypesError extends SchemaTypeError {
  constructor(error: Error | string, path: string[], public readonly errors: SchemaTypeError[]) {
    super(error, path);
  }
}

/**
 * What `Type.validate` throws. Its message carries the path, prefixed by the namespace the caller
 * gave (routes use `request body`, `request query`, `request params`).
 */
export class ValidationError extends SchemaError {
  constructor(error: SchemaTypeError, namespace?: string) {
    super(renderMessage(error, namespace), error);
  }
}

function renderMessage(error: SchemaTypeError, namespace: string | undefined): string {
  const path = namespace === undefined ? error.path : [namespace, ...error.path];
  let message = error.message;
  if (error instanceof SchemaTypesError) {
    // Continuation lines of a nested union are indented so the tree stays readable.
    const children = error.errors.map((child) => `- ${renderMessage(child, namespace).split('\n').join('\n  ')}`);
    message = `${message}\n${children.join('\n')}`;
  }
  return path.length === 0 ? message : `[${path.join('.')}]: ${message}`;
}
