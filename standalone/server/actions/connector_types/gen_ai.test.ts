import { startFakeHttpService, type FakeHttpService } from '../fake_services';
import { executeType, TEST_CONNECTOR_ID } from './connector_types.mocks';
import { getGenAiConnectorType } from './gen_ai';

const completion = {
  id: 'chatcmpl-1',
  object: 'chat.completion',
  choices: [{ index: 0, message: { role: 'assistant', content: '{"severity":"high"}' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 },
};

describe('.gen-ai', () => {
  let llm: FakeHttpService;
  const type = getGenAiConnectorType({ timeoutMs: 5000 });
  const secrets = { apiKey: 'sk-test-secret-key' };
  const config = (extra: Record<string, unknown> = {}) => ({ apiProvider: 'Other', apiUrl: `${llm.url}/v1/chat/completions`, ...extra });

  beforeEach(async () => {
    llm = await startFakeHttpService(() => ({ body: completion }));
  });
  afterEach(() => llm.close());

  it('invokeAI sends the messages with a bearer token and answers the first choice and the usage', async () => {
    const result = await executeType(type, {
      config: config({ defaultModel: 'llama3' }),
      secrets,
      params: {
        subAction: 'invokeAI',
        subActionParams: {
          messages: [
            { role: 'system', content: 'Classify the alert.' },
            { role: 'user', content: 'CPU 99%' },
          ],
          temperature: 0,
          response_format: { type: 'json_object' },
        },
      },
    });
    expect(result).toEqual({ actionId: TEST_CONNECTOR_ID, status: 'ok', data: { message: '{"severity":"high"}', usage: completion.usage } });
    expect(llm.requests[0]).toMatchObject({ method: 'POST', path: '/v1/chat/completions' });
    expect(llm.requests[0].headers.authorization).toBe('Bearer sk-test-secret-key');
    expect(llm.requests[0].body).toEqual({
      model: 'llama3',
      messages: [
        { role: 'system', content: 'Classify the alert.' },
        { role: 'user', content: 'CPU 99%' },
      ],
      temperature: 0,
      response_format: { type: 'json_object' },
      stream: false,
    });
  });

  it.each(['run', 'test'])('%s posts the raw body, adding the default model when it names none, and answers the completion', async (subAction) => {
    const result = await executeType(type, {
      config: config(),
      secrets,
      params: { subAction, subActionParams: { body: '{"messages":[{"role":"user","content":"hi"}]}' } },
    });
    expect(result.data).toEqual(completion);
    expect(llm.requests[0].body).toEqual({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }], stream: false });

    await executeType(type, { config: config(), secrets, params: { subAction, subActionParams: { body: '{"model":"gpt-4.1-mini","messages":[]}' } } });
    expect(llm.requests[1].body).toEqual({ model: 'gpt-4.1-mini', messages: [], stream: false });
  });

  it("reports the API's error message and status, never the key", async () => {
    llm.respondWith(() => ({ status: 401, body: { error: { message: 'Incorrect API key provided: sk-test-secret-key', type: 'invalid_request_error' } } }));
    const result = await executeType(type, {
      config: config(),
      secrets,
      params: { subAction: 'invokeAI', subActionParams: { messages: [{ role: 'user', content: 'hi' }] } },
    });
    expect(result).toEqual({
      actionId: TEST_CONNECTOR_ID,
      status: 'error',
      message: 'an error occurred while running the action',
      serviceMessage: 'Status code: 401. Message: API Error: Incorrect API key provided: [REDACTED]',
      retry: true,
      errorSource: 'framework',
    });
  });

  it('fails clearly when the service answers without a message', async () => {
    llm.respondWith(() => ({ body: { choices: [] } }));
    const result = await executeType(type, { config: config(), secrets, params: { subAction: 'invokeAI', subActionParams: { messages: [{ role: 'user', content: 'hi' }] } } });
    expect(result).toMatchObject({ status: 'error', serviceMessage: 'Unexpected response from the model: no message content in choices[0]' });
  });

  it.each([
    [{ subAction: 'run', subActionParams: { body: '{not json' } }, 'error validating action params: [subActionParams.body]: body must be a JSON document'],
    [{ subAction: 'invokeAI', subActionParams: { messages: [] } }, 'error validating action params: [subActionParams.messages]: array size is [0], but cannot be smaller than [1]'],
    [{ subAction: 'stream', subActionParams: {} }, expect.stringContaining('error validating action params: [subAction]: types that failed validation:')],
  ])('rejects params %j', async (params, message) => {
    expect(await executeType(type, { config: config(), secrets, params })).toMatchObject({ status: 'error', message, errorSource: 'user' });
  });
});
