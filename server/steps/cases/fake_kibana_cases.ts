/**
 * Test fixture: the slice of Kibana's HTTP API the case and alert steps call (cases, comments and
 * alert attachments, find, detection alert status and tags), in memory, with Kibana's checks that
 * matter here: attachments need an owner, updates need the current version.
 */
import { workflowYaml } from '../../engine/engine_test_utils';
import type { ExecutionRecord } from '../../storage/types';
import { startHttpTestServer, type HttpTestServer, type TestAnswer, type TestHandler } from '../http/http_test_server';
import { ioTestEngine, ioTestServices } from '../http/io_test_utils';

type Record_ = Record<string, any>;

export interface FakeKibanaCases {
  cases: Map<string, Record_>;
  handler: TestHandler;
}

const notFound = (what: string): TestAnswer => ({ status: 404, body: { statusCode: 404, error: 'Not Found', message: what } });
const badRequest = (message: string): TestAnswer => ({ status: 400, body: { statusCode: 400, error: 'Bad Request', message } });

export function fakeKibanaCases(): FakeKibanaCases {
  const cases = new Map<string, Record_>();
  let sequence = 0;
  const save = (value: Record_) => {
    value.version = `v${++sequence}`;
    cases.set(value.id, value);
    return value;
  };

  const routes: Array<[string, RegExp, (match: string[], body: Record_, query: URLSearchParams) => TestAnswer]> = [
    ['POST', /^\/api\/cases$/, (_, body) => ({ body: save({ ...body, id: `case-${cases.size + 1}`, status: 'open', totalComment: 0, totalAlerts: 0, comments: [] }) })],
    [
      'GET',
      /^\/api\/cases\/_find$/,
      (_, __, query) => {
        const tags = query.getAll('tags');
        const found = [...cases.values()].filter((value) => tags.every((tag) => value.tags?.includes(tag)));
        return { body: { cases: found, page: 1, per_page: 20, total: found.length } };
      },
    ],
    ['GET', /^\/api\/cases\/([^/]+)$/, ([id]) => (cases.has(id) ? { body: cases.get(id) } : notFound(`Saved object [cases/${id}] not found`))],
    [
      'POST',
      /^\/api\/cases\/([^/]+)\/comments$/,
      ([id], body) => {
        const target = cases.get(id);
        if (!target) return notFound(`Saved object [cases/${id}] not found`);
        if (!body.owner) return badRequest('Invalid value "undefined" supplied to "owner"');
        target.comments.push({ ...body, id: `comment-${target.comments.length + 1}` });
        if (body.type === 'alert') target.totalAlerts += [body.alertId].flat().length;
        else target.totalComment += 1;
        return { body: save(target) };
      },
    ],
    [
      'PATCH',
      /^\/api\/cases$/,
      (_, body) => {
        const updated = [];
        for (const { id, version, ...changes } of body.cases as Record_[]) {
          const target = cases.get(id);
          if (!target) return notFound(`Saved object [cases/${id}] not found`);
          if (target.version !== version) return { status: 409, body: { statusCode: 409, error: 'Conflict', message: `This case ${id} has been updated. Please refresh before saving additional updates.` } };
          updated.push(save(Object.assign(target, changes)));
        }
        return { body: updated };
      },
    ],
    ['POST', /^\/api\/detection_engine\/signals\/(status|tags)$/, (_, body) => ({ body: { took: 3, total: [body.signal_ids ?? body.ids].flat().length, updated: [body.signal_ids ?? body.ids].flat().length, failures: [] } })],
  ];

  return {
    cases,
    handler: ({ method, url, body }) => {
      const { pathname, searchParams } = new URL(url, 'http://kibana');
      for (const [verb, pattern, handle] of routes) {
        const match = verb === method ? pattern.exec(pathname) : null;
        if (match) return handle(match.slice(1).map(decodeURIComponent), (body || {}) as Record_, searchParams);
      }
      return notFound(`No route ${method} ${pathname}`);
    },
  };
}

/**
 * A fresh fake Kibana on loopback for every test of the calling file, and `run` to run workflow
 * steps against it through the real engine.
 */
export function useFakeKibana() {
  const current = {} as { kibana: HttpTestServer; fake: FakeKibanaCases };
  beforeEach(async () => {
    current.fake = fakeKibanaCases();
    current.kibana = await startHttpTestServer(current.fake.handler);
  });
  afterEach(() => current.kibana.close());
  const run = (steps: string, execution: Partial<ExecutionRecord> = {}) =>
    ioTestEngine(ioTestServices({ kibanaUrl: current.kibana.url })).run(workflowYaml(steps), execution);
  return { current, run };
}
