import { startFakeSmtpService, type FakeSmtpService } from '../fake_services';
import { executeType, TEST_CONNECTOR_ID } from './connector_types.mocks';
import { getEmailConnectorType } from './email';

describe('.email', () => {
  let smtp: FakeSmtpService;
  const type = getEmailConnectorType({ timeoutMs: 5000 });
  const secrets = { user: 'mailer', password: 'smtp-pass-123' };
  const config = () => ({ from: 'alerts@example.com', host: smtp.host, port: smtp.port, secure: false });
  const params = { to: ['oncall@example.com'], cc: ['lead@example.com'], bcc: ['audit@example.com'], subject: 'CPU high on host-1', message: 'Load is 9.5' };

  beforeEach(async () => {
    smtp = await startFakeSmtpService({ users: { mailer: 'smtp-pass-123' } });
  });
  afterEach(() => smtp.close());

  it('sends the message over SMTP as the configured user', async () => {
    const result = await executeType(type, { config: config(), secrets, params });
    expect(result).toEqual({
      actionId: TEST_CONNECTOR_ID,
      status: 'ok',
      data: {
        accepted: ['oncall@example.com', 'lead@example.com', 'audit@example.com'],
        rejected: [],
        messageId: expect.stringMatching(/^<.+@example\.com>$/),
        response: expect.stringMatching(/^250 /),
      },
    });
    const [mail] = await smtp.waitForMessages(1);
    expect(mail).toMatchObject({
      from: 'alerts@example.com',
      to: ['oncall@example.com', 'lead@example.com', 'audit@example.com'],
      user: 'mailer',
      headers: expect.objectContaining({ from: 'alerts@example.com', to: 'oncall@example.com', cc: 'lead@example.com', subject: 'CPU high on host-1' }),
    });
    expect(mail.headers.bcc).toBeUndefined();
    expect(mail.body.trim()).toBe('Load is 9.5');
  });

  it('sends an HTML part when given', async () => {
    await executeType(type, { config: config(), secrets, params: { ...params, messageHTML: '<b>Load</b> is 9.5' } });
    const [mail] = await smtp.waitForMessages(1);
    expect(mail.headers['content-type']).toMatch(/^multipart\/alternative/);
    expect(mail.body).toContain('<b>Load</b> is 9.5');
  });

  it('reports a rejected login without the password', async () => {
    const result = await executeType(type, { config: config(), secrets: { user: 'mailer', password: 'wrong-pass-456' }, params });
    expect(result).toMatchObject({ actionId: TEST_CONNECTOR_ID, status: 'error', message: 'error sending email', retry: true });
    expect(result.serviceMessage).toMatch(/^Invalid login: 535/);
    expect(JSON.stringify(result)).not.toContain('wrong-pass-456');
    expect(smtp.messages).toHaveLength(0);
  });

  it('closes the connection within a second when the signal fires', async () => {
    const slow = await startFakeSmtpService({ delayMs: 10_000 });
    try {
      const controller = new AbortController();
      const started = Date.now();
      setTimeout(() => controller.abort(), 200);
      const result = await executeType(type, { config: { from: 'a@example.com', host: slow.host, port: slow.port }, params, signal: controller.signal });
      expect(Date.now() - started).toBeLessThan(1000);
      expect(result).toEqual({
        actionId: TEST_CONNECTOR_ID,
        status: 'error',
        message: 'error sending email',
        serviceMessage: 'the request was aborted',
        retry: false,
        errorSource: 'framework',
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(slow.messages).toHaveLength(0);
    } finally {
      await slow.close();
    }
  });

  it.each([
    [{ from: 'a@example.com' }, {}, params, 'error validating action type config: [host] and [port] are required'],
    [{ from: 'a@example.com', host: 'h', port: 25 }, { user: 'u' }, params, 'error validating action type secrets: both user and password must be specified'],
    [{ from: 'a@example.com', host: 'h', port: 25 }, {}, { subject: 's', message: 'm' }, 'error validating action params: no [to], [cc], or [bcc] entries'],
  ])('rejects config %j, secrets %j, params %j', async (configValues, secretValues, paramValues, message) => {
    expect(await executeType(type, { config: configValues, secrets: secretValues, params: paramValues })).toMatchObject({ status: 'error', message });
  });
});
