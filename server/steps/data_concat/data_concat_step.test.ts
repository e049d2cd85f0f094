import { expectStepFailure, runDataStep } from '../data_common/data_steps.mocks';

describe('data.concat', () => {
  it.each([
    ['in order', {}, [1, { a: 1 }, 'x', { a: 1 }, 1, 2]],
    ['dropping items equal to an earlier one', { dedupe: true }, [1, { a: 1 }, 'x', 2]],
  ])('joins lists %s', async (_case, options, expected) => {
    const arrays = ['${{ inputs.first }}', '${{ inputs.second }}', [1, 2]];
    const { step } = await runDataStep({ type: 'data.concat', arrays, with: options }, { first: [1, { a: 1 }], second: ['x', { a: 1 }] });
    expect([step.status, step.output]).toEqual(['completed', expected]);
    expect(step.input).toEqual({ arrays: [[1, { a: 1 }], ['x', { a: 1 }], [1, 2]], ...options });
  });

  it('joins long lists without overflowing the stack', async () => {
    const long = Array.from({ length: 200_000 }, (_item, index) => index);
    const { step } = await runDataStep({ type: 'data.concat', arrays: ['${{ inputs.long }}', [-1]] }, { long });
    expect(step.status).toBe('completed');
    expect((step.output as number[]).length).toBe(200_001);
  });

  it.each([
    ['text', '${{ inputs.first | join: "," }}', '"arrays[1]" must be a list, but "${{ inputs.first | join: \\",\\" }}" gave the string "1,2"'],
    ['nothing', '${{ inputs.none }}', '"arrays[1]" must be a list, but "${{ inputs.none }}" gave nothing'],
  ])('fails for a list that gives %s', async (_case, second, message) => {
    await expectStepFailure({ type: 'data.concat', arrays: ['${{ inputs.first }}', second] }, { first: [1, 2] }, message);
  });
});
