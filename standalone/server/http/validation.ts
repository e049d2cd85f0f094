/*
 * Kibana's RouteValidator: config-schema types validate with the namespaces `request params`,
 * `request query` and `request body`, so messages read `[request body.name]: ...`; function
 * validators report through `badRequest(error, path)` and get the same prefix.
 */
import { ValidationError } from '@kbn/config-schema';
import type { RouteValidationSpec, RouteValidatorConfig } from '@kbn/core/server';

export class RouteValidationError extends Error {}

type Namespace = 'request params' | 'request query' | 'request body';

const prefixed = (namespace: Namespace, path: string[], message: string) =>
  `[${[namespace, ...path].join('.')}]: ${message}`;

function validatePart(spec: RouteValidationSpec<unknown> | undefined, data: unknown, namespace: Namespace): unknown {
  // Kibana hands an empty object to handlers for every part a route does not validate.
  if (spec === undefined) return {};
  if (typeof spec === 'function') {
    const result = spec(data, {
      ok: (value) => ({ value }),
      badRequest: (error, path = []) => ({
        error: new RouteValidationError(prefixed(namespace, path, typeof error === 'string' ? error : error.message)),
      }),
    });
    if ('error' in result) throw result.error;
    return result.value;
  }
  try {
    return spec.validate(data, {}, namespace);
  } catch (error) {
    if (error instanceof ValidationError) throw new RouteValidationError(error.message);
    throw error;
  }
}

export function validateRequestParts(
  validate: RouteValidatorConfig<unknown, unknown, unknown> | false,
  input: { params: unknown; query: unknown; body: unknown }
): { params: unknown; query: unknown; body: unknown } {
  if (validate === false) return { params: {}, query: {}, body: {} };
  return {
    params: validatePart(validate.params, input.params, 'request params'),
    query: validatePart(validate.query, input.query, 'request query'),
    body: validatePart(validate.body, input.body, 'request body'),
  };
}
