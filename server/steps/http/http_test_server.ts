/**
 * A real HTTP(S) server on loopback for the I/O step tests: it records every request (including
 * whether the client hung up before the answer) and answers as the test says. It lives in the
 * plugin tree, not in standalone/, because plugin tests must not import the host.
 */
import { createServer as createHttpServer, type IncomingMessage, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  /** Path and query, e.g. `/api/cases?x=1`. */
  url: string;
  headers: IncomingHttpHeaders;
  /** JSON-parsed when it parses, the text otherwise ('' without a body). */
  body: unknown;
  /** The client went away before the answer was complete (aborted or timed out). */
  aborted: boolean;
}

export interface TestAnswer {
  status?: number;
  headers?: Record<string, string>;
  /** A string is sent as text/plain (unless headers say otherwise), anything else as JSON. */
  body?: unknown;
  delayMs?: number;
}

export type TestHandler = (request: SeenRequest) => TestAnswer | Promise<TestAnswer>;

export interface HttpTestServer {
  url: string;
  requests: SeenRequest[];
  handle(handler: TestHandler): void;
  /** Resolves when the n-th request (1-based) has been aborted by the client. */
  waitForAbort(n?: number, timeoutMs?: number): Promise<SeenRequest>;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text ? JSON.parse(text) : '';
  } catch {
    return text;
  }
}

function answerLater(ms: number, res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    res.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export async function startHttpTestServer(handler: TestHandler = () => ({ body: 'ok' }), tls?: { key: string; cert: string }): Promise<HttpTestServer> {
  const requests: SeenRequest[] = [];
  let current = handler;
  const listener = async (req: IncomingMessage, res: ServerResponse) => {
    const seen: SeenRequest = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: await readBody(req), aborted: false };
    requests.push(seen);
    res.once('close', () => {
      if (!res.writableFinished) seen.aborted = true;
    });
    const answer: TestAnswer = await Promise.resolve(current(seen)).catch((error: unknown) => ({ status: 500, body: String(error) }));
    if (answer.delayMs) await answerLater(answer.delayMs, res);
    if (res.destroyed) return;
    const text = typeof answer.body === 'string' || answer.body === undefined;
    res.writeHead(answer.status ?? 200, { 'content-type': text ? 'text/plain' : 'application/json', ...answer.headers });
    res.end(text ? ((answer.body as string | undefined) ?? '') : JSON.stringify(answer.body));
  };
  const server = tls ? createHttpsServer(tls, listener) : createHttpServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    handle: (next) => {
      current = next;
    },
    async waitForAbort(n = 1, timeoutMs = 2000) {
      const deadline = Date.now() + timeoutMs;
      while (!requests[n - 1]?.aborted) {
        if (Date.now() > deadline) throw new Error(`request ${n} was not aborted within ${timeoutMs}ms`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return requests[n - 1];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
