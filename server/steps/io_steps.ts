import { CASES_TYPE_PATTERN, KIBANA_ACTION_TYPE_PATTERN } from '../../common/spec/steps/kibana';
import type { StepRegistry } from './registry';
import { httpStep } from './http/http_step';
import { elasticsearchStep, ELASTICSEARCH_STEP_PATTERN } from './elasticsearch/elasticsearch_step';
import { kibanaRequestStep } from './kibana_request/kibana_request_step';
import { kibanaActionStep } from './kibana_action/kibana_action_step';
import { casesStep } from './cases/cases_step';

/** The step kinds that reach the outside world through HTTP, Elasticsearch and the Kibana API. */
export const registerIoSteps = (registry: StepRegistry): StepRegistry =>
  registry
    .register(httpStep, kibanaRequestStep)
    .registerPattern(ELASTICSEARCH_STEP_PATTERN, elasticsearchStep)
    .registerPattern(KIBANA_ACTION_TYPE_PATTERN, kibanaActionStep)
    .registerPattern(CASES_TYPE_PATTERN, casesStep);
