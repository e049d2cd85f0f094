import { z } from 'zod';
import { defineStep, defineStepFamily, openWith } from './base';
import { apiRequestWith } from './fields';

export const KibanaRequestStepSchema = defineStep(
  'kibana.request',
  'Call any Kibana API of the current space with the credentials of the workflow.',
  {
    with: apiRequestWith({
      pathExample: '/api/detection_engine/rules/_find',
      description: 'The request to send; `kbn-xsrf` is added for you.',
    }),
  }
).meta({ id: 'KibanaRequestStep' });
export type KibanaRequestStep = z.infer<typeof KibanaRequestStepSchema>;

/**
 * Named Kibana actions that Elastic generates from Kibana's API spec and that real workflows use.
 * Other names are accepted (with a warning) because Elastic's list is far longer than ours.
 */
export const KNOWN_KIBANA_ACTIONS = [
  'createCaseDefaultSpace',
  'getCaseDefaultSpace',
  'updateCaseDefaultSpace',
  'addCaseCommentDefaultSpace',
  'SetAlertsStatus',
  'SetAlertTags',
] as const;

export const KIBANA_ACTION_TYPE_PATTERN = /^kibana\.(?!request$)[A-Za-z_]\w*$/;

export const KibanaActionStepSchema = defineStepFamily(
  KIBANA_ACTION_TYPE_PATTERN,
  '`kibana.<action>`: a named Kibana API action, e.g. `kibana.SetAlertsStatus` or `kibana.createCaseDefaultSpace`.',
  'Run a named Kibana API action.',
  { with: openWith('Parameters of the action (its request body and path parameters).') }
).meta({ id: 'KibanaActionStep' });
export type KibanaActionStep = z.infer<typeof KibanaActionStepSchema>;

export const CASES_TYPE_PATTERN = /^cases\.[A-Za-z_]\w*$/;

export const CasesStepSchema = defineStepFamily(
  CASES_TYPE_PATTERN,
  '`cases.<operation>`: a case operation, e.g. `cases.createCase`, `cases.addComment`, `cases.addAlerts`.',
  'Create or change a case.',
  { with: openWith('Parameters of the operation, e.g. `case_id` and `comment` for `cases.addComment`.') }
).meta({ id: 'CasesStep' });
export type CasesStep = z.infer<typeof CasesStepSchema>;
