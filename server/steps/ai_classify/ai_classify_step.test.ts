import { runWithConnectors } from '../connector/connector_services.mocks';

const classify = (withFields: Record<string, unknown> = {}, fields: Record<string, unknown> = {}) => ({
  name: 'kind',
  type: 'ai.classify',
  'connector-id': 'openai',
  with: { input: '${{ inputs.alert }}', categories: ['malware', 'phishing', 'benign'], ...withFields },
  ...fields,
});
const alert = { rule: 'Suspicious link', host: 'web-1' };

describe('ai.classify', () => {
  it('asks at temperature 0 for one category as JSON and outputs category, confidence and rationale', async () => {
    const { steps, calls } = await runWithConnectors([classify({ includeRationale: true, fallbackCategory: 'other', instructions: 'Links are phishing.' })], {
      replies: ['{"category":"phishing","confidence":0.9,"rationale":"A lure link","extra":1}'],
      execution: { inputs: { alert } },
    });
    expect(calls[0].params.subActionParams).toEqual({
      messages: [
        {
          role: 'system',
          content: [
            'Classify the input the user sends into exactly one of these categories: malware, phishing, benign. When none fits, answer "other". Give your confidence between 0 and 1. Explain the choice in one or two sentences as the rationale.',
            'Links are phishing.',
            `Answer with one JSON value and nothing else (no markdown fences, no comments) that follows this JSON Schema:\n${JSON.stringify({
              type: 'object',
              required: ['category', 'rationale'],
              properties: {
                category: { type: 'string', enum: ['malware', 'phishing', 'benign', 'other'] },
                confidence: { type: 'number', minimum: 0, maximum: 1 },
                rationale: { type: 'string' },
              },
            })}`,
          ].join('\n\n'),
        },
        { role: 'user', content: JSON.stringify(alert, null, 2) },
      ],
      temperature: 0,
      response_format: { type: 'json_object' },
    });
    expect(steps[0].output).toEqual({ category: 'phishing', confidence: 0.9, rationale: 'A lure link' });
  });

  it.each([
    [{}, '{"category":"benign"}', { category: 'benign' }],
    [{}, '{"category":"benign","confidence":0.4,"rationale":"not asked for"}', { category: 'benign', confidence: 0.4 }],
    [{ allowMultipleCategories: true }, '{"categories":["malware","phishing"],"confidence":0.7}', { categories: ['malware', 'phishing'], confidence: 0.7 }],
  ])('with %j, the answer %s gives %j', async (withFields, reply, output) => {
    const { steps } = await runWithConnectors([classify(withFields)], { replies: [reply], execution: { inputs: { alert } } });
    expect([steps[0].status, steps[0].output]).toEqual(['completed', output]);
  });

  it.each([
    [{}, '{"category":"ransomware"}', 'AI output does not match the schema: at "$.category": expected one of malware, phishing, benign'],
    [{ allowMultipleCategories: true }, '{"categories":[]}', 'AI output does not match the schema: at "$.categories": expected at least 1 item'],
    [{ includeRationale: true }, '{"category":"benign"}', 'AI output does not match the schema: at "$.rationale": required property is missing'],
    [{}, '{"category":"benign","confidence":90}', 'AI output does not match the schema: at "$.confidence": expected at most 1'],
  ])('with %j, the answer %s fails: %s', async (withFields, reply, message) => {
    const { steps } = await runWithConnectors([classify(withFields)], { replies: [reply], execution: { inputs: { alert } } });
    expect([steps[0].status, steps[0].error?.message, steps[0].error?.type]).toEqual(['failed', message, 'AiOutputError']);
  });

  it('retries an invented category when on-failure says so, and a retry condition can single out AI output errors', async () => {
    const retry = { 'max-attempts': 2, delay: '1ms', condition: 'error.type : "AiOutputError"' };
    const { steps } = await runWithConnectors([classify({}, { 'on-failure': { retry } })], {
      replies: ['{"category":"ransomware"}', '{"category":"malware","confidence":1}'],
      execution: { inputs: { alert } },
    });
    expect(steps.map((s) => [s.attempt, s.status, s.output])).toEqual([
      [1, 'failed', null],
      [2, 'completed', { category: 'malware', confidence: 1 }],
    ]);
  });
});
