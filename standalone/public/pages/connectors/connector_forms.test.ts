import { CONNECTOR_FORMS, buildConnectorPayload, initialValues, missingFields } from './connector_forms';

describe('connector forms', () => {
  it.each([
    ['.slack', { webhookUrl: ' https://hooks.example/T1 ' }, { config: {}, secrets: { webhookUrl: 'https://hooks.example/T1' } }],
    [
      '.webhook',
      { url: 'https://example.com/hook', method: 'put', user: '', password: '' },
      { config: { url: 'https://example.com/hook', method: 'put', hasAuth: false, headers: null }, secrets: {} },
    ],
    ['.pagerduty', { routingKey: 'rk', apiUrl: '' }, { config: { apiUrl: null }, secrets: { routingKey: 'rk' } }],
    [
      '.email',
      { from: 'a@example.com', host: 'smtp.example.com', port: '465', user: 'me', password: 'pw' },
      {
        config: { from: 'a@example.com', host: 'smtp.example.com', port: 465, service: 'other', secure: true, hasAuth: true },
        secrets: { user: 'me', password: 'pw' },
      },
    ],
    [
      '.gen-ai',
      { apiProvider: 'Other', apiUrl: 'http://llm/v1/chat/completions', defaultModel: 'm', apiKey: 'k' },
      { config: { apiProvider: 'Other', apiUrl: 'http://llm/v1/chat/completions', defaultModel: 'm' }, secrets: { apiKey: 'k' } },
    ],
  ])('%s puts each field in config or secrets', (type, values, expected) => {
    expect(buildConnectorPayload(CONNECTOR_FORMS[type], values)).toEqual(expected);
  });

  it('types every secret but user names into password inputs', () => {
    const secrets = Object.values(CONNECTOR_FORMS).flatMap(({ fields }) => fields.filter(({ target }) => target === 'secrets'));
    const plain = secrets.filter(({ kind }) => kind !== 'password').map(({ key }) => key);
    expect(new Set(plain)).toEqual(new Set(['user', 'email']));
  });

  it('names the required fields that are still empty', () => {
    const jira = CONNECTOR_FORMS['.jira'];
    expect(missingFields(jira, { ...initialValues(jira), apiUrl: 'https://x.atlassian.net', apiToken: '  ' })).toEqual([
      'Project key',
      'Email',
      'API token',
    ]);
  });

  it('tests email by writing to the sender', () => {
    expect(CONNECTOR_FORMS['.email'].testParams({ from: 'a@example.com' })).toMatchObject({ to: ['a@example.com'] });
  });
});
