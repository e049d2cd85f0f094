import { z } from 'zod';
import { defineStep, defineStepFamily, openWith } from './base';
import { apiRequestWith, ValueSchema } from './fields';

/**
 * The named Elasticsearch steps take the parameters of the matching client API. Their `with` stays
 * open (the APIs have dozens of parameters) but the common ones are described for completion.
 */
const esApiWith = (description: string, shape: z.ZodRawShape) =>
  z.looseObject(shape).describe(`${description} Any other parameter of the API is passed through.`);

export const ElasticsearchRequestStepSchema = defineStep(
  'elasticsearch.request',
  'Call any Elasticsearch endpoint with the credentials of the workflow.',
  {
    with: apiRequestWith({ pathExample: '/my-index/_search', description: 'The request to send.' }),
  }
).meta({ id: 'ElasticsearchRequestStep' });
export type ElasticsearchRequestStep = z.infer<typeof ElasticsearchRequestStepSchema>;

export const ElasticsearchSearchStepSchema = defineStep(
  'elasticsearch.search',
  'Search documents (the `search` API).',
  {
    with: esApiWith('Search parameters.', {
      index: z
        .union([z.string(), z.array(z.string())])
        .optional()
        .describe('Index, alias or pattern to search.'),
      query: z.unknown().optional().describe('Query DSL, e.g. `{ match: { message: error } }`.'),
      size: z.union([z.number(), z.string()]).optional().describe('How many hits to return.'),
    }),
  }
).meta({ id: 'ElasticsearchSearchStep' });
export type ElasticsearchSearchStep = z.infer<typeof ElasticsearchSearchStepSchema>;

export const ElasticsearchIndexStepSchema = defineStep('elasticsearch.index', 'Index one document (the `index` API).', {
  with: esApiWith('Index parameters.', {
    index: z.string().describe('Target index or data stream.'),
    id: z.string().optional().describe('Document id; generated when omitted.'),
    document: ValueSchema.describe('The document to store.'),
  }),
}).meta({ id: 'ElasticsearchIndexStep' });
export type ElasticsearchIndexStep = z.infer<typeof ElasticsearchIndexStepSchema>;

export const ElasticsearchUpdateStepSchema = defineStep(
  'elasticsearch.update',
  'Update one document (the `update` API).',
  {
    with: esApiWith('Update parameters.', {
      index: z.string().describe('Index of the document.'),
      id: z.string().describe('Id of the document.'),
      doc: z.unknown().optional().describe('Partial document to merge.'),
      doc_as_upsert: z.boolean().optional().describe('Create the document from `doc` when it does not exist.'),
    }),
  }
).meta({ id: 'ElasticsearchUpdateStep' });
export type ElasticsearchUpdateStep = z.infer<typeof ElasticsearchUpdateStepSchema>;

export const ElasticsearchEsqlQueryStepSchema = defineStep(
  'elasticsearch.esql.query',
  'Run an ES|QL query; the output has `columns` and `values`.',
  {
    with: esApiWith('ES|QL parameters.', {
      query: z.string().describe('The ES|QL query, e.g. `FROM logs-* | STATS count = COUNT(*)`.'),
      format: z.string().optional().describe('Response format, e.g. `json`.'),
      params: z.array(z.unknown()).optional().describe('Values for `?` placeholders in the query.'),
    }),
  }
).meta({ id: 'ElasticsearchEsqlQueryStep' });
export type ElasticsearchEsqlQueryStep = z.infer<typeof ElasticsearchEsqlQueryStepSchema>;

/** Any other Elasticsearch client API by its dotted name, e.g. `elasticsearch.indices.exists`. */
export const ELASTICSEARCH_API_TYPE_PATTERN =
  /^elasticsearch\.(?!(?:request|search|index|update|esql\.query)$)[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/;

export const ElasticsearchApiStepSchema = defineStepFamily(
  ELASTICSEARCH_API_TYPE_PATTERN,
  '`elasticsearch.<api>`: any Elasticsearch client API by name, e.g. `elasticsearch.indices.exists`.',
  'Call an Elasticsearch API by its client name.',
  { with: openWith('Parameters of the API, as the Elasticsearch client takes them.') }
).meta({ id: 'ElasticsearchApiStep' });
export type ElasticsearchApiStep = z.infer<typeof ElasticsearchApiStepSchema>;
