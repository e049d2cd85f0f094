import { startFakeHttpService, type FakeHttpService } from '../fake_services';
import { captureLogs, executeType, TEST_CONNECTOR_ID } from './connector_types.mocks';
import { getSlackConnectorType } from './slack';

describe('.slack', () => {
  let slack: FakeHttpService;
  let webhookUrl: string;
  const type = getSlackConnectorType({ timeoutMs: 5000 });

  beforeEach(async () => {
    slack = await startFakeHttpService();
    webhookUrl = `${slack.url}/services/T0SECRET/B0SECRET/xoxsecretpath`;
  });
  afterEach(() => slack.close());

  it('posts the message as `text` to the webhook URL', async () => {
    const result = await executeType(type, { secrets: { webhookUrl }, params: { message: 'Alert: *cpu* high' } });
    expect(result).toEqual({ actionId: TEST_CONNECTOR_ID, status: 'ok', data: { text: 'ok' } });
    expect(slack.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/services/T0SECRET/B0SECRET/xoxsecretpath',
        body: { text: 'Alert: *cpu* high' },
        headers: expect.objectContaining({ 'content-type': 'application/json' }),
      }),
    ]);
  });

  it("reports Slack's answer without the webhook URL, which is the secret", async () => {
    slack.respondWith((request) => ({ status: 404, body: `no_service for ${request.path}` }));
    const { logger, lines } = captureLogs();
    const result = await executeType(type, { secrets: { webhookUrl }, params: { message: 'hi' }, logger });
    expect(result).toEqual({
      actionId: TEST_CONNECTOR_ID,
      status: 'error',
      message: 'error posting slack message, invalid response',
      serviceMessage: '[404] Not Found: no_service for [REDACTED]',
      retry: false,
      errorSource: 'user',
    });
    expect(lines.join('')).toContain('no_service for [REDACTED]');
    expect(lines.join('')).not.toContain('secretpath');
  });

  it('keeps the URL out of network errors', async () => {
    await slack.close();
    const result = await executeType(type, { secrets: { webhookUrl }, params: { message: 'hi' } });
    expect(result).toMatchObject({ status: 'error', message: 'error posting slack message, request failed' });
    expect(JSON.stringify(result)).not.toContain('secretpath');
  });

  it.each([
    [{ webhookUrl: 'not a url with xoxsecret' }, {}, { message: 'x' }, 'error validating action type secrets: [webhookUrl]: unable to parse webhookUrl'],
    [{}, {}, { message: 'x' }, 'error validating action type secrets: [webhookUrl]: expected value of type [string] but got [undefined]'],
    [{ webhookUrl: 'https://hooks.slack.com/x' }, { channel: '#x' }, { message: 'x' }, 'error validating action type config: [channel]: definition for this key is missing'],
    [{ webhookUrl: 'https://hooks.slack.com/x' }, {}, { message: '' }, 'error validating action params: [message]: value has length [0] but it must have a minimum length of [1].'],
  ])('validates secrets %j, config %j and params %j', async (secrets, config, params, message) => {
    expect(await executeType(type, { secrets, config, params })).toMatchObject({ status: 'error', message, errorSource: 'user' });
  });
});
