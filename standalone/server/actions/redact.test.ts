import { createRedactor, redactDeep } from './redact';

describe('createRedactor', () => {
  it.each([
    [{ password: 'hunter22' }, 'login hunter22 failed', 'login [REDACTED] failed'],
    [{ apiKey: 'sk-a b&c' }, 'key=sk-a%20b%26c', 'key=[REDACTED]'],
    [{ webhookUrl: 'https://hooks.slack.com/services/T1/B2/xyz' }, 'POST https://hooks.slack.com/services/T1/B2/xyz failed', 'POST [REDACTED] failed'],
    [{ webhookUrl: 'https://hooks.slack.com/services/T1/B2/xyz' }, 'no route for /services/T1/B2/xyz', 'no route for [REDACTED]'],
    [{ user: 'bob', password: 'hunter22' }, `auth Basic ${Buffer.from('bob:hunter22').toString('base64')}`, 'auth Basic [REDACTED]'],
    [{ email: 'bot@x.io', apiToken: 'tok-123' }, `Basic ${Buffer.from('bot@x.io:tok-123').toString('base64')}`, 'Basic [REDACTED]'],
    [{}, 'see https://admin:pa55@intranet/x', 'see https://[REDACTED]@intranet/x'],
    [{ pin: 'abc' }, 'abc stays: too short to be a credential', 'abc stays: too short to be a credential'],
    [{ nested: { list: ['token-one', 12345] } }, 'token-one 12345', '[REDACTED] [REDACTED]'],
  ])('masks %j in %p', (secrets, text, expected) => {
    expect(createRedactor(secrets)(text)).toBe(expected);
  });

  it('masks every string of a result, leaving other values alone', () => {
    const redact = createRedactor({ token: 'secret-token' });
    const when = new Date(0);
    expect(redactDeep({ message: 'secret-token', data: { list: ['x secret-token'], n: 1, when } }, redact)).toEqual({
      message: '[REDACTED]',
      data: { list: ['x [REDACTED]'], n: 1, when },
    });
  });
});
