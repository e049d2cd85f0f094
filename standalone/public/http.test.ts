import { createBasePath } from './base_path';
import { createHttp, HttpFetchError } from './http';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const recordingFetch = (response: () => Response) => {
  const requests: Request[] = [];
  const fetchImpl = async (input: RequestInfo | URL) => {
    requests.push(input as Request);
    return response();
  };
  return { requests, fetchImpl: fetchImpl as typeof fetch };
};

describe('createHttp', () => {
  it('sends kbn-xsrf on writes only, behind the base path, with the query string', async () => {
    const { requests, fetchImpl } = recordingFetch(() => json(200, { ok: true }));
    const http = createHttp(createBasePath('/kbn'), { origin: 'http://host', fetchImpl });

    await http.get('/api/workflows/1', { query: { tags: ['a', 'b'], page: 2, skip: undefined } });
    await http.post('/api/workflows', { body: JSON.stringify({ yaml: 'name: x' }) });

    expect(requests.map(({ method, url }) => [method, url])).toEqual([
      ['GET', 'http://host/kbn/api/workflows/1?tags=a&tags=b&page=2'],
      ['POST', 'http://host/kbn/api/workflows'],
    ]);
    expect(requests[0].headers.get('kbn-xsrf')).toBeNull();
    expect(requests[1].headers.get('kbn-xsrf')).toBe('true');
    expect(await requests[1].text()).toBe('{"yaml":"name: x"}');
  });

  it('resolves with the parsed JSON body', async () => {
    const { fetchImpl } = recordingFetch(() => json(200, { id: 'wf-1' }));
    await expect(createHttp(createBasePath(''), { origin: 'http://host', fetchImpl }).get('/api/workflows/wf-1')).resolves.toEqual({
      id: 'wf-1',
    });
  });

  it("rejects with the server's error body and message", async () => {
    const body = { statusCode: 400, error: 'Bad Request', message: 'Workflow is disabled' };
    const { fetchImpl } = recordingFetch(() => json(400, body));

    const error = await createHttp(createBasePath(''), { origin: 'http://host', fetchImpl })
      .post('/api/workflows/wf-1/run')
      .catch((rejection: unknown) => rejection);

    expect(error).toBeInstanceOf(HttpFetchError);
    expect(error).toMatchObject({ message: 'Workflow is disabled', body, response: { status: 400 } });
  });
});
