import { runWithConnectors } from '../connector/connector_services.mocks';

const SUMMARISE = 'Summarise the text the user sends. Keep the facts that matter (names, hosts, users, counts, times) and invent nothing. Answer with the summary only.';

describe('ai.summarize', () => {
  it.each([
    [{ input: '{{ inputs.text }}' }, [SUMMARISE], 'Long incident notes'],
    [{ input: '${{ inputs.alerts }}', maxLength: 50, instructions: 'For executives.' }, [SUMMARISE, 'Use at most 50 words.', 'For executives.'], JSON.stringify([{ host: 'web-1' }], null, 2)],
  ])('with %j sends the system parts %j and the input as the user message, and outputs the content', async (withFields, systemParts, user) => {
    const { steps, calls } = await runWithConnectors([{ name: 'sum', type: 'ai.summarize', 'connector-id': 'openai', with: withFields }], {
      replies: ['Web-1 ran malware.'],
      execution: { inputs: { text: 'Long incident notes', alerts: [{ host: 'web-1' }] } },
    });
    expect(calls.map((c) => c.params)).toEqual([
      { subAction: 'invokeAI', subActionParams: { messages: [{ role: 'system', content: systemParts.join('\n\n') }, { role: 'user', content: user }] } },
    ]);
    expect([steps[0].status, steps[0].output]).toEqual(['completed', { content: 'Web-1 ran malware.' }]);
  });

  it('fails when the connector returns no message', async () => {
    const { steps } = await runWithConnectors([{ name: 'sum', type: 'ai.summarize', 'connector-id': 'gh', with: { input: 'x' } }]);
    expect(steps[0].error?.message).toBe('The LLM connector "gh" returned no message');
  });
});
