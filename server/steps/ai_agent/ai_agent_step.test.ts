import { runWithConnectors } from '../connector/connector_services.mocks';

const agent = (fields: Record<string, unknown> = {}, withFields: Record<string, unknown> = {}) => ({
  name: 'triage',
  type: 'ai.agent',
  'agent-id': '{{ inputs.agent }}',
  with: { message: 'Triage {{ inputs.alert }}', ...withFields },
  ...fields,
});
const ai = { defaultLlmConnector: 'default-llm' };
const system = (agentId: string) =>
  `You are the agent "${agentId}". Answer the request as that agent would. You have no tools and no data beyond what the message contains: say so when the answer needs more.`;

describe('ai.agent', () => {
  it('asks the default LLM connector with the agent as system prompt and outputs the message, as Elastic examples without connector-id expect', async () => {
    const { steps, calls, logs } = await runWithConnectors([agent()], { ai, execution: { inputs: { agent: 'alert.triage', alert: 'malware on web-1' } } });
    expect(calls.map((c) => [c.connectorId, c.params])).toEqual([
      [
        'default-llm',
        {
          subAction: 'invokeAI',
          subActionParams: {
            messages: [
              { role: 'system', content: system('alert.triage') },
              { role: 'user', content: 'Triage malware on web-1' },
            ],
          },
        },
      ],
    ]);
    expect(steps.map((s) => [s.status, s.input, s.output])).toEqual([
      ['completed', { connectorId: 'default-llm', agentId: 'alert.triage', message: 'Triage malware on web-1' }, { message: 'Hello from the model' }],
    ]);
    expect(logs.filter(([level]) => level === 'warn')).toEqual([]);
  });

  it('uses the step connector-id and the default agent, checks a schema into structured_output, and notes that conversations are not kept', async () => {
    const schema = { type: 'object', required: ['proceed'], properties: { proceed: { type: 'boolean' } } };
    const { steps, calls, logs } = await runWithConnectors(
      [agent({ 'agent-id': undefined, 'connector-id': 'openai', 'create-conversation': true }, { schema })],
      { ai, replies: ['{"proceed":true}'], execution: { inputs: { alert: 'x' } } }
    );
    expect(calls.map((c) => [c.connectorId, c.params.subActionParams.messages[0].content.split('\n\n')[0], c.params.subActionParams.response_format])).toEqual([
      ['openai', system('elastic-ai-agent'), { type: 'json_object' }],
    ]);
    expect(steps[0].output).toEqual({ message: '{"proceed":true}', structured_output: { proceed: true } });
    expect(logs.filter(([level]) => level === 'warn')).toEqual([['warn', 'Agent conversations are not kept here: step "triage" sends one message without history']]);
  });

  it('fails clearly when there is neither a connector-id nor a default LLM connector', async () => {
    const { execution, calls } = await runWithConnectors([agent()], { execution: { inputs: { agent: 'a' } } });
    expect(calls).toEqual([]);
    expect(execution.error?.message).toBe(
      'Step "triage" failed: Step "triage" needs an LLM connector: set its connector-id to the name or id of an OpenAI-compatible (.gen-ai) connector, or configure a default one'
    );
  });
});
