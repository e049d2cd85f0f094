/*
 * Request payload parsing with hapi's defaults and messages, which are what Kibana clients see:
 * JSON unless the content type says text or form data, a byte limit answered with 413, and
 * 400 for malformed JSON.
 */
import type { IncomingMessage } from 'node:http';

export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string
  ) {
    super(message);
  }
}

const tooLarge = (limit: number) => new HttpError(413, `Payload content length greater than maximum allowed: ${limit}`);

/**
 * Past the limit the rest of the payload is read and dropped rather than the socket destroyed,
 * so the client still receives the 413.
 */
function readRaw(request: IncomingMessage, limit: number): Promise<Buffer> {
  if (Number(request.headers['content-length'] ?? 0) > limit) {
    request.resume();
    return Promise.reject(tooLarge(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        reject(tooLarge(limit));
      } else {
        chunks.push(chunk);
      }
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** `undefined` for an empty payload, so `schema.object` defaults apply to a POST without body. */
export async function readBody(request: IncomingMessage, limit = DEFAULT_MAX_BODY_BYTES): Promise<unknown> {
  const raw = await readRaw(request, limit);
  if (raw.length === 0) return undefined;
  const contentType = (request.headers['content-type'] ?? 'application/json').split(';')[0].trim().toLowerCase();
  if (contentType === 'application/json' || contentType.endsWith('+json')) {
    try {
      return JSON.parse(raw.toString('utf8'));
    } catch {
      throw new HttpError(400, 'Invalid request payload JSON format');
    }
  }
  if (contentType.startsWith('text/')) return raw.toString('utf8');
  if (contentType === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
  throw new HttpError(415, 'Unsupported Media Type');
}

/** Repeated keys become arrays (`?tag=a&tag=b`), as with Kibana's query parser. */
export function parseQuery(searchParams: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of searchParams) {
    const existing = query[key];
    query[key] = existing === undefined ? value : [existing, value].flat();
  }
  return query;
}
