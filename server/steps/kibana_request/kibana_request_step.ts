import type { KibanaRequestStep } from '../../../common/spec/steps/kibana';
import type { StepKind } from '../types';
import { READ_METHODS } from '../http/http_step';
import { kibanaCaller, type KibanaCall } from './kibana_caller';

type KibanaRequestInput = KibanaRequestStep['with'];

/** Kibana APIs that search or export with a POST: they change nothing, so a dry run sends them. */
const READ_POST_PATH = /(?:\/_find|\/_search|\/_export|\/signals\/search)$/;

export const isKibanaRead = (call: KibanaCall): boolean =>
  READ_METHODS.has(call.method) || (call.method === 'POST' && READ_POST_PATH.test(call.path.split('?')[0]));

/**
 * Calls any Kibana API by path; the output is the response body. Safe to rerun: writes carry the
 * step's idempotency key.
 */
export const kibanaRequestStep: StepKind<KibanaRequestInput> = {
  type: 'kibana.request',
  description: 'Calls a Kibana API; the response body is the output',
  safeToRerun: true,
  async run(context) {
    const { method = 'GET', path, body, query, headers } = context.input;
    const call: KibanaCall = {
      method: method.toUpperCase(),
      path,
      body,
      query,
      ...(headers ? { headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, String(value)])) } : {}),
    };
    const caller = kibanaCaller(context);
    const output = isKibanaRead(call)
      ? await caller.read(call)
      : await caller.write(call, { kind: 'kibana', summary: `${call.method} ${path}` }, () => ({ dryRun: true }));
    return { output };
  },
};
