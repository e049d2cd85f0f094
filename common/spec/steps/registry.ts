import type { z } from 'zod';
import { AiAgentStepSchema, AiClassifyStepSchema, AiPromptStepSchema, AiSummarizeStepSchema } from './ai';
import { CONNECTOR_TYPE_PATTERN, ConnectorStepSchema } from './connectors';
import {
  ForeachStepSchema,
  IfStepSchema,
  LoopBreakStepSchema,
  LoopContinueStepSchema,
  MergeStepSchema,
  ParallelStepSchema,
  SwitchStepSchema,
  WhileStepSchema,
} from './control_flow';
import {
  DataAggregateStepSchema,
  DataConcatStepSchema,
  DataDedupeStepSchema,
  DataFilterStepSchema,
  DataFindStepSchema,
  DataMapStepSchema,
  DataParseJsonStepSchema,
  DataRegexExtractStepSchema,
  DataRegexReplaceStepSchema,
  DataSetStepSchema,
  DataStringifyJsonStepSchema,
} from './data';
import {
  ELASTICSEARCH_API_TYPE_PATTERN,
  ElasticsearchApiStepSchema,
  ElasticsearchEsqlQueryStepSchema,
  ElasticsearchIndexStepSchema,
  ElasticsearchRequestStepSchema,
  ElasticsearchSearchStepSchema,
  ElasticsearchUpdateStepSchema,
} from './elasticsearch';
import { ConsoleStepSchema, HttpStepSchema } from './io';
import {
  CASES_TYPE_PATTERN,
  CasesStepSchema,
  KIBANA_ACTION_TYPE_PATTERN,
  KibanaActionStepSchema,
  KibanaRequestStepSchema,
} from './kibana';
import {
  WorkflowExecuteAsyncStepSchema,
  WorkflowExecuteStepSchema,
  WorkflowFailStepSchema,
  WorkflowOutputStepSchema,
} from './sub_workflow';
import { WaitForApprovalStepSchema, WaitForInputStepSchema, WaitStepSchema } from './wait';

/** Steps whose `type` is one fixed name. The order is the order the editor lists them in. */
export const BUILTIN_STEP_SCHEMAS = [
  ConsoleStepSchema,
  DataSetStepSchema,
  DataMapStepSchema,
  DataFilterStepSchema,
  DataFindStepSchema,
  DataDedupeStepSchema,
  DataAggregateStepSchema,
  DataConcatStepSchema,
  DataParseJsonStepSchema,
  DataStringifyJsonStepSchema,
  DataRegexExtractStepSchema,
  DataRegexReplaceStepSchema,
  IfStepSchema,
  SwitchStepSchema,
  ForeachStepSchema,
  WhileStepSchema,
  ParallelStepSchema,
  MergeStepSchema,
  LoopBreakStepSchema,
  LoopContinueStepSchema,
  WaitStepSchema,
  WaitForInputStepSchema,
  WaitForApprovalStepSchema,
  WorkflowExecuteStepSchema,
  WorkflowExecuteAsyncStepSchema,
  WorkflowOutputStepSchema,
  WorkflowFailStepSchema,
  HttpStepSchema,
  ElasticsearchRequestStepSchema,
  ElasticsearchSearchStepSchema,
  ElasticsearchIndexStepSchema,
  ElasticsearchUpdateStepSchema,
  ElasticsearchEsqlQueryStepSchema,
  KibanaRequestStepSchema,
  AiPromptStepSchema,
  AiAgentStepSchema,
  AiClassifyStepSchema,
  AiSummarizeStepSchema,
] as const;

/** Steps whose `type` follows a pattern; the patterns exclude every built-in name and each other. */
export const STEP_FAMILIES = [
  { pattern: ELASTICSEARCH_API_TYPE_PATTERN, schema: ElasticsearchApiStepSchema, label: 'elasticsearch.<api>' },
  { pattern: KIBANA_ACTION_TYPE_PATTERN, schema: KibanaActionStepSchema, label: 'kibana.<action>' },
  { pattern: CASES_TYPE_PATTERN, schema: CasesStepSchema, label: 'cases.<operation>' },
  { pattern: CONNECTOR_TYPE_PATTERN, schema: ConnectorStepSchema, label: 'connector' },
] as const;

type BuiltinStepSchema = (typeof BUILTIN_STEP_SCHEMAS)[number];

let builtinByType: Map<string, BuiltinStepSchema> | undefined;

// Built on first use: reading a shape resolves its recursive getters, which need StepSchema loaded.
const builtins = (): Map<string, BuiltinStepSchema> =>
  (builtinByType ??= new Map(BUILTIN_STEP_SCHEMAS.map((schema) => [schema.shape.type.value as string, schema])));

export const builtinStepTypes = (): string[] => [...builtins().keys()];

export interface ResolvedStepType {
  schema: z.ZodType;
  /** How the step is named in messages: its type, or its family for pattern types. */
  label: string;
  builtin: boolean;
}

/** The schema that validates a step of this `type`, or `undefined` when no step kind has this type. */
export const resolveStepType = (type: string): ResolvedStepType | undefined => {
  const builtin = builtins().get(type);
  if (builtin) return { schema: builtin, label: type, builtin: true };
  const family = STEP_FAMILIES.find(({ pattern }) => pattern.test(type));
  return family && { schema: family.schema, label: family.label, builtin: false };
};
