import { createTemplateEngine, TemplateError } from '.';

const engine = createTemplateEngine();

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

const context = {
  s: 'hello',
  n: 5,
  flag: false,
  obj: { a: 1, b: [true, null] },
  list: [1, 2],
  alerts: [
    { name: 'a', severity: 'high' },
    { name: 'b', severity: 'low' },
  ],
  inputs: { fields: { 'exception.message': 'boom' } },
  now: new Date('2024-05-06T07:08:09Z'),
};

describe('render', () => {
  it.each<[string, unknown, unknown]>([
    ['a whole ${{ }} keeps an object', '${{ obj }}', { a: 1, b: [true, null] }],
    ['a whole ${{ }} keeps a number', '${{ n }}', 5],
    ['a whole ${{ }} keeps false', '${{ flag }}', false],
    ['a whole ${{ }} keeps an array', '${{list}}', [1, 2]],
    ['filters apply inside ${{ }}', '${{ list | size }}', 2],
    ['whitespace around ${{ }} is allowed', '  ${{ obj.a }}\n', 1],
    ['comparisons give booleans', "${{ s == 'hello' and n }}", true],
    ['nil is null', '${{ nil }}', null],
    ['a missing variable is undefined', '${{ missing.path }}', undefined],
    ['${{ }} inside text keeps the $ literal', 'cost: ${{ n }}', 'cost: $5'],
    ['two expressions are not a whole value', '${{ s }} and {{ n }}', '$hello and 5'],
    ['plain strings pass through', 'no markup', 'no markup'],
    ['numbers pass through', 42, 42],
    ['null passes through', null, null],
  ])('%s', (_label, value, expected) => {
    expect(engine.render(value, context)).toEqual(expected);
  });

  it('walks nested objects and arrays, leaving keys and non-strings alone', () => {
    const value = {
      '{{ s }}': 'key kept',
      message: 'Hi {{ s }}',
      nested: { count: '${{ n }}', items: ['${{ list }}', '{{ list }}', { deep: '${{ obj.b }}' }] },
      enabled: true,
      nothing: null,
    };
    expect(engine.render(value, context)).toEqual({
      '{{ s }}': 'key kept',
      message: 'Hi hello',
      nested: { count: 5, items: [[1, 2], '[1,2]', { deep: [true, null] }] },
      enabled: true,
      nothing: null,
    });
  });

  it('returns class instances such as Date unchanged', () => {
    expect(engine.render(context.now, context)).toBe(context.now);
  });
});

describe('renderString', () => {
  it.each<[string, string, string]>([
    ['objects print as JSON', '{{ obj }}', '{"a":1,"b":[true,null]}'],
    ['arrays print as JSON', '{{ list }}', '[1,2]'],
    ['dates print as ISO 8601', '{{ now }}', '2024-05-06T07:08:09.000Z'],
    ['undefined variables print nothing', '[{{ missing }}{{ missing.deep.path }}]', '[]'],
    ['dotted keys by bracket', "{{ inputs.fields['exception.message'] }}", 'boom'],
    [
      'assign and if/elsif/else',
      '{% assign x = n | plus: 1 %}{% if x > 9 %}big{% elsif x > 5 %}mid{% else %}small{% endif %}',
      'mid',
    ],
    ['unless', '{% unless flag %}off{% endunless %}', 'off'],
    ['case/when', '{% case s %}{% when "bye" %}1{% when "hello" %}2{% else %}3{% endcase %}', '2'],
    ['capture', '{% capture c %}{{ s }}!{% endcapture %}{{ c | upcase }}', 'HELLO!'],
    ['raw', '{% raw %}{{ s }}{% endraw %}', '{{ s }}'],
    ['for with break', '{% for i in list %}{% if i == 2 %}{% break %}{% endif %}{{ i }}{% endfor %}', '1'],
    [
      'tags across lines with whitespace control',
      '{%- for a in alerts -%}\n  {{ a.name }}{% unless forloop.last %}, {% endunless %}\n{%- endfor -%}\n',
      'a, b',
    ],
    ['strings without markup are returned as is', 'plain {text}', 'plain {text}'],
  ])('%s', (_label, template, expected) => {
    expect(engine.renderString(template, context)).toBe(expected);
  });
});

describe('filters', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['{{ "a" | append: "b" | append: 1 }}', {}, 'ab1'],
    ['{{ "a,b,,c" | split: "," | json }}', {}, '["a","b","","c"]'],
    ['{{ n | plus: 2 }} {{ "3" | plus: 0 }}', { n: 5 }, '7 3'],
    ['[{{ "  x \n" | strip }}]', {}, '[x]'],
    ['{{ list | first }} {{ list | last }}', { list: [1, 2, 3] }, '1 3'],
    ['{{ a | default: "d" }} {{ b | default: "d" }} {{ c | default: "d" }}', { b: '', c: 0 }, 'd d 0'],
    ['{{ "a-b-c" | replace: "-", "+" }}', {}, 'a+b+c'],
    ['{{ obj | json }}', { obj: { a: [1, 'x'] } }, '{"a":[1,"x"]}'],
    ['{{ "ABC" | downcase }}', {}, 'abc'],
    ['{% assign l = "" | split: "" %}{% assign l = l | push: "x" | push: "y" %}{{ l | json }}', {}, '["x","y"]'],
    ['{{ list | join: ", " }}', { list: [1, 2] }, '1, 2'],
    ['{{ list | size }} {{ "abc" | size }}', { list: [1, 2] }, '2 3'],
    ['{{ 10 | minus: 4 }} {{ 7 | divided_by: 2 }} {{ 7.9 | floor }} {{ 3 | times: 4 }}', {}, '6 3.5 7 12'],
    ['{{ "a b&c" | url_encode }}', {}, 'a+b%26c'],
    ['{{ alerts | map: "name" | json }}', { alerts: [{ name: 'x' }, { name: 'y' }] }, '["x","y"]'],
    ['{{ list | reverse | json }}', { list: [1, 2] }, '[2,1]'],
    [
      '{{ alerts | where: "sev", "high" | map: "id" | join }}',
      {
        alerts: [
          { id: 1, sev: 'high' },
          { id: 2, sev: 'low' },
        ],
      },
      '1',
    ],
    ['{{ list | compact | uniq | json }}', { list: [1, null, 1, 2] }, '[1,2]'],
    ['{{ a | concat: b | json }}', { a: [1], b: [2, 3] }, '[1,2,3]'],
    ['{{ body | json_parse | map: "id" | json }}', { body: '[{"id":1},{"id":2}]' }, '[1,2]'],
    ['{{ body | json_parse }}', { body: 'not json' }, 'not json'],
    ['{{ n | json_parse }}', { n: 5 }, '5'],
    [
      '{% assign es = obj | entries %}{% for e in es %}{{ e.key }}={{ e.value }};{% endfor %}',
      { obj: { a: 1, b: 'x' } },
      'a=1;b=x;',
    ],
    ['{{ s | entries | json }}', { s: 'text' }, '[]'],
    ["{{ now | date: '%Y-%m-%d %H:%M' }}", { now: new Date('2024-05-06T07:08:09Z') }, '2024-05-06 07:08'],
    ["{{ 'now' | date: '%Y-%m-%dT%H:%M:%S' }}", { now: new Date('2024-05-06T07:08:09Z') }, '2024-05-06T07:08:09'],
    ["{{ 'now' | date: '%s' }}", { now: '2024-05-06T07:08:09Z' }, '1714979289'],
    // The corpus' "15 minutes ago" idiom.
    [
      "{{ 'now' | date: '%s' | minus: 900 | date: '%Y-%m-%dT%H:%M:%S' }}.000Z",
      { now: '2024-05-06T07:08:09Z' },
      '2024-05-06T06:53:09.000Z',
    ],
    ["{{ started | date: '%Y-%m-%d' }}", { started: '2024-12-31T23:30:00Z' }, '2024-12-31'],
  ])('%s', (template, data, expected) => {
    expect(engine.renderString(template, data)).toBe(expected);
  });

  it('formats dates in the configured time zone', () => {
    const tokyo = createTemplateEngine({}, { timezone: 'Asia/Tokyo' });
    expect(tokyo.renderString("{{ now | date: '%Y-%m-%d %H:%M' }}", { now: '2024-05-06T23:08:09Z' })).toBe(
      '2024-05-07 08:08'
    );
  });
});

describe('evaluate', () => {
  it.each<[string, Record<string, unknown>, unknown]>([
    ['steps.a.output | size', { steps: { a: { output: [1, 2, 3] } } }, 3],
    ["inputs.kind == 'page'", { inputs: { kind: 'page' } }, true],
    ["inputs.kind == 'page' and inputs.id", { inputs: { kind: 'page' } }, false],
    ['inputs.id', { inputs: { id: 'x' } }, 'x'],
    ['not flag', { flag: false }, true],
    ["'a' | append: 'b'", {}, 'ab'],
    ['(1..3)', {}, [1, 2, 3]],
  ])('%s', (expression, data, expected) => {
    expect(engine.evaluate(expression, data)).toEqual(expected);
  });
});

describe('sandbox', () => {
  const data = { x: { a: 1 }, s: 'text', list: [1] };

  it.each([
    '{{ x.constructor }}',
    '{{ x.constructor.name }}',
    '{{ x["constructor"] }}',
    '{{ x.__proto__ }}',
    '{{ x.hasOwnProperty }}',
    '{{ x.toString }}',
    '{{ s.constructor }}',
    '{{ list.constructor }}',
  ])('%s renders empty', (template) => {
    expect(engine.renderString(template, data)).toBe('');
  });

  it('does not reach prototypes through ${{ }}', () => {
    expect(engine.render('${{ x.constructor }}', data)).toBeUndefined();
  });
});

describe('errors', () => {
  const nestedIfs = '{% if a %}'.repeat(5000) + 'x' + '{% endif %}'.repeat(5000);

  it.each<
    [
      string,
      string,
      Partial<{ parseLimit: number; renderLimit: number; memoryLimit: number }>,
      string,
      number | undefined,
    ]
  >([
    [
      'a long loop hits the render time limit',
      '{% for i in (1..3000) %}{% for j in (1..3000) %}{{ i }}{% endfor %}{% endfor %}',
      { renderLimit: 50 },
      'Template render time limit exceeded (50 ms) in "{% for j in (1..3000) %}"',
      24,
    ],
    [
      'a huge range hits the memory limit before it is built',
      '{% for i in (1..200000000) %}{{ i }}{% endfor %}',
      {},
      'Template memory limit exceeded (100000000) in "{% for i in (1..200000000) %}"',
      0,
    ],
    [
      'a growing string hits the memory limit',
      '{% assign s = "xxxxxxxxxx" %}{% for i in (1..20) %}{% assign s = s | append: s %}{% endfor %}{{ s }}',
      { memoryLimit: 1000 },
      'Template memory limit exceeded (1000) in "{% assign s = s | append: s %}"',
      51,
    ],
    [
      'a long template hits the parse limit',
      '{{ a }} {{ b }} {{ c }}',
      { parseLimit: 10 },
      'Template too long: more than 10 characters in "{{ a }} {{ b }} {{ c }}"',
      undefined,
    ],
    ['deep nesting fails cleanly', nestedIfs, {}, 'Template or data nested too deeply in "{% if a %}"', undefined],
    [
      'include is not allowed',
      'x {% include "secrets" %}',
      {},
      'Tag "include" is not allowed: templates cannot load other templates or files in "{% include "secrets" %}"',
      2,
    ],
    [
      'render is not allowed',
      '{% render "x" %}',
      {},
      'Tag "render" is not allowed: templates cannot load other templates or files in "{% render "x" %}"',
      0,
    ],
    [
      'layout is not allowed',
      '{% layout "x" %}',
      {},
      'Tag "layout" is not allowed: templates cannot load other templates or files in "{% layout "x" %}"',
      0,
    ],
    ['unknown filter', 'Hi {{ s | shout }}', {}, 'Unknown filter "shout" in "{{ s | shout }}"', 3],
    ['unknown tag', '{% shout %}', {}, 'Unknown tag "shout" in "{% shout %}"', 0],
    ['unclosed output', 'Hi {{ s', {}, 'Output "{{ s" not closed in "{{ s"', 3],
    ['unclosed tag', '{% if s %}yes', {}, 'Tag {% if s %} not closed in "{% if s %}"', 0],
  ])('%s', (_label, template, limits, message, offset) => {
    const thrown = thrownBy(() => createTemplateEngine(limits).renderString(template, { a: true }));
    expect(thrown).toBeInstanceOf(TemplateError);
    expect((thrown as TemplateError).message).toBe(message);
    if (offset !== undefined) expect((thrown as TemplateError).offset).toBe(offset);
  });

  it('reports a value that contains itself', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => engine.renderString('{{ x }}', { x: loop })).toThrow(
      new TemplateError('Cannot print a value that contains itself in "{{ x }}"')
    );
  });

  it.each<[string, string, number]>([
    ['s | shout', 'Unknown filter "shout" in "s | shout"', 0],
    ['s x', 'Unexpected "x" after the expression in "s x"', 2],
    ['s ==', 'Expected a value after "==" in "s =="', 4],
    ['== s', 'Expected a value before "==" in "== s"', 0],
    ['s | size extra', 'Expected ":" after filter name in "s | size extra"', 9],
    ['', 'Expected an expression inside "${{ }}"', 0],
  ])('evaluate(%j) throws %j', (expression, message, offset) => {
    const thrown = thrownBy(() => engine.evaluate(expression, {}));
    expect(thrown).toBeInstanceOf(TemplateError);
    expect((thrown as TemplateError).message).toBe(message);
    expect((thrown as TemplateError).offset ?? 0).toBe(offset);
  });

  it('fails the same way through render() for a whole ${{ }}', () => {
    expect(() => engine.render({ a: ['${{ s | shout }}'] }, {})).toThrow('Unknown filter "shout" in "s | shout"');
  });
});
