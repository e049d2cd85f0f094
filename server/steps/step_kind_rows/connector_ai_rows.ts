/**
 * Acceptance rows of the connector kinds (`slack`, `pagerduty`, `jira`, `email`, `webhook`, the
 * `<vendor>.<operation>` family) and the AI kinds, which reach their LLM through a `.gen-ai`
 * connector. Each scenario runs a one-step workflow through the real engine and registry, with
 * the plugin's real step services in front of a scripted actions client: it answers each call
 * as told (data, an error result, or data after a delay that the call's AbortSignal cuts short)
 * and records what it was called with.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { CoreStart, KibanaRequest } from '@kbn/core/server';
import type { ActionTypeExecutorResult, ExecuteOptions, PluginStartContract } from '@kbn/actions-plugin/server';
import { stringify } from 'yaml';
import { createTestEngine, workflowYaml } from '../../engine/engine_test_utils';
import { createStepServices } from '../../services/step_services';
import type { StepExecutionRecord } from '../../storage/types';
import { offlineServices } from '../services';
import type { KindRow } from './kind_row';

type Fields = Record<string, unknown>;

/** One answer of the actions client: the connector's data (possibly late), or an error result. */
type Reply = { data: unknown; delayMs?: number } | { message: string; serviceMessage: string };

interface ConnectorCall {
  connectorId: string;
  params: unknown;
  idempotencyKey: unknown;
}

const errorResult = (message: string, serviceMessage: string): Reply => ({ message, serviceMessage });

/** An actions client that answers the n-th call with `replies[n]`, recording every call and its signal. */
function scriptedActions(replies: Reply[]) {
  const calls: ConnectorCall[] = [];
  const signals: AbortSignal[] = [];
  let answered = 0;
  const execute = async ({ actionId, params, signal, executionId }: ExecuteOptions): Promise<ActionTypeExecutorResult> => {
    calls.push({ connectorId: actionId, params, idempotencyKey: executionId });
    if (signal) signals.push(signal);
    const reply = replies[calls.length - 1];
    if (!reply) throw new Error(`Unexpected call ${calls.length} to connector "${actionId}"`);
    if ('message' in reply) return { actionId, status: 'error', message: reply.message, serviceMessage: reply.serviceMessage, retry: true, errorSource: 'framework' };
    // A real connector's request ends when the signal aborts; so does this wait (rejecting with an AbortError).
    if (reply.delayMs) await sleep(reply.delayMs, undefined, { signal });
    answered++;
    return { actionId, status: 'ok', data: reply.data };
  };
  const actions = { getActionsClientWithRequest: async () => ({ execute }), isActionTypeEnabled: () => true } as unknown as PluginStartContract;
  return { calls, signals, actions, answered: () => answered };
}

// The step services need the user the run acts for; the scripted client does not look at it.
const REQUEST = { headers: {} } as unknown as KibanaRequest;

/** Runs a workflow whose only step is `step`, connectors answering with `replies`. */
async function run(step: Fields, replies: Reply[]) {
  const connectors = scriptedActions(replies);
  const offline = offlineServices();
  const { run: runYaml } = createTestEngine({
    createServices: (execution) =>
      createStepServices(
        { core: {} as CoreStart, actions: connectors.actions, kibanaUrl: 'http://kibana.test', startChildRun: offline.startChildRun, getRun: offline.getRun },
        execution,
        REQUEST
      ),
  });
  const result = await runYaml(workflowYaml(stringify([step]).replace(/^(?=.)/gm, '  ')), { inputs: INPUTS });
  return { ...result, calls: connectors.calls, signals: connectors.signals, answered: connectors.answered() };
}

const records = (steps: StepExecutionRecord[]) => steps.map((s) => [s.path, s.attempt, s.status, s.output, s.error]);

const RETRY = { 'max-attempts': 3, delay: '1ms' };

/** A connector call carries the step's idempotency key: execution id and step path. */
const connectorCall = (step: Fields, params: unknown): ConnectorCall => ({
  connectorId: String(step['connector-id']),
  params,
  idempotencyKey: `ex-1:${step.name}`,
});

/** An LLM call: the step's key plus a random part, fresh for every completion (see `complete` in ai_common/llm.ts). */
const llmCall = (step: Fields, subActionParams: unknown): ConnectorCall => ({
  connectorId: String(step['connector-id']),
  params: { subAction: 'invokeAI', subActionParams },
  idempotencyKey: expect.stringMatching(new RegExp(`^ex-1:${step.name}:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)),
});

const isAiStep = (step: Fields) => String(step.type).startsWith('ai.');

async function expectSuccess(step: Fields, call: ConnectorCall, data: unknown, output: unknown) {
  const { execution, steps, calls } = await run(step, [{ data }]);
  expect(calls).toEqual([call]);
  expect(records(steps)).toEqual([[step.name, 1, 'completed', output, undefined]]);
  expect(execution.status).toBe('completed');
}

async function expectFailure(step: Fields, call: ConnectorCall, reply: Reply, error: Fields) {
  const { execution, steps, calls } = await run(step, [reply]);
  expect(calls).toEqual([call]);
  expect(records(steps)).toEqual([[step.name, 1, 'failed', null, error]]);
  expect([execution.status, execution.error?.message]).toEqual(['failed', `Step "${step.name}" failed: ${error.message}`]);
}

/** The first attempt fails with `first` (recorded as `error`), the second gets `data`. */
async function expectRetry(step: Fields, call: ConnectorCall, first: Reply, error: Fields, data: unknown, output: unknown) {
  const { execution, steps, calls } = await run({ ...step, 'on-failure': { retry: RETRY } }, [first, { data }]);
  expect(records(steps)).toEqual([
    [step.name, 1, 'failed', null, error],
    [step.name, 2, 'completed', output, undefined],
  ]);
  expect(execution.status).toBe('completed');
  expect(calls).toEqual([call, call]);
  // A connector call repeats its key, so the actions client never sends twice; a completion takes
  // a fresh one, or the client would hand back the recorded first answer instead of asking again.
  expect(new Set(calls.map((c) => c.idempotencyKey)).size).toBe(isAiStep(step) ? 2 : 1);
}

/** The connector answers after 300 ms; the step's 50 ms timeout aborts the call's signal. */
async function expectTimeout(step: Fields, call: ConnectorCall, data: unknown) {
  const message = `Step "${step.name}" took longer than its timeout (50ms)`;
  const { execution, steps, calls, signals, answered } = await run({ ...step, timeout: '50ms' }, [{ data, delayMs: 300 }]);
  expect(calls).toEqual([call]);
  expect(records(steps)).toEqual([[step.name, 1, 'timed_out', null, { message, type: 'StepTimedOutError' }]]);
  expect([execution.status, execution.error?.message]).toEqual(['failed', `Step "${step.name}" failed: ${message}`]);
  expect(signals.map((signal) => [signal.aborted, (signal.reason as Error | undefined)?.message])).toEqual([[true, message]]);
  expect(answered).toBe(0);
}

const alert = { id: 'a1', rule: 'Malware detected', host: 'web-1', severity: 'critical' };
const alerts = [alert, { id: 'a2', rule: 'Malware detected', host: 'web-2', severity: 'high' }];
const INPUTS = { alert, alerts, oncall: 'oncall@example.com' };

/** The failure details a connector error carries: which connector, and the service's own words. */
const connectorError = (connectorId: string, message: string, serviceMessage: string) => ({
  message: `Connector "${connectorId}" failed: ${message}: ${serviceMessage}`,
  details: { connectorId, serviceMessage },
});

// The actions client reports a connector that throws (Jira, ServiceNow, .gen-ai) with this message.
const RUN_FAILED = 'an error occurred while running the action';

// --- connectors

const slack = {
  name: 'notify',
  type: 'slack',
  'connector-id': 'Security Slack',
  with: { message: ':rotating_light: {{ inputs.alert.rule }} on {{ inputs.alert.host }} ({{ inputs.alert.severity }})' },
};
const slackCall = connectorCall(slack, { message: ':rotating_light: Malware detected on web-1 (critical)' });
const slackData = { text: 'ok' };

const pagerduty = {
  name: 'page',
  type: 'pagerduty',
  'connector-id': 'pd-oncall',
  with: { eventAction: 'trigger', summary: '{{ inputs.alert.rule }} on {{ inputs.alert.host }}', severity: 'critical', source: 'workflows', dedupKey: 'alert-{{ inputs.alert.id }}' },
};
const pagerdutyCall = connectorCall(pagerduty, {
  eventAction: 'trigger',
  summary: 'Malware detected on web-1',
  severity: 'critical',
  source: 'workflows',
  dedupKey: 'alert-a1',
});
const pagerdutyData = { status: 'success', message: 'Event processed', dedup_key: 'alert-a1' };

const jira = {
  name: 'ticket',
  type: 'jira',
  'connector-id': 'jira-sec',
  with: { summary: '{{ inputs.alert.rule }} on {{ inputs.alert.host }}', description: 'Alert {{ inputs.alert.id }}', issueType: 'Task', priority: 'High', labels: ['malware'] },
};
const jiraCall = connectorCall(jira, {
  subAction: 'pushToService',
  subActionParams: { incident: { summary: 'Malware detected on web-1', description: 'Alert a1', issueType: 'Task', priority: 'High', labels: ['malware'] } },
});
const jiraData = { id: '10001', title: 'SEC-1', url: 'https://jira.test/browse/SEC-1', pushedDate: '2026-03-01T10:00:00.000Z' };

const email = {
  name: 'mail',
  type: 'email',
  'connector-id': 'Elastic-Cloud-SMTP',
  with: { to: '{{ inputs.oncall }}', subject: '[{{ inputs.alert.severity }}] {{ inputs.alert.rule }}', message: 'Host {{ inputs.alert.host }} needs a look.' },
};
const emailCall = connectorCall(email, { to: ['oncall@example.com'], subject: '[critical] Malware detected', message: 'Host web-1 needs a look.' });
const emailData = { accepted: ['oncall@example.com'], rejected: [] };

const webhook = {
  name: 'hook',
  type: 'webhook',
  'connector-id': 'ticket-hook',
  with: { body: { alert: '${{ inputs.alert.id }}', host: '{{ inputs.alert.host }}', hosts: '${{ inputs.alerts | size }}' } },
};
const webhookCall = connectorCall(webhook, { body: '{"alert":"a1","host":"web-1","hosts":2}' });
const webhookData = { status: 200, statusText: 'OK', body: 'accepted' };

const servicenow = {
  name: 'incident',
  type: 'servicenow.pushToService',
  'connector-id': 'snow-itsm',
  with: { incident: { short_description: '{{ inputs.alert.rule }} on {{ inputs.alert.host }}', urgency: '1', impact: '1' }, comments: [{ commentId: 'c1', comment: 'Opened by a workflow' }] },
};
const servicenowCall = connectorCall(servicenow, {
  subAction: 'pushToService',
  subActionParams: { incident: { short_description: 'Malware detected on web-1', urgency: '1', impact: '1' }, comments: [{ commentId: 'c1', comment: 'Opened by a workflow' }] },
});
const servicenowData = { id: '7f1e6c2a', title: 'INC0010001', url: 'https://snow.test/nav_to.do?uri=incident.do?sys_id=7f1e6c2a', pushedDate: '2026-03-01T10:00:00.000Z' };

// --- AI

const USAGE = { prompt_tokens: 120, completion_tokens: 18, total_tokens: 138 };
/** What `.gen-ai` `invokeAI` answers. */
const completion = (message: string) => ({ message, usage: USAGE });
const schemaText = (schema: unknown) =>
  `Answer with one JSON value and nothing else (no markdown fences, no comments) that follows this JSON Schema:\n${JSON.stringify(schema)}`;

// What `.gen-ai` reports when the API answers with an error status (its own `Status code: … Message: …` form).
const llmError = (status: number, text: string) => errorResult(RUN_FAILED, `Status code: ${status}. Message: API Error: ${text}`);
const LLM_500 = 'The server had an error while processing your request. Sorry about that!';
const LLM_429 = 'Rate limit reached for gpt-4o on requests per min (RPM): Limit 500, Used 500, Requested 1.';

const verdictSchema = {
  type: 'object',
  required: ['severity'],
  properties: { severity: { type: 'string', enum: ['low', 'medium', 'high'] }, summary: { type: 'string' } },
};
const prompt = {
  name: 'ask',
  type: 'ai.prompt',
  'connector-id': 'openai',
  with: { prompt: 'Rate the alert "{{ inputs.alert.rule }}" on {{ inputs.alert.host }}', schema: verdictSchema },
};
const promptCall = llmCall(prompt, {
  messages: [
    { role: 'system', content: schemaText(verdictSchema) },
    { role: 'user', content: 'Rate the alert "Malware detected" on web-1' },
  ],
  response_format: { type: 'json_object' },
});
const verdict = '{"severity":"high","summary":"Malware on web-1"}';
const promptOutput = { content: verdict, structured_output: { severity: 'high', summary: 'Malware on web-1' } };

const agent = {
  name: 'triage',
  type: 'ai.agent',
  'agent-id': 'alert.triage',
  'connector-id': 'openai',
  with: { message: 'Triage {{ inputs.alert.rule }} on {{ inputs.alert.host }}' },
};
const agentCall = llmCall(agent, {
  messages: [
    {
      role: 'system',
      content:
        'You are the agent "alert.triage". Answer the request as that agent would. You have no tools and no data beyond what the message contains: say so when the answer needs more.',
    },
    { role: 'user', content: 'Triage Malware detected on web-1' },
  ],
});
const agentAnswer = 'Isolate web-1 and collect the malware sample; the alert alone does not show how it got there.';

const categories = ['malware', 'phishing', 'benign'];
const classify = { name: 'kind', type: 'ai.classify', 'connector-id': 'openai', with: { input: '${{ inputs.alert }}', categories } };
const classifyCall = llmCall(classify, {
  messages: [
    {
      role: 'system',
      content: [
        'Classify the input the user sends into exactly one of these categories: malware, phishing, benign. Give your confidence between 0 and 1.',
        schemaText({
          type: 'object',
          required: ['category'],
          properties: { category: { type: 'string', enum: categories }, confidence: { type: 'number', minimum: 0, maximum: 1 } },
        }),
      ].join('\n\n'),
    },
    { role: 'user', content: JSON.stringify(alert, null, 2) },
  ],
  temperature: 0,
  response_format: { type: 'json_object' },
});
const invented = '{"category":"ransomware","confidence":0.8}';
const inventedError = {
  message: 'AI output does not match the schema: at "$.category": expected one of malware, phishing, benign',
  type: 'AiOutputError',
  details: { reply: invented },
};

const summarize = { name: 'sum', type: 'ai.summarize', 'connector-id': 'openai', with: { input: '${{ inputs.alerts }}', maxLength: 40 } };
const summarizeCall = llmCall(summarize, {
  messages: [
    {
      role: 'system',
      content: [
        'Summarise the text the user sends. Keep the facts that matter (names, hosts, users, counts, times) and invent nothing. Answer with the summary only.',
        'Use at most 40 words.',
      ].join('\n\n'),
    },
    { role: 'user', content: JSON.stringify(alerts, null, 2) },
  ],
});
const summary = 'Two malware alerts: web-1 (critical) and web-2 (high).';

export const connectorAiRows: KindRow[] = [
  {
    type: 'slack',
    cases: {
      success: () => expectSuccess(slack, slackCall, slackData, slackData),
      failure: () =>
        expectFailure(
          slack,
          slackCall,
          errorResult('error posting slack message, invalid response', '[404] Not Found: channel_not_found'),
          connectorError('Security Slack', 'error posting slack message, invalid response', '[404] Not Found: channel_not_found')
        ),
      retry: () =>
        expectRetry(
          slack,
          slackCall,
          errorResult('error posting slack message, retry later', '[503] Service Unavailable'),
          connectorError('Security Slack', 'error posting slack message, retry later', '[503] Service Unavailable'),
          slackData,
          slackData
        ),
      timeout: () => expectTimeout(slack, slackCall, slackData),
    },
  },
  {
    type: 'pagerduty',
    cases: {
      success: () => expectSuccess(pagerduty, pagerdutyCall, pagerdutyData, pagerdutyData),
      failure: () =>
        expectFailure(
          pagerduty,
          pagerdutyCall,
          errorResult('error posting pagerduty event, invalid response', '[400] Bad Request: {"status":"invalid event","message":"Event object is invalid"}'),
          connectorError('pd-oncall', 'error posting pagerduty event, invalid response', '[400] Bad Request: {"status":"invalid event","message":"Event object is invalid"}')
        ),
      retry: () =>
        expectRetry(
          pagerduty,
          pagerdutyCall,
          errorResult('error posting pagerduty event, retry later', '[429] Too Many Requests'),
          connectorError('pd-oncall', 'error posting pagerduty event, retry later', '[429] Too Many Requests'),
          pagerdutyData,
          pagerdutyData
        ),
      timeout: () => expectTimeout(pagerduty, pagerdutyCall, pagerdutyData),
    },
  },
  {
    type: 'jira',
    cases: {
      success: () => expectSuccess(jira, jiraCall, jiraData, jiraData),
      failure: () =>
        expectFailure(
          jira,
          jiraCall,
          errorResult(RUN_FAILED, `[Action][Jira]: Unable to create issue. Error: [400] Bad Request: {"errors":{"issuetype":"Specify a valid issue type"}}`),
          connectorError('jira-sec', RUN_FAILED, `[Action][Jira]: Unable to create issue. Error: [400] Bad Request: {"errors":{"issuetype":"Specify a valid issue type"}}`)
        ),
      retry: () =>
        expectRetry(
          jira,
          jiraCall,
          errorResult(RUN_FAILED, '[Action][Jira]: Unable to create issue. Error: [502] Bad Gateway'),
          connectorError('jira-sec', RUN_FAILED, '[Action][Jira]: Unable to create issue. Error: [502] Bad Gateway'),
          jiraData,
          jiraData
        ),
      timeout: () => expectTimeout(jira, jiraCall, jiraData),
    },
  },
  {
    type: 'email',
    cases: {
      success: () => expectSuccess(email, emailCall, emailData, emailData),
      failure: () =>
        expectFailure(
          email,
          emailCall,
          errorResult('error sending email', 'Invalid login: 535 5.7.8 Authentication failed'),
          connectorError('Elastic-Cloud-SMTP', 'error sending email', 'Invalid login: 535 5.7.8 Authentication failed')
        ),
      retry: () =>
        expectRetry(
          email,
          emailCall,
          errorResult('error sending email', '421 4.7.0 Try again later, closing connection'),
          connectorError('Elastic-Cloud-SMTP', 'error sending email', '421 4.7.0 Try again later, closing connection'),
          emailData,
          emailData
        ),
      timeout: () => expectTimeout(email, emailCall, emailData),
    },
  },
  {
    type: 'webhook',
    cases: {
      success: () => expectSuccess(webhook, webhookCall, webhookData, webhookData),
      failure: () =>
        expectFailure(
          webhook,
          webhookCall,
          errorResult('error calling webhook, invalid response', '[401] Unauthorized: invalid token'),
          connectorError('ticket-hook', 'error calling webhook, invalid response', '[401] Unauthorized: invalid token')
        ),
      retry: () =>
        expectRetry(
          webhook,
          webhookCall,
          errorResult('error calling webhook, retry later', '[503] Service Unavailable'),
          connectorError('ticket-hook', 'error calling webhook, retry later', '[503] Service Unavailable'),
          webhookData,
          webhookData
        ),
      timeout: () => expectTimeout(webhook, webhookCall, webhookData),
    },
  },
  {
    type: 'servicenow.pushToService',
    cases: {
      success: () => expectSuccess(servicenow, servicenowCall, servicenowData, servicenowData),
      failure: () =>
        expectFailure(
          servicenow,
          servicenowCall,
          errorResult(RUN_FAILED, '[Action][ServiceNow]: Unable to create incident. Error: [403] Forbidden: User Not Authorized'),
          connectorError('snow-itsm', RUN_FAILED, '[Action][ServiceNow]: Unable to create incident. Error: [403] Forbidden: User Not Authorized')
        ),
      retry: () =>
        expectRetry(
          servicenow,
          servicenowCall,
          errorResult(RUN_FAILED, '[Action][ServiceNow]: Unable to create incident. Error: [503] Service Unavailable'),
          connectorError('snow-itsm', RUN_FAILED, '[Action][ServiceNow]: Unable to create incident. Error: [503] Service Unavailable'),
          servicenowData,
          servicenowData
        ),
      timeout: () => expectTimeout(servicenow, servicenowCall, servicenowData),
    },
  },
  {
    type: 'ai.prompt',
    cases: {
      success: () => expectSuccess(prompt, promptCall, completion(verdict), promptOutput),
      failure: () =>
        expectFailure(prompt, promptCall, { data: completion('{"severity":"urgent"}') }, {
          message: 'AI output does not match the schema: at "$.severity": expected one of low, medium, high',
          type: 'AiOutputError',
          details: { reply: '{"severity":"urgent"}' },
        }),
      retry: () =>
        expectRetry(
          prompt,
          promptCall,
          { data: completion('I would rate it high.') },
          { message: 'AI output is not valid JSON: "I would rate it high."', type: 'AiOutputError', details: { reply: 'I would rate it high.' } },
          completion(verdict),
          promptOutput
        ),
      timeout: () => expectTimeout(prompt, promptCall, completion(verdict)),
    },
  },
  {
    type: 'ai.agent',
    cases: {
      success: () => expectSuccess(agent, agentCall, completion(agentAnswer), { message: agentAnswer }),
      failure: () =>
        expectFailure(agent, agentCall, llmError(500, LLM_500), connectorError('openai', RUN_FAILED, `Status code: 500. Message: API Error: ${LLM_500}`)),
      retry: () =>
        expectRetry(
          agent,
          agentCall,
          llmError(429, LLM_429),
          connectorError('openai', RUN_FAILED, `Status code: 429. Message: API Error: ${LLM_429}`),
          completion(agentAnswer),
          { message: agentAnswer }
        ),
      timeout: () => expectTimeout(agent, agentCall, completion(agentAnswer)),
    },
  },
  {
    type: 'ai.classify',
    cases: {
      success: () => expectSuccess(classify, classifyCall, completion('{"category":"malware","confidence":0.92}'), { category: 'malware', confidence: 0.92 }),
      failure: () => expectFailure(classify, classifyCall, { data: completion(invented) }, inventedError),
      retry: () =>
        expectRetry(classify, classifyCall, { data: completion(invented) }, inventedError, completion('{"category":"malware","confidence":0.9}'), {
          category: 'malware',
          confidence: 0.9,
        }),
      timeout: () => expectTimeout(classify, classifyCall, completion('{"category":"malware"}')),
    },
  },
  {
    type: 'ai.summarize',
    cases: {
      success: () => expectSuccess(summarize, summarizeCall, completion(summary), { content: summary }),
      failure: () =>
        expectFailure(summarize, summarizeCall, llmError(500, LLM_500), connectorError('openai', RUN_FAILED, `Status code: 500. Message: API Error: ${LLM_500}`)),
      retry: () =>
        expectRetry(
          summarize,
          summarizeCall,
          llmError(500, LLM_500),
          connectorError('openai', RUN_FAILED, `Status code: 500. Message: API Error: ${LLM_500}`),
          completion(summary),
          { content: summary }
        ),
      timeout: () => expectTimeout(summarize, summarizeCall, completion(summary)),
    },
  },
];
