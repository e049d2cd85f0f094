/*
 * `.es-query`, Kibana's "Elasticsearch query" stack rule (the `esQuery` search type, count only):
 * params as Kibana saves them, so rules move between Kibana and the host, and one evaluation,
 * the search Kibana's executor sends and the alert fields it writes. Registered only when the host
 * has an Elasticsearch cluster; `es_query_tasks.ts` runs it on the rule's schedule.
 */
import { schema, type TypeOf } from '@kbn/config-schema';
import type { ElasticsearchClient } from '@kbn/core/server';
import type { RuleType } from '@kbn/alerting-plugin/server';

export const ES_QUERY_RULE_TYPE_ID = '.es-query';
/** Kibana's task type for a rule type's runs: `alerting:<rule type id>`. */
export const ES_QUERY_TASK_TYPE = `alerting:${ES_QUERY_RULE_TYPE_ID}`;

const COMPARATORS = {
  '>': (value: number, [a]: number[]) => value > a,
  '>=': (value: number, [a]: number[]) => value >= a,
  '<': (value: number, [a]: number[]) => value < a,
  '<=': (value: number, [a]: number[]) => value <= a,
  between: (value: number, [a, b]: number[]) => value >= a && value <= b,
  notBetween: (value: number, [a, b]: number[]) => value < a || value > b,
} as const;
type Comparator = keyof typeof COMPARATORS;
const RANGE_COMPARATORS: string[] = ['between', 'notBetween'];
const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

const literals = <T extends string>(values: readonly T[]) => values.map((value) => schema.literal(value)) as [ReturnType<typeof schema.literal<T>>];

function validateEsQuery(text: string): string | void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'must be valid JSON';
  }
  const query = (parsed as { query?: unknown } | null)?.query;
  if (typeof query !== 'object' || query === null || Array.isArray(query)) return 'must be a JSON object with a "query" object, e.g. {"query":{"match_all":{}}}';
}

export const EsQueryParamsSchema = schema.object(
  {
    searchType: schema.literal('esQuery'),
    index: schema.arrayOf(schema.string({ minLength: 1 }), { minSize: 1 }),
    timeField: schema.string({ minLength: 1 }),
    esQuery: schema.string({ minLength: 1, validate: validateEsQuery }),
    size: schema.number({ min: 0, max: 10_000 }),
    threshold: schema.arrayOf(schema.number(), { minSize: 1, maxSize: 2 }),
    thresholdComparator: schema.oneOf(literals(Object.keys(COMPARATORS) as Comparator[])),
    timeWindowSize: schema.number({ min: 1 }),
    timeWindowUnit: schema.oneOf(literals(Object.keys(UNIT_MS) as Array<keyof typeof UNIT_MS>)),
  },
  {
    // Kibana saves more params (aggType, groupBy, excludeHitsFromPreviousRun, ...); kept so an exported rule imports, not applied.
    unknowns: 'allow',
    validate: ({ threshold, thresholdComparator }) => {
      const expected = RANGE_COMPARATORS.includes(thresholdComparator) ? 2 : 1;
      if (threshold.length !== expected) return `[threshold]: must have ${expected === 2 ? 'two elements' : 'one element'} for the "${thresholdComparator}" comparator`;
    },
  }
);
export type EsQueryParams = TypeOf<typeof EsQueryParamsSchema>;

export const esQueryRuleType: RuleType = {
  id: ES_QUERY_RULE_TYPE_ID,
  name: 'Elasticsearch query',
  actionGroups: [{ id: 'query matched', name: 'Query matched' }],
  defaultActionGroupId: 'query matched',
  producer: 'stackAlerts',
  category: 'management',
  solution: 'stack',
  minimumLicenseRequired: 'basic',
  isExportable: true,
  validate: { params: EsQueryParamsSchema },
  actionVariables: {
    context: [
      { name: 'reason', description: 'Why the alert fired: the document count and the condition.' },
      { name: 'alert', description: 'The alert document, nested (context.alert.kibana.alert.hits).' },
    ],
  },
  // The host runs it from its own Task Manager task (es_query_tasks.ts), not through this executor.
  executor: async () => ({ state: {} }),
};

export interface EsQueryEvaluation {
  count: number;
  met: boolean;
  /** The alert fields when the condition is met. */
  fields?: Record<string, unknown>;
}

/** One run: count the matching documents of the last time window and compare with the threshold. */
export async function evaluateEsQuery(client: ElasticsearchClient, params: EsQueryParams, now: Date): Promise<EsQueryEvaluation> {
  const { index, timeField, size, threshold, thresholdComparator, timeWindowSize, timeWindowUnit } = params;
  const { query } = JSON.parse(params.esQuery) as { query: Record<string, unknown> };
  const dateStart = new Date(now.getTime() - timeWindowSize * UNIT_MS[timeWindowUnit]).toISOString();
  const response = await client.search({
    index,
    size,
    track_total_hits: true,
    ignore_unavailable: true,
    allow_no_indices: true,
    query: { bool: { filter: [query, { range: { [timeField]: { gte: dateStart, lte: now.toISOString(), format: 'strict_date_optional_time' } } }] } },
    sort: [{ [timeField]: { order: 'desc' } }],
  });
  const total = response.hits.total;
  const count = typeof total === 'number' ? total : (total?.value ?? 0);
  const met = COMPARATORS[thresholdComparator](count, threshold);
  if (!met) return { count, met };
  const window = `${timeWindowSize}${timeWindowUnit}`;
  return {
    count,
    met,
    fields: {
      // Kibana's es-query alert id and reason wording.
      'kibana.alert.instance.id': 'query matched',
      'kibana.alert.reason': `Document count is ${count} in the last ${window}. Alert when ${thresholdComparator} ${threshold.join(' and ')}.`,
      'kibana.alert.evaluation.value': count,
      'kibana.alert.evaluation.threshold': threshold.length === 1 ? threshold[0] : threshold,
      'kibana.alert.hits': response.hits.hits.map((hit) => ({ _id: hit._id, _index: hit._index, _source: hit._source })),
    },
  };
}
