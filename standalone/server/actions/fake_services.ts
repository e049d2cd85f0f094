/*
 * Real services on loopback for tests: an HTTP server that records every request and answers as
 * told (Slack, PagerDuty, Jira, OpenAI, any webhook), and an SMTP server that records every
 * message. Engine and end-to-end tests reuse them to count side effects.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/services/T1/B2?x=1`. */
  path: string;
  headers: IncomingHttpHeaders;
  /** JSON-parsed when the request says it is JSON and it parses, the text otherwise. */
  body: unknown;
  text: string;
  /** The client went away before the response was complete (an aborted or timed-out call). */
  aborted: boolean;
}

export interface FakeResponse {
  status?: number;
  headers?: Record<string, string>;
  /** A string is sent as is (text/plain unless headers say otherwise); anything else as JSON. */
  body?: unknown;
  /** Wait this long before answering, to test timeouts and aborts. */
  delayMs?: number;
}

export type FakeResponder = (request: RecordedRequest) => FakeResponse | Promise<FakeResponse>;

export interface FakeHttpService {
  url: string;
  requests: RecordedRequest[];
  respondWith(responder: FakeResponder): void;
  /** Resolves once `count` requests have arrived. */
  waitForRequests(count: number, timeoutMs?: number): Promise<RecordedRequest[]>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A client that hangs up ends the wait, so no timer outlives the test. */
function delayUnlessClosed(ms: number, res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    res.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

async function waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs}ms waiting for ${what}`);
    await sleep(10);
  }
}

/** Answers 200 `ok` until told otherwise. */
export async function startFakeHttpService(responder: FakeResponder = () => ({ body: 'ok' })): Promise<FakeHttpService> {
  const requests: RecordedRequest[] = [];
  let respond = responder;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown = text;
    if (req.headers['content-type']?.includes('json')) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    const recorded: RecordedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body, text, aborted: false };
    requests.push(recorded);
    res.once('close', () => {
      if (!res.writableFinished) recorded.aborted = true;
    });
    try {
      const answer = await respond(recorded);
      if (answer.delayMs) await delayUnlessClosed(answer.delayMs, res);
      if (res.destroyed) return;
      const isText = typeof answer.body === 'string' || answer.body === undefined;
      const payload = isText ? ((answer.body as string | undefined) ?? '') : JSON.stringify(answer.body);
      res.writeHead(answer.status ?? 200, { 'content-type': isText ? 'text/plain' : 'application/json', ...answer.headers });
      res.end(payload);
    } catch (error) {
      if (!res.destroyed) res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respondWith: (next) => {
      respond = next;
    },
    waitForRequests: async (count, timeoutMs = 5000) => {
      await waitUntil(() => requests.length >= count, timeoutMs, `${count} request(s)`);
      return requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface RecordedMail {
  from: string;
  to: string[];
  /** The user that authenticated, if any. */
  user?: string;
  /** The raw RFC 5322 message. */
  raw: string;
  headers: Record<string, string>;
  /** The body as sent, before any transfer decoding. */
  body: string;
}

export interface FakeSmtpService {
  host: string;
  port: number;
  messages: RecordedMail[];
  waitForMessages(count: number, timeoutMs?: number): Promise<RecordedMail[]>;
  close(): Promise<void>;
}

export interface FakeSmtpOptions {
  /** Accepted logins; without them authentication is optional. */
  users?: Record<string, string>;
  /** Wait this long before accepting a message, to test timeouts and aborts. */
  delayMs?: number;
}

function parseMessage(raw: string): { headers: Record<string, string>; body: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = split === -1 ? raw : raw.slice(0, split);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body: split === -1 ? '' : raw.slice(split + 4) };
}

export async function startFakeSmtpService({ users, delayMs = 0 }: FakeSmtpOptions = {}): Promise<FakeSmtpService> {
  const messages: RecordedMail[] = [];
  // A client that hangs up ends a delayed acceptance at once; its message is then not delivered.
  const hangUps = new Map<string, () => void>();
  const server = new SMTPServer({
    // Plain SMTP on loopback: nothing to negotiate, and AUTH PLAIN is fine without TLS here.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: !users,
    logger: false,
    // Connections left open (an aborted client) must not hold up `close()` for the default 30s.
    closeTimeout: 500,
    onAuth: (auth, _session, callback) => {
      if (users && auth.username && users[auth.username] === auth.password) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onClose: (session) => hangUps.get(session.id)?.(),
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        let hungUp = false;
        if (delayMs) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, delayMs);
            hangUps.set(session.id, () => {
              hungUp = true;
              clearTimeout(timer);
              resolve();
            });
          });
        }
        if (hungUp) return callback(new Error('client went away'));
        const raw = Buffer.concat(chunks).toString('utf8');
        const from = session.envelope.mailFrom;
        messages.push({
          from: from ? from.address : '',
          to: session.envelope.rcptTo.map(({ address }) => address),
          user: typeof session.user === 'string' ? session.user : undefined,
          raw,
          ...parseMessage(raw),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    host: '127.0.0.1',
    port,
    messages,
    waitForMessages: async (count, timeoutMs = 5000) => {
      await waitUntil(() => messages.length >= count, timeoutMs, `${count} message(s)`);
      return messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
