import type { StepKind } from './types';
import { dataAggregateStep } from './data_aggregate/data_aggregate_step';
import { dataConcatStep } from './data_concat/data_concat_step';
import { dataDedupeStep } from './data_dedupe/data_dedupe_step';
import { dataFilterStep } from './data_filter/data_filter_step';
import { dataFindStep } from './data_find/data_find_step';
import { dataMapStep } from './data_map/data_map_step';
import { dataParseJsonStep } from './data_parse_json/data_parse_json_step';
import { dataRegexExtractStep } from './data_regex_extract/data_regex_extract_step';
import { dataRegexReplaceStep } from './data_regex_replace/data_regex_replace_step';
import { dataStringifyJsonStep } from './data_stringify_json/data_stringify_json_step';

/** The data transformation kinds (`data.set` is registered on its own: it also sets variables). */
export const dataStepKinds: StepKind<any>[] = [
  dataMapStep,
  dataFilterStep,
  dataFindStep,
  dataDedupeStep,
  dataAggregateStep,
  dataConcatStep,
  dataParseJsonStep,
  dataStringifyJsonStep,
  dataRegexExtractStep,
  dataRegexReplaceStep,
];
