import { namedKibanaStep, type KibanaOperation } from '../kibana_request/named_kibana_step';
import { addAlerts, addComment, caseIdOf, createCase, findCases, getCase, updateCase, withoutCaseId, type Case, type CaseInput } from './case_api';

/**
 * Elastic's workflows read `steps.x.output.case.id`; Kibana's Case shape (and the named Kibana
 * actions) give `steps.x.output.id`. The output offers both: the Case, plus itself under `case`.
 */
const caseOutput = (value: Case) => ({ ...value, case: value });

const OPERATIONS: Record<string, KibanaOperation> = {
  createCase: async (caller, input, now) => caseOutput(await createCase(caller, input, now)),
  getCase: async (caller, input) =>
    caseOutput(await getCase(caller, caseIdOf(input), input.includeComments === undefined ? undefined : { includeComments: input.includeComments })),
  /** The changes either under `updates` or beside `case_id`; `version` is looked up unless given. */
  updateCase: async (caller, input) => {
    const { version, updates, ...changes } = withoutCaseId(input);
    return caseOutput(await updateCase(caller, caseIdOf(input), (updates as CaseInput | undefined) ?? changes, version));
  },
  addComment: async (caller, input) => caseOutput(await addComment(caller, caseIdOf(input), input.comment, input.owner)),
  addAlerts: async (caller, input) => caseOutput(await addAlerts(caller, caseIdOf(input), input.alerts, input.owner)),
  /** `with` is the query of GET /api/cases/_find (page, perPage, status, tags, search, …); the output is Kibana's answer. */
  findCases: (caller, input) => findCases(caller, input),
};

export const CASE_OPERATIONS = Object.keys(OPERATIONS).map((name) => `cases.${name}`);

/** `cases.<operation>`: case operations of the run's space through Kibana's Cases API. */
export const casesStep = namedKibanaStep({
  type: 'cases.<operation>',
  prefix: 'cases.',
  description: 'Creates, reads or changes a case',
  operations: OPERATIONS,
  notImplemented: (name) =>
    `Case operation "cases.${name}" is not implemented here (${CASE_OPERATIONS.join(', ')}); use kibana.request with the Cases API path instead`,
});
