import { getWorkflowJsonSchema } from './json_schema';

type JsonSchema = Record<string, unknown> & {
  $ref?: string;
  properties?: Record<string, JsonSchema>;
  definitions?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  required?: string[];
  additionalProperties?: unknown;
  const?: unknown;
  pattern?: string;
  description?: string;
};

const schema = getWorkflowJsonSchema() as JsonSchema;
const definitions = schema.definitions ?? {};

const resolve = (node: JsonSchema): JsonSchema => {
  if (node.$ref) return resolve(definitions[node.$ref.replace('#/definitions/', '')]);
  if (node.allOf?.length === 1) return { ...resolve(node.allOf[0]), ...node, allOf: undefined };
  return node;
};

/** The concrete step schemas the editor chooses from. */
const stepAlternatives = (node: JsonSchema): JsonSchema[] => {
  const resolved = resolve(node);
  const options = resolved.anyOf ?? resolved.oneOf;
  return options ? options.flatMap(stepAlternatives) : [resolved];
};

const matchesType = (alternative: JsonSchema, type: string): boolean => {
  const typeSchema = resolve(alternative.properties?.type ?? {});
  if (typeSchema.const !== undefined) return typeSchema.const === type;
  return typeSchema.pattern !== undefined && new RegExp(typeSchema.pattern).test(type);
};

describe('getWorkflowJsonSchema', () => {
  const workflow = resolve(schema);
  const steps = stepAlternatives(definitions.Step);

  it('describes the top level of a workflow and rejects unknown keys', () => {
    expect(Object.keys(workflow.properties ?? {})).toEqual(
      expect.arrayContaining([
        'name',
        'triggers',
        'steps',
        'settings',
        'consts',
        'inputs',
        'outputs',
        'template-metadata',
      ])
    );
    expect(workflow.required).toEqual(['name', 'triggers', 'steps']);
    expect(workflow.additionalProperties).toBe(false);
  });

  it('rejects unknown keys in the with of a console step', () => {
    const consoleStep = steps.find((step) => matchesType(step, 'console'))!;
    const withSchema = resolve(consoleStep.properties!.with);
    expect(consoleStep.additionalProperties).toBe(false);
    expect(withSchema.additionalProperties).toBe(false);
    expect(Object.keys(withSchema.properties ?? {})).toEqual(['message']);
  });

  it.each([
    ['console', 'ConsoleStep'],
    ['http', 'HttpStep'],
    ['elasticsearch.search', 'ElasticsearchSearchStep'],
    ['elasticsearch.indices.exists', 'ElasticsearchApiStep'],
    ['kibana.request', 'KibanaRequestStep'],
    ['kibana.SetAlertsStatus', 'KibanaActionStep'],
    ['cases.addComment', 'CasesStep'],
    ['github.getCommit', 'ConnectorStep'],
    ['slack', 'ConnectorStep'],
  ])('selects exactly one step schema for type %s', (type, definition) => {
    const matching = steps.filter((step) => matchesType(step, type));
    expect(matching).toEqual([definitions[definition]]);
  });

  it.each(['consle', 'data.sett', 'ai.unknown', 'loop.exit'])('matches no step schema for type %s', (type) => {
    expect(steps.filter((step) => matchesType(step, type))).toEqual([]);
  });

  it('describes every field an author writes', () => {
    const undescribed = (node: JsonSchema, at: string): string[] => [
      ...Object.entries(node.properties ?? {}).flatMap(([key, property]) => [
        ...(property.description || resolve(property).description ? [] : [`${at}.${key}`]),
        ...undescribed(property, `${at}.${key}`),
      ]),
      ...[...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])].flatMap((option) =>
        undescribed(option, at)
      ),
      ...(typeof node.items === 'object' ? undescribed(node.items as JsonSchema, `${at}[]`) : []),
    ];
    expect(Object.entries(definitions).flatMap(([name, definition]) => undescribed(definition, name))).toEqual([]);
  });

  it('stays small enough for the editor to load at once', () => {
    expect(JSON.stringify(schema).length).toBeLessThan(120_000);
  });

  it('returns a copy the caller may change', () => {
    (getWorkflowJsonSchema() as JsonSchema).definitions = {};
    expect(Object.keys((getWorkflowJsonSchema() as JsonSchema).definitions ?? {})).toContain('Step');
  });
});
