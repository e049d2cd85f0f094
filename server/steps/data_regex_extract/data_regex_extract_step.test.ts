import { expectStepFailure, runDataStep } from '../data_common/data_steps.mocks';

const line = 'Failed login for ann@corp.example from 10.0.0.1; failed login for bob@corp.example from 10.0.0.2';

describe('data.regexExtract', () => {
  it.each([
    ['the first match as fields from groups', { pattern: '(\\w+)@([\\w.]+)', fields: { user: '$1', domain: '$2', address: '$0', both: '$2/$1 ($&) costs $$5' } }, {
      user: 'ann',
      domain: 'corp.example',
      address: 'ann@corp.example',
      both: 'corp.example/ann (ann@corp.example) costs $5',
    }],
    ['fields from named groups', { pattern: '(?<user>\\w+)@(?<domain>[\\w.]+)', fields: { who: '$<user>', where: 'at $<domain>' } }, { who: 'ann', where: 'at corp.example' }],
    ['an unmatched optional group as null in a field, "" inside text', { pattern: '(ann)(X)?@', fields: { x: '$2', text: '[$2]' } }, { x: null, text: '[]' }],
    ['by default the list [match, $1, …]', { pattern: '(\\w+)@(x)?' }, ['ann@', 'ann', null]],
    ['by default the named groups as an object', { pattern: '(?<user>\\w+)@(?<tld>nomatch)?' }, { user: 'ann', tld: null }],
    ['a match found with flags', { pattern: 'FAILED (\\w+)', flags: 'i' }, ['Failed login', 'login']],
    ['every match with all', { pattern: 'from ([\\d.]+)', fields: { ip: '$1' }, all: true }, [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }]],
    ['the first match only, whatever the flags (all decides)', { pattern: 'from ([\\d.]+)', flags: 'g' }, ['from 10.0.0.1', '10.0.0.1']],
    ['null when nothing matches', { pattern: 'root@' }, null],
    ['an empty list when nothing matches with all', { pattern: 'root@', all: true }, []],
  ])('extracts %s', async (_case, options, expected) => {
    const { step } = await runDataStep({ type: 'data.regexExtract', source: '${{ inputs.line }}', with: options }, { line });
    expect([step.status, step.output]).toEqual(['completed', expected]);
    expect(step.input).toEqual({ source: line, ...options });
  });

  it.each([
    ['an invalid pattern', { pattern: '(\\w+' }, 'The pattern "(\\\\w+" is not a valid regular expression: Unterminated group'],
    ['a repeated flag', { pattern: 'a', flags: 'ii' }, 'The pattern "a" with flags "ii" repeats a flag'],
    ['a field naming a missing group', { pattern: '(\\w+)@', fields: { user: '$1', host: '$2' } }, '"fields.host" refers to $2, but the pattern has 1 capture group(s)'],
    ['a field naming a missing named group', { pattern: '(?<user>\\w+)@', fields: { user: '$<usr>' } }, '"fields.user" refers to $<usr>, but the pattern has no group named "usr"'],
  ])('fails for %s', async (_case, options, message) => {
    await expectStepFailure({ type: 'data.regexExtract', source: '${{ inputs.line }}', with: options }, { line: 'no address here' }, message);
  });

  it('fails for a source that is not text', async () => {
    await expectStepFailure(
      { type: 'data.regexExtract', source: '${{ inputs.count }}', with: { pattern: '\\d+' } },
      { count: 12 },
      '"source" must be a string, but "${{ inputs.count }}" gave the number 12'
    );
  });
});
