import { namedKibanaStep, type KibanaOperation } from '../kibana_request/named_kibana_step';
import { addAttachment, caseIdOf, createCase, getCase, updateCases, withoutCaseId } from '../cases/case_api';

const SIGNALS_PATH = '/api/detection_engine/signals';

const countOf = (ids: unknown) => (Array.isArray(ids) ? ids.length : 0);
const alertsText = (ids: unknown) => (Array.isArray(ids) ? `${ids.length} alert(s)` : 'the alerts matching a query');

/**
 * The named actions Elastic generates from Kibana's API spec that real workflows use, each mapped
 * onto its HTTP call. `with` is the request as Kibana's API spec names it: the body fields, plus
 * path parameters (`caseId`, or `case_id`). The output is Kibana's answer (a Case for case actions).
 */
const ACTIONS: Record<string, KibanaOperation> = {
  createCaseDefaultSpace: (caller, input, now) => createCase(caller, input, now),
  getCaseDefaultSpace: (caller, input) => getCase(caller, caseIdOf(input)),
  updateCaseDefaultSpace: (caller, input) => updateCases(caller, input),
  addCaseCommentDefaultSpace: (caller, input) => addAttachment(caller, caseIdOf(input), withoutCaseId(input)),
  /** `{ signal_ids, status, reason? }` or `{ query, status }`. */
  SetAlertsStatus: (caller, input) =>
    caller.write(
      { method: 'POST', path: `${SIGNALS_PATH}/status`, body: input },
      { kind: 'alert', summary: `Set ${alertsText(input.signal_ids)} to "${String(input.status)}"` },
      () => ({ dryRun: true, total: countOf(input.signal_ids), updated: countOf(input.signal_ids) })
    ),
  /** `{ ids, tags: { tags_to_add, tags_to_remove } }`. */
  SetAlertTags: (caller, input) => {
    const tags = (input.tags ?? {}) as { tags_to_add?: unknown[]; tags_to_remove?: unknown[] };
    const change = [...(tags.tags_to_add ?? []).map((tag) => `+${String(tag)}`), ...(tags.tags_to_remove ?? []).map((tag) => `-${String(tag)}`)];
    return caller.write(
      { method: 'POST', path: `${SIGNALS_PATH}/tags`, body: input },
      { kind: 'alert', summary: `Tag ${alertsText(input.ids)}: ${change.join(' ') || 'no change'}` },
      () => ({ dryRun: true, total: countOf(input.ids), updated: countOf(input.ids) })
    );
  },
};

export const KIBANA_ACTIONS = Object.keys(ACTIONS);

/** `kibana.<action>`. The DefaultSpace actions call the run's space, like every Kibana call here. */
export const kibanaActionStep = namedKibanaStep({
  type: 'kibana.<action>',
  prefix: 'kibana.',
  description: 'Runs a named Kibana API action',
  operations: ACTIONS,
  notImplemented: (name) => `Kibana action "${name}" is not implemented here; use kibana.request with its HTTP path instead`,
});
