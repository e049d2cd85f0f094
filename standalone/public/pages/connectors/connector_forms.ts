/*
 * The create form of each connector type the host can call, as data: which fields go to `config` and
 * which to `secrets` (typed into password inputs and never shown again), and the params the "Test"
 * button sends. Field keys are the connector types' own (standalone/server/actions/connector_types).
 */

export interface ConnectorField {
  key: string;
  label: string;
  target: 'config' | 'secrets';
  kind: 'text' | 'password' | 'number' | 'select';
  required?: boolean;
  options?: string[];
  defaultValue?: string;
  placeholder?: string;
  helpText?: string;
}

export interface ConnectorForm {
  fields: ConnectorField[];
  /** Config keys the form sets without asking, derived from what was typed. */
  derivedConfig?(values: Record<string, string>): Record<string, unknown>;
  /** What "Test" sends to `_execute`; harmless where the service allows it. */
  testParams(config: Record<string, unknown>): Record<string, unknown>;
  testDescription: string;
}

export const TEST_MESSAGE = 'Test message from Workflows for Kibana';

export const CONNECTOR_FORMS: Record<string, ConnectorForm> = {
  '.slack': {
    fields: [
      {
        key: 'webhookUrl',
        label: 'Webhook URL',
        target: 'secrets',
        kind: 'password',
        required: true,
        placeholder: 'https://hooks.slack.com/services/…',
      },
    ],
    testParams: () => ({ message: TEST_MESSAGE }),
    testDescription: 'Posts a test message to the channel.',
  },
  '.webhook': {
    fields: [
      { key: 'url', label: 'URL', target: 'config', kind: 'text', required: true, placeholder: 'https://example.com/hook' },
      {
        key: 'method',
        label: 'Method',
        target: 'config',
        kind: 'select',
        options: ['post', 'put', 'patch', 'get', 'delete'],
        defaultValue: 'post',
      },
      { key: 'user', label: 'Username (optional)', target: 'secrets', kind: 'text' },
      { key: 'password', label: 'Password (optional)', target: 'secrets', kind: 'password' },
    ],
    derivedConfig: (values) => ({ hasAuth: Boolean(values.user), headers: null }),
    testParams: () => ({ body: JSON.stringify({ message: TEST_MESSAGE }) }),
    testDescription: 'Sends a small JSON body to the URL.',
  },
  '.pagerduty': {
    fields: [
      { key: 'routingKey', label: 'Integration (routing) key', target: 'secrets', kind: 'password', required: true },
      {
        key: 'apiUrl',
        label: 'API URL (optional)',
        target: 'config',
        kind: 'text',
        placeholder: 'https://events.pagerduty.com/v2/enqueue',
      },
    ],
    testParams: () => ({ eventAction: 'trigger', summary: TEST_MESSAGE, severity: 'info' }),
    testDescription: 'Triggers an info event.',
  },
  '.jira': {
    fields: [
      { key: 'apiUrl', label: 'URL', target: 'config', kind: 'text', required: true, placeholder: 'https://your-site.atlassian.net' },
      { key: 'projectKey', label: 'Project key', target: 'config', kind: 'text', required: true },
      { key: 'email', label: 'Email', target: 'secrets', kind: 'text', required: true },
      { key: 'apiToken', label: 'API token', target: 'secrets', kind: 'password', required: true },
    ],
    testParams: () => ({ subAction: 'pushToService', subActionParams: { incident: { summary: TEST_MESSAGE }, comments: null } }),
    testDescription: 'Creates a test issue in the project.',
  },
  '.email': {
    fields: [
      { key: 'from', label: 'Sender', target: 'config', kind: 'text', required: true, placeholder: 'alerts@example.com' },
      { key: 'host', label: 'SMTP host', target: 'config', kind: 'text', required: true },
      { key: 'port', label: 'SMTP port', target: 'config', kind: 'number', required: true, defaultValue: '587' },
      { key: 'user', label: 'Username (optional)', target: 'secrets', kind: 'text' },
      { key: 'password', label: 'Password (optional)', target: 'secrets', kind: 'password' },
    ],
    derivedConfig: (values) => ({ service: 'other', secure: values.port === '465', hasAuth: Boolean(values.user) }),
    testParams: (config) => ({ to: [config.from], subject: TEST_MESSAGE, message: TEST_MESSAGE }),
    testDescription: 'Sends a test message to the sender address.',
  },
  '.gen-ai': {
    fields: [
      { key: 'apiProvider', label: 'Provider', target: 'config', kind: 'select', options: ['OpenAI', 'Other'], defaultValue: 'OpenAI' },
      {
        key: 'apiUrl',
        label: 'URL',
        target: 'config',
        kind: 'text',
        required: true,
        defaultValue: 'https://api.openai.com/v1/chat/completions',
      },
      { key: 'defaultModel', label: 'Default model', target: 'config', kind: 'text', defaultValue: 'gpt-4o' },
      { key: 'apiKey', label: 'API key', target: 'secrets', kind: 'password', required: true },
    ],
    testParams: () => ({
      subAction: 'test',
      subActionParams: { body: JSON.stringify({ messages: [{ role: 'user', content: 'Hello world' }] }) },
    }),
    testDescription: 'Asks the model to answer "Hello world".',
  },
};

export const initialValues = (form: ConnectorForm): Record<string, string> =>
  Object.fromEntries(form.fields.map(({ key, defaultValue = '' }) => [key, defaultValue]));

export const missingFields = (form: ConnectorForm, values: Record<string, string>): string[] =>
  form.fields.filter(({ required, key }) => required && !values[key]?.trim()).map(({ label }) => label);

/**
 * `{ config, secrets }` for `POST /api/actions/connector`. Empty optional fields are left out of the
 * secrets and are null in the config, which is how the connector types spell "not set".
 */
export const buildConnectorPayload = (form: ConnectorForm, values: Record<string, string>) => {
  const config: Record<string, unknown> = {};
  const secrets: Record<string, unknown> = {};
  for (const { key, target, kind } of form.fields) {
    const raw = values[key]?.trim() ?? '';
    if (target === 'secrets') {
      if (raw) secrets[key] = raw;
    } else {
      config[key] = raw === '' ? null : kind === 'number' ? Number(raw) : raw;
    }
  }
  return { config: { ...config, ...form.derivedConfig?.(values) }, secrets };
};
