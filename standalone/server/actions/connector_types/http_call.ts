/*
 * The one way connector types call a service over HTTP: global `fetch` bounded by the connector
 * timeout and the caller's AbortSignal, redirects not followed (a redirect must not carry
 * credentials elsewhere; Kibana's connectors do not follow them either), and failures described by
 * status and a short body excerpt. URLs stay out of every message: some of them are secrets.
 */
import type { ActionTypeExecutorResult } from '@kbn/actions-plugin/server';

export interface ServiceRequest {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  timeoutMs: number;
}

export interface ServiceResponse {
  status: number;
  statusText: string;
  headers: Headers;
  text: string;
  /** The JSON-parsed body when the service says it is JSON and it parses, the text otherwise. */
  body: unknown;
}

export type ServiceCallFailure = 'aborted' | 'timeout' | 'network';

/** No response came back: the caller aborted, the timeout hit or the connection failed. */
export class ServiceCallError extends Error {
  constructor(
    readonly kind: ServiceCallFailure,
    message: string
  ) {
    super(message);
  }
}

const EXCERPT_LENGTH = 300;

export function excerpt(text: string, length = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}

/** `[404] Not Found: <body excerpt>` */
export const describeResponse = (response: Pick<ServiceResponse, 'status' | 'statusText' | 'text'>) =>
  `[${response.status}] ${response.statusText}${response.text.trim() ? `: ${excerpt(response.text)}` : ''}`;

const isSuccess = (status: number) => status >= 200 && status < 300;

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  // undici says only "fetch failed"; the cause names what went wrong (ECONNREFUSED 127.0.0.1:1234).
  return cause?.message ? `${(error as Error).message} (${cause.message})` : (error as Error).message;
}

export async function callService(request: ServiceRequest): Promise<ServiceResponse> {
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  try {
    const response = await fetch(request.url, {
      method: (request.method ?? 'POST').toUpperCase(),
      headers: request.headers,
      body: request.body,
      signal,
      redirect: 'manual',
    });
    const text = await response.text();
    let body: unknown = text;
    if (response.headers.get('content-type')?.includes('json')) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    return { status: response.status, statusText: response.statusText, headers: response.headers, text, body };
  } catch (error) {
    if (request.signal?.aborted) throw new ServiceCallError('aborted', 'the request was aborted');
    if (timeout.aborted) throw new ServiceCallError('timeout', `the request timed out after ${request.timeoutMs}ms`);
    throw new ServiceCallError('network', describeNetworkError(error));
  }
}

/**
 * Kibana's wording for failed calls: `<prefix>, retry later` for 429 and 5xx (retryable),
 * `<prefix>, invalid response` for other statuses, `<prefix>, request failed` without a response.
 */
export function failureResult(actionId: string, prefix: string, failure: ServiceCallError | ServiceResponse): ActionTypeExecutorResult<never> {
  if (failure instanceof ServiceCallError) {
    const message = failure.kind === 'aborted' ? `${prefix}, request aborted` : `${prefix}, request failed`;
    return { actionId, status: 'error', message, serviceMessage: failure.message, retry: failure.kind !== 'aborted', errorSource: 'framework' };
  }
  const retryable = failure.status === 429 || failure.status >= 500;
  return {
    actionId,
    status: 'error',
    message: retryable ? `${prefix}, retry later` : `${prefix}, invalid response`,
    serviceMessage: describeResponse(failure),
    retry: retryable,
    errorSource: retryable ? 'framework' : 'user',
  };
}

/** Calls the service and turns anything but a 2xx response into a failure result. */
export async function callForResult(
  actionId: string,
  prefix: string,
  request: ServiceRequest
): Promise<{ ok: true; response: ServiceResponse } | { ok: false; result: ActionTypeExecutorResult<never> }> {
  try {
    const response = await callService(request);
    return isSuccess(response.status) ? { ok: true, response } : { ok: false, result: failureResult(actionId, prefix, response) };
  } catch (error) {
    if (!(error instanceof ServiceCallError)) throw error;
    return { ok: false, result: failureResult(actionId, prefix, error) };
  }
}

/** For connector types that report failures by throwing (Kibana's case and AI connectors). */
export async function callOrThrow(request: ServiceRequest, describe: (failure: string) => string): Promise<ServiceResponse> {
  let response: ServiceResponse;
  try {
    response = await callService(request);
  } catch (error) {
    if (error instanceof ServiceCallError) throw new Error(describe(error.message));
    throw error;
  }
  if (!isSuccess(response.status)) throw new Error(describe(describeResponse(response)));
  return response;
}

export const jsonHeaders = (extra: Record<string, string> = {}): Record<string, string> => ({ 'content-type': 'application/json', ...extra });

export function validateHttpUrl(value: string, what: string): string | undefined {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:' ? undefined : `${what} must use http or https`;
  } catch {
    // The URL itself stays out of the message: for Slack it is the secret.
    return `unable to parse ${what}`;
  }
}
