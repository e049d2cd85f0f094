/*
 * Helpers for tests that talk to a real host over loopback: `startTestHost` runs one in this
 * process (fresh temp data folder, random port, fixed credentials), `spawnHost` runs the built
 * host (`build/server/host.cjs`) as a child process for restart and crash tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { basicAuthorizationHeader } from './auth';
import { PROJECT_ROOT, startHost, type RunningHost, type StartHostOptions } from './host';
import { STATUS_PATH } from './status';
import { waitFor } from './wait_for';

export { waitFor };

export const TEST_CREDENTIALS = Object.freeze({ username: 'test-admin', password: 'test-password' });

export interface Credentials {
  username: string;
  password: string;
}

export interface TestRequestOptions {
  /** JSON-encoded unless it is already a string (sent as is, e.g. to test malformed JSON). */
  body?: unknown;
  headers?: Record<string, string>;
  /** `false` sends no Authorization header; default: the host's credentials. */
  auth?: false | Credentials;
  /** Sends `kbn-xsrf`; default: on for every method but GET and HEAD. */
  xsrf?: boolean;
  signal?: AbortSignal;
}

export interface TestResponse {
  status: number;
  /** Parsed JSON when the response is JSON, the text otherwise. */
  body: any;
  text: string;
  headers: Headers;
}

export type RequestFn = (method: string, path: string, options?: TestRequestOptions) => Promise<TestResponse>;

export interface StopOptions {
  /** Keep the data folder, e.g. to start another host on it. */
  keepDataDir?: boolean;
}

export interface TestHost extends Omit<RunningHost, 'stop'> {
  request: RequestFn;
  waitFor: typeof waitFor;
  /** Stops the host and removes its data folder unless `keepDataDir`. */
  stop(options?: StopOptions): Promise<void>;
}

export function createRequester(baseUrl: string, credentials: Credentials): RequestFn {
  return async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    const auth = options.auth ?? credentials;
    if (auth) headers.authorization = basicAuthorizationHeader(auth.username, auth.password);
    if (options.xsrf ?? !['GET', 'HEAD'].includes(method.toUpperCase())) headers['kbn-xsrf'] = 'true';
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
    }
    const response = await fetch(`${baseUrl}${path}`, { method: method.toUpperCase(), headers, body, redirect: 'manual', signal: options.signal });
    const text = await response.text();
    let parsed: unknown = text;
    if (response.headers.get('content-type')?.includes('json')) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    return { status: response.status, body: parsed, text, headers: response.headers };
  };
}

export const createTempDataDir = () => mkdtemp(join(tmpdir(), 'workflows-test-'));

export async function startTestHost(options: StartHostOptions = {}): Promise<TestHost> {
  const dataDir = options.dataDir ?? (await createTempDataDir());
  // No yml unless asked: the sample standalone.yml at the project root must not leak into tests.
  const host = await startHost({ port: 0, configPath: false, logLevel: 'error', ...TEST_CREDENTIALS, ...options, dataDir });
  return {
    ...host,
    request: createRequester(host.url, host),
    waitFor,
    stop: async ({ keepDataDir = false } = {}) => {
      await host.stop();
      if (!keepDataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface SpawnHostOptions {
  dataDir?: string;
  /** Default 0: the host picks a free port and reports it in its ready line. */
  port?: number;
  /** Extra flags, e.g. `['--config', file]`; relative paths resolve against the data folder. */
  args?: string[];
  env?: Record<string, string>;
  logLevel?: string;
  startupTimeoutMs?: number;
}

export interface SpawnedHost {
  url: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  request: RequestFn;
  /** Everything the child wrote to stdout and stderr so far. */
  output(): string;
  /** Sends a signal (SIGKILL simulates a crash) and resolves once the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, wait for exit, then remove the data folder unless `keepDataDir`. */
  stop(options?: StopOptions): Promise<void>;
}

const READY_LINE = /is ready at http:\/\/[^\s/]+:(\d+)\//;

export async function spawnHost(options: SpawnHostOptions = {}): Promise<SpawnedHost> {
  const script = join(PROJECT_ROOT, 'build', 'server', 'host.cjs');
  if (!existsSync(script)) throw new Error(`${script} is missing: run \`npm run build\` first`);
  const dataDir = options.dataDir ?? (await createTempDataDir());
  const child = spawn(
    process.execPath,
    [script, '--port', String(options.port ?? 0), '--data', dataDir, '--log-level', options.logLevel ?? 'warn', ...(options.args ?? [])],
    {
      // The data folder as working directory keeps a ./standalone.yml of the caller out of the way.
      cwd: dataDir,
      env: { ...process.env, WORKFLOWS_USERNAME: TEST_CREDENTIALS.username, WORKFLOWS_PASSWORD: TEST_CREDENTIALS.password, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }
  );
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal }))
  );
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Host did not start within ${options.startupTimeoutMs ?? 30_000}ms:\n${output}`)), options.startupTimeoutMs ?? 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY_LINE.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`Host exited (code ${code}, signal ${signal}) before it was ready:\n${output}`));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${url}${STATUS_PATH}`)).status === 200, { timeoutMs: 10_000 });

  const kill = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return {
    url,
    port,
    dataDir,
    child,
    request: createRequester(url, TEST_CREDENTIALS),
    output: () => output,
    kill,
    stop: async ({ keepDataDir = false } = {}) => {
      await kill('SIGTERM');
      if (!keepDataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
