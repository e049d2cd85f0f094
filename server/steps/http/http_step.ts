import type { HttpStep } from '../../../common/spec/steps/io';
import type { StepKind } from '../types';
import { parseDuration } from '../wait/duration';
import { displayUrl, maskHeaders } from './redaction';
import { parseBody, responseError, stepError } from './response_error';
import { sendRequest, TooManyRedirectsError, type OutgoingRequest } from './send_request';

type HttpInput = NonNullable<HttpStep['with']>;

/** Methods that only read: they still run in a dry run and need no idempotency key. */
export const READ_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);
const DEFAULT_MAX_REDIRECTS = 10;

const hasHeader = (headers: Record<string, string>, name: string) => Object.keys(headers).some((key) => key.toLowerCase() === name);

/** `url` + `path` with exactly one slash between them (`http://ip-api.com/json` + `1.2.3.4`). */
const joinUrl = (url: string, path?: string) => (path ? `${url.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}` : url);

/** Query values may be lists (repeated parameters); maps are sent as JSON. */
export function appendQuery(url: URL, query: Record<string, unknown> | undefined): void {
  for (const [name, value] of Object.entries(query ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      url.searchParams.append(name, typeof item === 'object' ? JSON.stringify(item) : String(item));
    }
  }
}

function parseUrl(input: HttpInput): URL {
  const raw = joinUrl(String(input.url ?? ''), input.path);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw stepError(`Invalid URL "${displayUrl(raw)}": write an absolute http:// or https:// URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw stepError(`Unsupported URL scheme "${url.protocol}": only http and https are allowed`);
  return url;
}

function encodeBody(body: unknown, headers: Record<string, string>): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  const contentType = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
  if (/x-www-form-urlencoded/i.test(contentType) && typeof body === 'object' && !Array.isArray(body)) {
    return new URLSearchParams(Object.entries(body).map(([key, value]) => [key, String(value)])).toString();
  }
  if (!contentType) headers['content-type'] = 'application/json';
  return JSON.stringify(body);
}

/** The request exactly as it will be sent (and as a dry run shows it, credentials masked). */
export function buildHttpRequest(input: HttpInput, idempotencyKey: string): OutgoingRequest {
  const method = String(input.method ?? 'GET').toUpperCase();
  const url = parseUrl(input);
  appendQuery(url, input.query);
  const headers = Object.fromEntries(Object.entries(input.headers ?? {}).map(([name, value]) => [name, String(value)]));
  // fetch refuses URLs with credentials; `https://user:pass@host` means Basic auth, as in curl.
  if (url.username || url.password) {
    if (!hasHeader(headers, 'authorization')) {
      const credentials = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
      headers.authorization = `Basic ${Buffer.from(credentials).toString('base64')}`;
    }
    url.username = '';
    url.password = '';
  }
  const body = encodeBody(input.body, headers);
  if (body !== undefined && (method === 'GET' || method === 'HEAD')) throw stepError(`A ${method} request cannot have a body: use POST, or put the values in query`);
  if (!READ_METHODS.has(method) && !hasHeader(headers, 'idempotency-key')) headers['Idempotency-Key'] = idempotencyKey;
  return { method, url, headers, body };
}

const networkFailure = (error: unknown): { message: string; code?: string } => {
  const cause = (error as { cause?: { message?: string; code?: string } }).cause;
  const code = cause?.code ?? (error as { code?: string }).code;
  return { message: cause?.message ?? (error instanceof Error ? error.message : String(error)), ...(code ? { code } : {}) };
};

/**
 * Sends an HTTP request; the response is the output `{ status, statusText, headers, data }`
 * (`data`, not `body`, as in Elastic Workflows, whose workflows read `steps.x.output.data`).
 * Safe to rerun: every non-read request carries the step's idempotency key.
 */
export const httpStep: StepKind<HttpInput> = {
  type: 'http',
  description: 'Sends an HTTP request; the response is the output',
  safeToRerun: true,
  async run(context) {
    const { input } = context;
    const request = buildHttpRequest(input, context.idempotencyKey);
    const shownUrl = displayUrl(request.url);
    const target = `${request.method} ${shownUrl}`;

    if (context.dryRun && !READ_METHODS.has(request.method)) {
      context.proposeEffect({
        kind: 'http',
        summary: target,
        request: { method: request.method, url: shownUrl, headers: maskHeaders(request.headers), body: input.body ?? null },
      });
      return { output: { status: 0, dryRun: true, data: null } };
    }

    const fetcher = input.fetcher ?? {};
    const timeoutMs = input.timeout ? parseDuration(input.timeout) : undefined;
    const signal = timeoutMs === undefined ? context.signal : AbortSignal.any([context.signal, AbortSignal.timeout(timeoutMs)]);
    let response;
    try {
      response = await sendRequest(request, {
        signal,
        followRedirects: fetcher.follow_redirects ?? true,
        maxRedirects: fetcher.max_redirects ?? DEFAULT_MAX_REDIRECTS,
        skipSslVerification: fetcher.skip_ssl_verification === true,
      });
    } catch (error) {
      if (context.signal.aborted) throw context.signal.reason;
      if (signal.aborted) throw stepError(`HTTP request timed out after ${input.timeout}: ${target}`, { timeout: input.timeout });
      if (error instanceof TooManyRedirectsError) throw stepError(`HTTP request failed: ${target}: ${error.message}`, { maxRedirects: error.maxRedirects });
      const { message, code } = networkFailure(error);
      throw stepError(`HTTP request failed: ${target}: ${message}`, code ? { code } : undefined);
    }

    const data = parseBody(response.text, response.headers['content-type']);
    // A 3xx only arrives here when redirects are not followed: the author asked to see it.
    if (response.status >= 400) {
      throw responseError({ method: request.method, target: shownUrl, status: response.status, statusText: response.statusText, body: data });
    }
    return { output: { status: response.status, statusText: response.statusText, headers: response.headers, data } };
  },
};
