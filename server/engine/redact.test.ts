import { createRedactor, REDACTED } from './redact';

describe('createRedactor', () => {
  const redact = createRedactor({ vt_api_key: 'abc123secret', region: 'eu-west-1', short_token: 'x' });

  it('masks values under secret-sounding keys at any depth', () => {
    expect(redact({ headers: { Authorization: 'Bearer t', 'x-apikey': 'k', accept: 'json' }, list: [{ password: 'p' }] })).toEqual({
      headers: { Authorization: REDACTED, 'x-apikey': REDACTED, accept: 'json' },
      list: [{ password: REDACTED }],
    });
  });

  it('masks secret consts wherever they appear in text, and only those', () => {
    expect(redact({ url: 'https://vt.example/api?key=abc123secret&region=eu-west-1' })).toEqual({ url: `https://vt.example/api?key=${REDACTED}&region=eu-west-1` });
    expect(redact('x marks the spot')).toBe('x marks the spot');
  });
});
