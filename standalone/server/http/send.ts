/* Writing responses: JSON errors in Kibana's format and route handler results. */
import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { IKibanaResponse } from '@kbn/core/server';
import { errorBody, formatErrorPayload } from './response_factory';

/** API answers carry user data: never cached, never sniffed into another content type. */
const API_HEADERS = {
  'cache-control': 'private, no-cache, no-store, must-revalidate',
  'x-content-type-options': 'nosniff',
};

export function sendJson(res: ServerResponse, statusCode: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(statusCode, {
    ...API_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export const sendError = (res: ServerResponse, statusCode: number, message?: string, headers?: Record<string, string | string[]>) =>
  sendJson(res, statusCode, errorBody(statusCode, message), headers);

export function sendKibanaResponse(res: ServerResponse, response: IKibanaResponse): void {
  const { status, payload, options } = response;
  // Lower-cased so a handler's `Content-Type` replaces the default instead of being sent twice.
  const headers = Object.fromEntries(Object.entries(options.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  if (status >= 400 && !options.bypassErrorFormat) {
    sendJson(res, status, formatErrorPayload(status, payload), headers);
    return;
  }
  if (payload === undefined || payload === null) {
    res.writeHead(status, { ...API_HEADERS, ...headers });
    res.end();
  } else if (payload instanceof Readable) {
    res.writeHead(status, { ...API_HEADERS, 'content-type': 'application/octet-stream', ...headers });
    payload.pipe(res);
  } else if (Buffer.isBuffer(payload)) {
    res.writeHead(status, { ...API_HEADERS, 'content-type': 'application/octet-stream', ...headers });
    res.end(payload);
  } else if (typeof payload === 'string') {
    // text/plain rather than hapi's text/html: a string echoed from user input must not render as a page.
    res.writeHead(status, { ...API_HEADERS, 'content-type': 'text/plain; charset=utf-8', ...headers });
    res.end(payload);
  } else {
    sendJson(res, status, payload, headers);
  }
}
