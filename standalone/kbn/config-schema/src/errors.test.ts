import { SchemaError, SchemaTypeError, SchemaTypesError, ValidationError } from './errors';

describe('ValidationError message', () => {
  const leaf = (path: string[]) => new SchemaTypeError('boom', path);

  it.each([
    ['root error without namespace', leaf([]), undefined, 'boom'],
    ['root error with namespace', leaf([]), 'request body', '[request body]: boom'],
    ['nested error without namespace', leaf(['steps', '1', 'name']), undefined, '[steps.1.name]: boom'],
    ['nested error with namespace', leaf(['steps', '1', 'name']), 'request body', '[request body.steps.1.name]: boom'],
  ])('%s', (_, error, namespace, expected) => {
    expect(new ValidationError(error, namespace).message).toBe(expected);
  });

  it('lists every union failure, nested ones indented', () => {
    const nested = new SchemaTypesError('types that failed validation:', ['key', '1'], [
      new SchemaTypeError('inner a', ['key', '1', '0']),
      new SchemaTypeError('inner b', ['key', '1', '1']),
    ]);
    const union = new SchemaTypesError('types that failed validation:', ['key'], [
      new SchemaTypeError('first', ['key', '0']),
      nested,
    ]);
    expect(new ValidationError(union, 'request query').message).toBe(
      [
        '[request query.key]: types that failed validation:',
        '- [request query.key.0]: first',
        '- [request query.key.1]: types that failed validation:',
        '  - [request query.key.1.0]: inner a',
        '  - [request query.key.1.1]: inner b',
      ].join('\n')
    );
  });

  it('keeps the type error as cause and is a SchemaError', () => {
    const cause = leaf(['a']);
    const error = new ValidationError(cause);
    expect(error).toBeInstanceOf(SchemaError);
    expect(error.cause).toBe(cause);
    expect(error.name).toBe('ValidationError');
    expect(cause.path).toEqual(['a']);
  });
});
