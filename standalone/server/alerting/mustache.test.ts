import { renderParams, renderTemplate } from './mustache';

const variables = { rule: { name: 'R', tags: ['a', 'b'] }, context: { count: 0, host: { name: 'db' } }, 'weird-key': 1 };

describe('renderTemplate', () => {
  it.each([
    ['{{rule.name}} on {{ context.host.name }}', 'R on db'],
    ['{{{rule.name}}}', 'R'],
    ['{{context.count}}', '0'],
    ['{{rule.tags}}', '["a","b"]'],
    ['{{context.host}}', '{"name":"db"}'],
    ['[{{missing.value}}]', '[]'],
    ['{{rule.constructor}}', ''],
    ['{{#rule}}x{{/rule}}', '{{#rule}}x{{/rule}}'],
  ])('renders %s as %s', (template, expected) => {
    expect(renderTemplate(template, variables)).toBe(expected);
  });
});

describe('renderParams', () => {
  it('renders every string and keeps the structure and other values', () => {
    expect(renderParams({ a: '{{rule.name}}', b: ['{{context.host.name}}', 2], c: { d: true, e: null } }, variables)).toEqual({
      a: 'R',
      b: ['db', 2],
      c: { d: true, e: null },
    });
  });
});
