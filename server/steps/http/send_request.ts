/**
 * Sends one HTTP request for the `http` step. Redirects are followed here rather than by fetch so
 * that `fetcher.max_redirects` and `follow_redirects: false` can be honoured. Requests with
 * `skip_ssl_verification` to https URLs go through node:https, since the global fetch offers no
 * per-request way to accept a self-signed certificate.
 */
import { request as httpsRequest } from 'node:https';

export interface OutgoingRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
}

export interface ReceivedResponse {
  status: number;
  statusText: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  text: string;
}

export interface SendOptions {
  signal: AbortSignal;
  followRedirects: boolean;
  maxRedirects: number;
  skipSslVerification: boolean;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Credentials are for the origin they were written for, as fetch does on a cross-origin redirect. */
const ORIGIN_BOUND_HEADERS = ['authorization', 'proxy-authorization', 'cookie'];
const BODY_HEADERS = ['content-type', 'content-length'];

export class TooManyRedirectsError extends Error {
  constructor(readonly maxRedirects: number) {
    super(`more than ${maxRedirects} redirects`);
    this.name = 'TooManyRedirectsError';
  }
}

export async function sendRequest(request: OutgoingRequest, options: SendOptions): Promise<ReceivedResponse> {
  let current = request;
  for (let redirects = 0; ; redirects++) {
    const send = options.skipSslVerification && current.url.protocol === 'https:' ? sendInsecure : sendWithFetch;
    const response = await send(current, options.signal);
    const location = REDIRECT_STATUSES.has(response.status) ? response.headers.location : undefined;
    if (!options.followRedirects || !location) return response;
    if (redirects >= options.maxRedirects) throw new TooManyRedirectsError(options.maxRedirects);
    current = redirectedRequest(current, response.status, new URL(location, current.url));
  }
}

function redirectedRequest(request: OutgoingRequest, status: number, url: URL): OutgoingRequest {
  // As browsers do: 303 always, and 301/302 after a POST, continue as a GET without the body.
  const toGet = (status === 303 && request.method !== 'HEAD') || ((status === 301 || status === 302) && request.method === 'POST');
  const dropped = [...(toGet ? BODY_HEADERS : []), ...(url.origin !== request.url.origin ? ORIGIN_BOUND_HEADERS : [])];
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !dropped.includes(name.toLowerCase())));
  return { method: toGet ? 'GET' : request.method, url, headers, body: toGet ? undefined : request.body };
}

async function sendWithFetch(request: OutgoingRequest, signal: AbortSignal): Promise<ReceivedResponse> {
  const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body, signal, redirect: 'manual' });
  return {
    status: response.status,
    statusText: response.statusText,
    headers: Object.fromEntries(response.headers),
    text: await response.text(),
  };
}

function sendInsecure(request: OutgoingRequest, signal: AbortSignal): Promise<ReceivedResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = httpsRequest(request.url, { method: request.method, headers: request.headers, rejectUnauthorized: false, signal }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', reject);
      incoming.on('end', () =>
        resolve({
          status: incoming.statusCode ?? 0,
          statusText: incoming.statusMessage ?? '',
          headers: Object.fromEntries(Object.entries(incoming.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value)])),
          text: Buffer.concat(chunks).toString('utf8'),
        })
      );
    });
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}
