import { expectStepFailure, runDataStep } from '../data_common/data_steps.mocks';

const text = 'ann@corp.example wrote to Bob@corp.example';

describe('data.regexReplace', () => {
  it.each([
    ['every match by default', { pattern: '@corp\\.example', replacement: '@example.com' }, 'ann@example.com wrote to Bob@example.com'],
    ['only the first with all: false', { pattern: '@corp\\.example', replacement: '', all: false }, 'ann wrote to Bob@corp.example'],
    ['with groups and named groups', { pattern: '(?<user>\\w+)@([\\w.]+)', replacement: '$2:$<user>' }, 'corp.example:ann wrote to corp.example:Bob'],
    ['with flags', { pattern: 'BOB', flags: 'i', replacement: '$&!' }, 'ann@corp.example wrote to Bob!@corp.example'],
    ['with a template in the replacement', { pattern: '\\w+@', replacement: '{{ inputs.mask }}@' }, '***@corp.example wrote to ***@corp.example'],
    ['nothing when nothing matches', { pattern: 'root', replacement: 'x' }, text],
  ])('replaces %s', async (_case, options, expected) => {
    const { step } = await runDataStep({ type: 'data.regexReplace', source: '${{ inputs.text }}', with: options }, { text, mask: '***' });
    expect([step.status, step.output]).toEqual(['completed', expected]);
  });

  it('records the rendered source and options', async () => {
    const { step } = await runDataStep(
      { type: 'data.regexReplace', source: '{{ inputs.text }}!', with: { pattern: 'a', replacement: '{{ inputs.mask }}' } },
      { text: 'ab', mask: '*' }
    );
    expect([step.input, step.output]).toEqual([{ source: 'ab!', pattern: 'a', replacement: '*' }, '*b!']);
  });

  it.each([
    ['an invalid pattern', { source: 'x', with: { pattern: '[a-', replacement: '' } }, 'The pattern "[a-" is not a valid regular expression: Unterminated character class'],
    ['a source that gives nothing', { source: '${{ inputs.none }}', with: { pattern: 'a', replacement: '' } }, '"source" must be a string, but "${{ inputs.none }}" gave nothing'],
    ['a replacement that is not text', { source: 'x', with: { pattern: 'x', replacement: '${{ inputs.n }}' } }, '"replacement" must be a string, but "${{ inputs.n }}" gave the number 5'],
  ])('fails for %s', async (_case, fields, message) => {
    await expectStepFailure({ type: 'data.regexReplace', ...fields }, { n: 5 }, message);
  });
});
