import { z } from 'zod';

/** Field schemas shared by many steps; each is defined once so the JSON Schema refers to it instead of repeating it. */

export const DurationSchema = z
  .string()
  .describe('A duration: an integer and a unit among ms, s, m, h, d, w, e.g. `30s`, `5m`, `1h`.')
  .meta({ id: 'Duration' });
export type Duration = z.infer<typeof DurationSchema>;

export const ConditionSchema = z
  .union([z.string(), z.boolean()])
  .describe(
    'A KQL condition evaluated against the context (`steps.check.output.severity : "critical"`), or a `${{ }}` expression.'
  )
  .meta({ id: 'Condition' });
export type Condition = z.infer<typeof ConditionSchema>;

export const ForeachExpressionSchema = z
  .union([z.string(), z.array(z.unknown())])
  .describe(
    'The items to iterate: a `{{ }}`/`${{ }}` expression that yields an array (or a JSON array string), or a literal list. Inside, use `foreach.item`, `foreach.index`, `foreach.total`.'
  )
  .meta({ id: 'ForeachExpression' });
export type ForeachExpression = z.infer<typeof ForeachExpressionSchema>;

export const StepNameSchema = z
  .string()
  .min(1)
  .describe('Unique name of the step in the workflow; other steps read its result as `steps.<name>.output`.')
  .meta({ id: 'StepName' });

export const ConnectorIdSchema = z
  .string()
  .min(1)
  .describe('Name or id of the configured connector this step uses.')
  .meta({ id: 'ConnectorId' });

/** `with` of steps whose parameters are passed through as they are (API calls, connectors, variables). */
export const OpenWithSchema = z
  .record(z.string(), z.unknown())
  .describe('Parameters of the step. Values may use `{{ }}` templating.')
  .meta({ id: 'OpenWith' });
export type OpenWith = z.infer<typeof OpenWithSchema>;

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
export const HttpMethodSchema = z.enum(HTTP_METHODS).describe('HTTP method.').meta({ id: 'HttpMethod' });

export const HeadersSchema = z
  .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
  .describe('HTTP headers to send.')
  .meta({ id: 'Headers' });

/** `with` of the steps that call a stack API by path (Elasticsearch, Kibana): one request, as written. */
export const apiRequestWith = ({ pathExample, description }: { pathExample: string; description: string }) =>
  z
    .strictObject({
      method: HttpMethodSchema.optional().describe('HTTP method. Default GET.'),
      path: z.string().describe(`Path of the endpoint, e.g. \`${pathExample}\`.`),
      body: z.unknown().optional().describe('Request body (JSON).'),
      query: z.record(z.string(), z.unknown()).optional().describe('Query string parameters.'),
      headers: HeadersSchema.optional(),
    })
    .describe(description);

/** A JSON Schema given inline (AI structured output, expected input); checked only for being a map. */
export const JsonSchemaObjectSchema = z
  .record(z.string(), z.unknown())
  .describe('A JSON Schema object, e.g. `{ type: object, properties: { ... }, required: [...] }`.')
  .meta({ id: 'JsonSchemaObject' });

/** Any YAML value, but present: `z.unknown()` would let a missing required field through. */
export const ValueSchema = z
  .union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.unknown()), z.record(z.string(), z.unknown())])
  .meta({ id: 'Value' });
