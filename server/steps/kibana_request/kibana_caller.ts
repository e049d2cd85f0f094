/**
 * How steps call the Kibana API (kibana.request, named Kibana actions, cases): as the user the
 * run acts for, with the step's AbortSignal, a failure for any non-2xx answer, and dry runs
 * handled in one place: reads are sent, writes become proposed effects.
 */
import type { StepRunContext } from '../types';
import { appendQuery } from '../http/http_step';
import { maskHeaders } from '../http/redaction';
import { responseError } from '../http/response_error';

export interface KibanaCall {
  method: string;
  path: string;
  body?: unknown;
  /** Lists become repeated parameters (`tags=a&tags=b`), as Kibana's APIs expect. */
  query?: Record<string, unknown>;
  headers?: Record<string, string>;
}

export interface ProposedKibanaEffect {
  /** `kibana`, `case` or `alert`. */
  kind: string;
  summary: string;
}

export interface KibanaCaller {
  /** Sent in every run, dry or not. */
  read(call: KibanaCall): Promise<unknown>;
  /**
   * Sent with the step's idempotency key; in a dry run recorded as a proposed effect instead, and
   * answered with `dryRunOutput()` so that later steps still find the fields they use.
   */
  write(call: KibanaCall, effect: ProposedKibanaEffect, dryRunOutput: () => unknown): Promise<unknown>;
}

/** The path with the query in it, so that list values keep their repeated form. */
export function kibanaPath(call: KibanaCall): string {
  const url = new URL(call.path, 'http://kibana');
  appendQuery(url, call.query);
  return `${url.pathname}${url.search}`;
}

export function kibanaCaller(context: StepRunContext<unknown>): KibanaCaller {
  const send = async (call: KibanaCall, idempotencyKey?: string) => {
    const method = call.method.toUpperCase();
    const path = kibanaPath(call);
    const headers = { ...call.headers, ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}) };
    const { status, body } = await context.services.kibanaRequest({ method, path, body: call.body, headers, signal: context.signal });
    if (status < 200 || status >= 300) throw responseError({ method, target: path, status, body });
    return body;
  };
  let writes = 0;
  return {
    read: (call) => send(call),
    async write(call, effect, dryRunOutput) {
      // A step that writes several times (attaching alerts of several rules) keys each write apart,
      // in an order that is the same for every attempt.
      const sequence = ++writes;
      if (context.dryRun) {
        context.proposeEffect({
          ...effect,
          request: { method: call.method.toUpperCase(), path: kibanaPath(call), ...(call.headers ? { headers: maskHeaders(call.headers) } : {}), body: call.body ?? null },
        });
        return dryRunOutput();
      }
      return send(call, sequence === 1 ? context.idempotencyKey : `${context.idempotencyKey}#${sequence}`);
    },
  };
}
