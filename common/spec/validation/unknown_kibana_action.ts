import { KIBANA_ACTION_TYPE_PATTERN, KNOWN_KIBANA_ACTIONS } from '../steps/kibana';
import { at, stepLabel } from './describe';
import { warning } from './finding';
import type { ValidationRule } from './rule';
import { typoOfBuiltin } from './step_type_typo';
import { didYouMean } from './suggest';

const known = new Set<string>(KNOWN_KIBANA_ACTIONS);

/** Elastic generates many `kibana.<action>` steps from Kibana's API spec; this host implements a few. */
export const unknownKibanaAction: ValidationRule = {
  codes: ['unknown-kibana-action'],
  check: (index) =>
    index.steps.flatMap((visit) => {
      if (!visit.type || !KIBANA_ACTION_TYPE_PATTERN.test(visit.type) || typoOfBuiltin(visit.type)) return [];
      const action = visit.type.slice('kibana.'.length);
      if (known.has(action)) return [];
      const message = `"${visit.type}" is not a Kibana action this host knows; it fails at run time unless implemented. Use kibana.request to call the API directly${didYouMean(action, known)}`;
      return [warning('unknown-kibana-action', at(stepLabel(visit), message), [...visit.path, 'type'])];
    }),
};
