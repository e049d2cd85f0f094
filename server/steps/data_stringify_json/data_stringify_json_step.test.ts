import { expectStepFailure, runDataStep } from '../data_common/data_steps.mocks';

describe('data.stringifyJson', () => {
  it.each([
    ['compact', '${{ inputs.value }}', {}, '{"a":[1,"x"],"b":null}'],
    ['pretty', '${{ inputs.value }}', { pretty: true }, '{\n  "a": [\n    1,\n    "x"\n  ],\n  "b": null\n}'],
    ['an object of templates, as Elastic\'s amazon-s3 example writes it', { url: '${{ inputs.value.a[1] }}', n: '${{ inputs.value.a[0] }}' }, {}, '{"url":"x","n":1}'],
    ['a string', 'plain {{ inputs.value.a[1] }}', {}, '"plain x"'],
    ['an explicit null', '${{ inputs.value.b }}', {}, 'null'],
  ])('writes %s', async (_case, source, options, expected) => {
    const { step } = await runDataStep({ type: 'data.stringifyJson', source, with: options }, { value: { a: [1, 'x'], b: null } });
    expect([step.status, step.output]).toEqual(['completed', expected]);
  });

  it('records the rendered source and options', async () => {
    const { step } = await runDataStep({ type: 'data.stringifyJson', source: { n: '${{ inputs.n }}' }, with: { pretty: false } }, { n: 2 });
    expect(step.input).toEqual({ source: { n: 2 }, pretty: false });
  });

  it('fails for a source that gives nothing', async () => {
    await expectStepFailure({ type: 'data.stringifyJson', source: '${{ inputs.missing }}' }, {}, '"source" must be a value, but "${{ inputs.missing }}" gave nothing');
  });
});
