import { aliasOfIndex, alertsIndexFor, expandFlattenedAlert, flattenObject, withCaseId, withWorkflowTags } from './alert_documents';

describe('flattenObject', () => {
  it('flattens nested and dotted keys alike and keeps arrays as values', () => {
    expect(flattenObject({ host: { name: 'a', ip: ['1.1.1.1'] }, 'kibana.alert.reason': 'r', process: { args: [{ x: 1 }] }, empty: {} })).toEqual({
      'host.name': 'a',
      'host.ip': ['1.1.1.1'],
      'kibana.alert.reason': 'r',
      'process.args': [{ x: 1 }],
      empty: {},
    });
  });
});

describe('expandFlattenedAlert', () => {
  it('nests the top-level dotted keys and merges siblings, leaving object values as they are', () => {
    expect(
      expandFlattenedAlert({
        'kibana.alert.rule.name': 'n',
        'kibana.alert.rule.parameters': { 'a.b': 1 },
        'kibana.space_ids': ['default'],
        '@timestamp': 't',
      })
    ).toEqual({ kibana: { alert: { rule: { name: 'n', parameters: { 'a.b': 1 } } }, space_ids: ['default'] }, '@timestamp': 't' });
  });
});

describe('indices', () => {
  it.each([
    ['alerts', '.internal.alerts-stack.alerts-default-000001'],
    ['siem', '.internal.alerts-security.alerts-default-000001'],
  ])('writes alerts of consumer %s to %s', (consumer, index) => {
    expect(alertsIndexFor(consumer)).toBe(index);
  });

  it('names the alias of a backing index', () => {
    expect(aliasOfIndex('.internal.alerts-security.alerts-default-000001')).toBe('.alerts-security.alerts-default');
  });
});

describe('alert updates', () => {
  it('adds and removes workflow tags without duplicates', () => {
    expect(withWorkflowTags({ 'kibana.alert.workflow_tags': ['a', 'b'] }, { add: ['b', 'c'], remove: ['a'] })['kibana.alert.workflow_tags']).toEqual(['b', 'c']);
  });

  it('records each case once', () => {
    expect(withCaseId(withCaseId({}, 'c1'), 'c1')['kibana.alert.case_ids']).toEqual(['c1']);
  });
});
