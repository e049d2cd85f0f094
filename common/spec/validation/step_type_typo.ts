import { builtinStepTypes } from '../steps/registry';
import { closest } from './suggest';

/** Families whose open-ended names sit close to built-in ones (`elasticsearch.msearch` vs `.search`). */
const NO_TYPO_CHECK = new Set(['elasticsearch', 'cases']);

/**
 * The built-in type a non-built-in `type` is most likely a typo of: `dat.set` has the shape of a
 * connector type and `kibana.requst` of a Kibana action, but they mean `data.set` and `kibana.request`.
 */
export const typoOfBuiltin = (type: string): string | undefined =>
  NO_TYPO_CHECK.has(type.split('.')[0]) ? undefined : closest(type, builtinStepTypes(), 2);
