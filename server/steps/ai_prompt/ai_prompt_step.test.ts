import { runWithConnectors } from '../connector/connector_services.mocks';

const RANDOM_KEY = /^ex-1:ask:[0-9a-f-]{36}$/;
const verdictSchema = { type: 'object', required: ['severity'], properties: { severity: { type: 'string', enum: ['low', 'medium', 'high'] }, summary: { type: 'string' } } };
const schemaText = `Answer with one JSON value and nothing else (no markdown fences, no comments) that follows this JSON Schema:\n${JSON.stringify(verdictSchema)}`;
const ask = (fields: Record<string, unknown> = {}, withFields: Record<string, unknown> = {}) => ({
  name: 'ask',
  type: 'ai.prompt',
  'connector-id': 'openai',
  with: { prompt: 'Explain {{ inputs.error }}', ...withFields },
  ...fields,
});

describe('ai.prompt', () => {
  it('sends the system and user messages through invokeAI and outputs the content', async () => {
    const { steps, calls } = await runWithConnectors([ask({}, { systemPrompt: 'You are an SRE.', temperature: 0.2 })], {
      execution: { inputs: { error: 'OOM in web-1' } },
    });
    expect(calls).toEqual([
      {
        connectorId: 'openai',
        params: {
          subAction: 'invokeAI',
          subActionParams: {
            messages: [
              { role: 'system', content: 'You are an SRE.' },
              { role: 'user', content: 'Explain OOM in web-1' },
            ],
            temperature: 0.2,
          },
        },
        idempotencyKey: expect.stringMatching(RANDOM_KEY),
      },
    ]);
    expect(steps.map((s) => [s.status, s.input, s.output])).toEqual([
      ['completed', { connectorId: 'openai', prompt: 'Explain OOM in web-1', systemPrompt: 'You are an SRE.', temperature: 0.2 }, { content: 'Hello from the model' }],
    ]);
  });

  it('asks for JSON with the schema, and parses a fenced answer into structured_output', async () => {
    const reply = '```json\n{"severity":"high","summary":"OOM"}\n```';
    const { steps, calls } = await runWithConnectors([ask({}, { schema: verdictSchema })], { replies: [reply], execution: { inputs: { error: 'OOM' } } });
    expect(calls[0].params.subActionParams).toEqual({
      messages: [
        { role: 'system', content: schemaText },
        { role: 'user', content: 'Explain OOM' },
      ],
      response_format: { type: 'json_object' },
    });
    expect(steps[0].output).toEqual({ content: reply, structured_output: { severity: 'high', summary: 'OOM' } });
  });

  it.each(['responseSchema', 'outputSchema'])('takes the answer schema from %s as from schema', async (key) => {
    const reply = '{"severity":"low"}';
    const { steps, calls } = await runWithConnectors([ask({}, { [key]: verdictSchema })], { replies: [reply], execution: { inputs: { error: 'OOM' } } });
    expect(calls[0].params.subActionParams.messages[0]).toEqual({ role: 'system', content: schemaText });
    expect(steps[0].input).toEqual({ connectorId: 'openai', prompt: 'Explain OOM', schema: verdictSchema });
    expect(steps[0].output).toEqual({ content: reply, structured_output: { severity: 'low' } });
  });

  it('fails on an answer that is not JSON or breaks the schema, and a retry asks again until it fits', async () => {
    const { execution, steps, calls } = await runWithConnectors(
      [ask({ 'on-failure': { retry: { 'max-attempts': 3, delay: '1ms' } } }, { schema: verdictSchema })],
      { replies: ['I think it is bad.', 'Here: {"severity":"urgent"}', '{"severity":"medium"}'], execution: { inputs: { error: 'OOM' } } }
    );
    expect(steps.map((s) => [s.attempt, s.status, s.error, s.output])).toEqual([
      [1, 'failed', { message: 'AI output is not valid JSON: "I think it is bad."', type: 'AiOutputError', details: { reply: 'I think it is bad.' } }, null],
      [
        2,
        'failed',
        { message: 'AI output does not match the schema: at "$.severity": expected one of low, medium, high', type: 'AiOutputError', details: { reply: 'Here: {"severity":"urgent"}' } },
        null,
      ],
      [3, 'completed', undefined, { content: '{"severity":"medium"}', structured_output: { severity: 'medium' } }],
    ]);
    // Each attempt has its own key: the actions client would otherwise hand back the first answer.
    expect(calls.map((c) => c.idempotencyKey)).toEqual([expect.stringMatching(RANDOM_KEY), expect.stringMatching(RANDOM_KEY), expect.stringMatching(RANDOM_KEY)]);
    expect(new Set(calls.map((c) => c.idempotencyKey)).size).toBe(3);
    expect(execution.status).toBe('completed');
  });

  it('without a retry, the run fails with the first violation', async () => {
    const { execution } = await runWithConnectors([ask({}, { schema: verdictSchema })], { replies: ['{"summary":"x"}'] });
    expect(execution.error?.message).toBe('Step "ask" failed: AI output does not match the schema: at "$.severity": required property is missing');
  });

  it('runs in a dry run: a completion has no side effect, and later steps need its answer', async () => {
    const { steps, calls } = await runWithConnectors([ask()], { execution: { dryRun: true } });
    expect(calls).toHaveLength(1);
    expect(steps.map((s) => [s.status, s.output, s.effects])).toEqual([['completed', { content: 'Hello from the model' }, undefined]]);
  });

  it.each([
    [{ 'connector-id': undefined }, { defaultLlmConnector: 'default-llm' }, 'default-llm'],
    [{ 'connector-id': '{{ inputs.llm }}' }, { defaultLlmConnector: 'default-llm' }, 'openai'],
  ])('uses the step connector-id, else the default LLM connector (%j, %j → %s)', async (fields, ai, connectorId) => {
    const { calls } = await runWithConnectors([ask(fields)], { ai, execution: { inputs: { llm: 'openai' } } });
    expect(calls.map((c) => c.connectorId)).toEqual([connectorId]);
  });

  it.each([
    [{ 'connector-id': undefined }, {}, 'Step "ask" needs an LLM connector: set its connector-id to the name or id of an OpenAI-compatible (.gen-ai) connector, or configure a default one'],
    [{ 'connector-id': '<YOUR_LLM_CONNECTOR_NAME>' }, {}, 'Fill in the connector-id of step "ask" (it still says "<YOUR_LLM_CONNECTOR_NAME>")'],
    [{}, { prompt: '{{ inputs.nothing }}' }, 'Step "ask" needs with.prompt'],
  ])('fails clearly before asking anything (%j %j)', async (fields, withFields, message) => {
    const { steps, calls } = await runWithConnectors([ask(fields, withFields)]);
    expect(calls).toEqual([]);
    expect(steps.map((s) => [s.status, s.error])).toEqual([['failed', { message, type: 'UserError' }]]);
  });

  it('passes a connector failure on with its details', async () => {
    const { steps } = await runWithConnectors([ask({ 'connector-id': 'Security Slack' })]);
    expect(steps[0].error).toEqual({
      message: 'Connector "Security Slack" failed: error validating action params: [message]: expected value of type [string] but got [undefined]',
      details: { connectorId: 'Security Slack', serviceMessage: null },
    });
  });
});
