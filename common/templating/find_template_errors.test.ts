import { findTemplateErrors } from '.';
import { collectCorpusStrings } from './corpus.mocks';

describe('findTemplateErrors', () => {
  it.each<[string, Array<{ message: string; offset: number }>]>([
    ['no markup at all', []],
    ['Hi {{ name | default: "you" }}', []],
    ['{%- if a -%}\n  {{ a }}\n{%- else -%}\n  none\n{%- endif -%}', []],
    ['${{ steps.a.output | size }}', []],
    ['cost: ${{ price }}', []],
    ['Hi {{ name', [{ message: 'Output "{{ name" not closed', offset: 3 }]],
    ['{% if a %}open', [{ message: 'Tag {% if a %} not closed', offset: 0 }]],
    ['{% endif %}', [{ message: 'Unknown tag "endif"', offset: 0 }]],
    [
      'a {{ x | shout }}\n{% include "f" %} {{ y | whisper }}',
      [
        { message: 'Unknown filter "shout"', offset: 2 },
        { message: 'Tag "include" is not allowed: templates cannot load other templates or files', offset: 18 },
        { message: 'Unknown filter "whisper"', offset: 36 },
      ],
    ],
    ['{{ x || y }}', [{ message: 'Expected filter name', offset: 6 }]],
    ['{{ }}', [{ message: 'Invalid value expression: ""', offset: 3 }]],
    ['  ${{ x | shout }}', [{ message: 'Unknown filter "shout"', offset: 5 }]],
    ['${{ x y }}', [{ message: 'Unexpected "y" after the expression', offset: 6 }]],
    ["${{ a == 'b' and }}", [{ message: 'Expected a value after "and"', offset: 17 }]],
    ['${{ }}', [{ message: 'Expected an expression inside "${{ }}"', offset: 3 }]],
    ['${{ not }}', [{ message: 'Expected a value after "not"', offset: 8 }]],
    ['${{ | size }}', [{ message: 'Expected a value', offset: 4 }]],
    ['${{ not flag and x == 1 }}', []],
  ])('%j', (text, expected) => {
    expect(findTemplateErrors(text)).toEqual(expected);
  });

  it('accepts every string of every workflow in the Elastic corpus', () => {
    const strings = collectCorpusStrings();
    expect(new Set(strings.map(({ file }) => file)).size).toBe(87);
    const failures = strings
      .map(({ file, value }) => ({ file, value, errors: findTemplateErrors(value) }))
      .filter(({ errors }) => errors.length > 0);
    expect(failures).toEqual([]);
  });
});
