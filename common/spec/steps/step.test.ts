import { parseWorkflowYaml } from '../parse';
import { WorkflowSchema, type WorkflowDefinition } from '../workflow';
import { builtinStepTypes, resolveStepType } from './registry';
import { StepSchema, type Step, type StepDefinition } from './step';

// Compile-time check: every step kind is usable where the engine expects a StepDefinition.
const asDefinition = (step: Step): StepDefinition => step;
const stepsOf = (workflow: WorkflowDefinition): StepDefinition[] => workflow.steps;

describe('resolveStepType', () => {
  it.each([
    ['console', 'console', true],
    ['elasticsearch.esql.query', 'elasticsearch.esql.query', true],
    ['elasticsearch.indices.exists', 'elasticsearch.<api>', false],
    ['kibana.createCaseDefaultSpace', 'kibana.<action>', false],
    ['cases.createCase', 'cases.<operation>', false],
    ['pagerduty_mcp.listSchedules', 'connector', false],
    ['search.rerank', 'connector', false],
    ['email', 'connector', false],
  ])('resolves %s as %s', (type, label, builtin) => {
    expect(resolveStepType(type)).toMatchObject({ label, builtin });
  });

  it.each(['consle', 'data.sett', 'ai.chat', 'workflow.run', 'loop.exit', 'kibana.bad-name', ''])(
    'rejects %j',
    (type) => {
      expect(resolveStepType(type)).toBeUndefined();
    }
  );

  it('lists every built-in step type of the language', () => {
    expect(builtinStepTypes()).toEqual(
      expect.arrayContaining([
        'console',
        'data.set',
        'data.map',
        'data.filter',
        'data.find',
        'data.dedupe',
        'data.aggregate',
        'data.concat',
        'data.parseJson',
        'data.stringifyJson',
        'data.regexExtract',
        'data.regexReplace',
        'if',
        'switch',
        'foreach',
        'while',
        'parallel',
        'merge',
        'loop.break',
        'loop.continue',
        'wait',
        'waitForInput',
        'waitForApproval',
        'workflow.execute',
        'workflow.executeAsync',
        'workflow.output',
        'workflow.fail',
        'http',
        'elasticsearch.request',
        'elasticsearch.search',
        'elasticsearch.index',
        'elasticsearch.update',
        'elasticsearch.esql.query',
        'kibana.request',
        'ai.prompt',
        'ai.agent',
        'ai.classify',
        'ai.summarize',
      ])
    );
    expect(builtinStepTypes()).toHaveLength(38);
  });
});

describe('StepSchema', () => {
  it('accepts nested containers and keeps their steps typed', () => {
    const step = StepSchema.parse({
      name: 'loop',
      type: 'while',
      condition: 'variables.more : true',
      'max-iterations': 5,
      'on-limit': 'continue',
      steps: [
        {
          name: 'fan_out',
          type: 'parallel',
          branches: [{ name: 'left', steps: [{ name: 'stop', type: 'loop.break' }] }],
        },
        { name: 'join', type: 'merge', sources: ['left'] },
      ],
    });
    expect(asDefinition(step).steps?.map((s) => s.type)).toEqual(['parallel', 'merge']);
  });

  it('accepts the 9.3 forms next to the later ones', () => {
    const workflow = WorkflowSchema.parse({
      name: 'both forms',
      inputs: [{ name: 'severity', type: 'choice', options: ['low', 'high'] }],
      triggers: [{ type: 'manual', inputs: { properties: { host: { type: 'string' } }, required: ['host'] } }],
      steps: [
        { name: 'call', type: 'http', with: { url: 'https://example.org', timeout: '10s' } },
        { name: 'call_later_form', type: 'http', timeout: '10s', with: { url: 'https://example.org' } },
        { name: 'case_93', type: 'kibana.createCaseDefaultSpace', with: { title: 't' } },
        { name: 'case_later', type: 'cases.createCase', with: { title: 't' } },
      ],
    });
    expect(workflow.enabled).toBe(true);
    expect(stepsOf(workflow).map((s) => s.name)).toEqual(['call', 'call_later_form', 'case_93', 'case_later']);
  });

  it('rejects an unknown field in the with of a built-in step', () => {
    const result = StepSchema.safeParse({ name: 'log', type: 'console', with: { message: 'hi', level: 'info' } });
    expect(result.success).toBe(false);
  });

  it('accepts any with for connector steps', () => {
    const step = StepSchema.parse({
      name: 'page',
      type: 'pagerduty',
      'connector-id': 'pd',
      with: { summary: 'x', any: 1 },
    });
    expect(asDefinition(step).with).toEqual({ summary: 'x', any: 1 });
  });

  it.each([
    ['ai.prompt', 'prompt', 'responseSchema'],
    ['ai.agent', 'message', 'outputSchema'],
  ])('accepts %s with its answer schema under another name (%s, %s)', (type, field, schemaKey) => {
    const step = StepSchema.parse({ name: 'ask', type, with: { [field]: 'Triage', [schemaKey]: { type: 'object' } } });
    expect(asDefinition(step).with).toEqual({ [field]: 'Triage', [schemaKey]: { type: 'object' } });
  });

  it('refuses two names of the answer schema on one step, saying where', () => {
    const yaml = `name: Ask
triggers:
  - type: manual
steps:
  - name: ask
    type: ai.prompt
    with:
      prompt: Triage
      schema: { type: object }
      responseSchema: { type: object }
`;
    const { findings } = parseWorkflowYaml(yaml);
    expect(findings.filter((f) => f.severity === 'error').map((f) => [f.message, f.line])).toEqual([
      ['steps[0] (name: "ask"): "with.responseSchema" is not valid: Give the answer schema once: schema and responseSchema are the same field', 10],
    ]);
  });
});
