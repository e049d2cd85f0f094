import { evaluateKql, parseKql } from '.';
import { KQL_CONTEXT } from './kql.mocks';

describe('evaluateKql', () => {
  it.each<[string, boolean]>([
    // field : value
    ['steps.check.output.severity : critical', true],
    ['steps.check.output.severity:critical', true],
    ['steps.check.output.severity: high', false],
    ['steps.check.output.severity: "critical"', true],
    ['steps.check.output.severity: "Critical"', false],
    ["steps.check.output.severity: 'critical'", true],
    // booleans and numbers compare by value when unquoted
    ['steps.get_index.output : true', true],
    ['steps.get_index.output : TRUE', true],
    ['steps.get_index.output : false', false],
    ['steps.get_index.output : "true"', true],
    ['steps.parse.output.proceed: true', true],
    ['consts.enable_remediation: true', true],
    ['variables.suspicious_count: 3', true],
    ['variables.suspicious_count: 3.0', true],
    ['variables.suspicious_count: "3.0"', false],
    ['steps.check.output.total: 12', true],
    ['steps.parse.output.fetch_failed: "true"', false],
    ['not steps.parse.output.fetch_failed: "true"', true],
    // empty strings
    ['steps.parse.output.published: ""', true],
    ['steps.check.output.severity: ""', false],
    // wildcards are case-sensitive globs over the whole value
    ['steps.check.output.message: *RED*', true],
    ['steps.check.output.message: *red*', false],
    ['steps.check.output.message: Status*', true],
    ['steps.check.output.message: Status', false],
    ['steps.check.output.verdict: SUSPICIOU?', true],
    ['steps.check.output.verdict: SUSPICIOUS?', false],
    ['steps.check.output.message: "*RED*"', false],
    ['foreach.item.file_path: *Users* and foreach.item.file_path: *AppData*', true],
    // exists
    ['inputs.linux_command: *', true],
    ['inputs.windows_command: *', false],
    ['inputs.missing: *', false],
    ['inputs.linux_command:* and inputs.windows_command:*', false],
    ['inputs.linux_command:* or inputs.windows_command:*', true],
    ['not steps.get_exception.error: *', false],
    ['not steps.get_rule.error: *', true],
    ['steps.get_rule.output: *', false],
    ['variables.empty: *', false],
    // boolean operators and precedence (not > and > or)
    ['steps.check.output.severity: low or steps.check.output.verdict: SUSPICIOUS', true],
    ['steps.check.output.severity: low and steps.check.output.verdict: SUSPICIOUS', false],
    ['steps.check.output.severity: low and inputs.missing: * or consts.enable_remediation: true', true],
    ['steps.check.output.severity: low and (inputs.missing: * or consts.enable_remediation: true)', false],
    ['NOT steps.check.output.severity: low AND steps.parse.output.mode: query_change', true],
    ['not (steps.check.output.severity: critical or inputs.missing: x)', false],
    ['not not steps.get_index.output: true', true],
    // value lists
    ['steps.check.output.severity: (high or critical)', true],
    ['steps.check.output.severity: (high or low)', false],
    ['event.rule.tags: (sql and prod)', true],
    ['event.rule.tags: (sql and dev)', false],
    ['event.rule.tags: (not dev)', true],
    // ranges: numbers, numeric strings, lengths, ISO dates, strings
    ['steps.run_esql.output.values.length > 0', true],
    ['variables.empty.length > 0', false],
    ['variables.empty.length: 0', true],
    ['steps.check.output.severity.length >= 8', true],
    ['variables.suspicious_count > 0', true],
    ['variables.suspicious_count > 3', false],
    ['variables.suspicious_count >= 3', true],
    ['variables.suspicious_count < 3', false],
    ['variables.suspicious_count <= 3', true],
    ['steps.check.output.total > 9', true],
    ['consts.threshold < 10', true],
    ['event.alerts.@timestamp > 2024-05-05', true],
    ['event.alerts.@timestamp >= "2024-05-06T07:08:10Z"', false],
    ['event.rule.name > Prod', true],
    ['inputs.missing > 0', false],
    ['not inputs.missing > 0', true],
    // arrays: any item matches; dotted keys; numeric index
    ['event.alerts.host.name: db-01', true],
    ['event.alerts.host.ip: 10.0.1.5', true],
    ['event.alerts.host.ip: 10.0.0.*', true],
    ['event.alerts.risk_score > 70', true],
    ['event.alerts.risk_score > 80', false],
    ['event.alerts.kibana.alert.severity: critical', true],
    ['event.alerts.kibana.alert.severity: low', true],
    ['event.alerts.kibana.alert.rule.name: *SQL*', true],
    ['event.alerts.0.host.name: web-01', true],
    ['event.alerts.1.host.name: web-01', false],
    ['inputs.dotted.key: yes', true],
    ['"inputs.dotted.key": yes', true],
    // multi-word values and escapes
    ['event.rule.name: Prod SQL rule', true],
    ['event.rule.name: Prod SQL rule and steps.get_index.output: true', true],
    ['event.rule.name: Prod\\ SQL*', true],
    ['foreach.item.file_path: "C:\\\\Users\\\\bob\\\\AppData\\\\Local"', true],
    // sandbox: only own properties
    ['steps.constructor: *', false],
    ['steps.check.output.message.constructor: *', false],
    // bare booleans
    ['true', true],
    ['false', false],
    ['TRUE and steps.get_index.output: true', true],
  ])('%s → %s', (query, expected) => {
    expect(evaluateKql(query, KQL_CONTEXT)).toBe(expected);
  });

  it('accepts a parsed query', () => {
    expect(evaluateKql(parseKql('event.alerts.host.name: db-01'), KQL_CONTEXT)).toBe(true);
  });

  it('matches Date values by their ISO text and time', () => {
    const data = { at: new Date('2024-05-06T07:08:09Z') };
    expect(evaluateKql('at: "2024-05-06T07:08:09.000Z"', data)).toBe(true);
    expect(evaluateKql('at < 2024-06-01', data)).toBe(true);
  });

  it('never matches objects against a value', () => {
    expect(evaluateKql('steps.check: "[object Object]"', KQL_CONTEXT)).toBe(false);
  });
});
