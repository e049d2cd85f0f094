/** A workflow context as conditions see it: an alert event, step outputs, variables, a loop item. */
export const KQL_CONTEXT = {
  event: {
    alerts: [
      {
        'kibana.alert.severity': 'critical',
        'kibana.alert.rule.name': 'SQL injection attempt',
        host: { name: 'web-01', ip: ['10.0.0.1', '10.0.0.2'] },
        risk_score: 73,
        '@timestamp': '2024-05-06T07:08:09Z',
      },
      {
        kibana: { alert: { severity: 'low' } },
        host: { name: 'db-01', ip: ['10.0.1.5'] },
        risk_score: 21,
        '@timestamp': '2024-05-01T00:00:00Z',
      },
    ],
    rule: { name: 'Prod SQL rule', tags: ['sql', 'prod'] },
  },
  steps: {
    run_esql: { output: { values: [['a', 1]], columns: [] } },
    get_index: { output: true },
    check: { output: { severity: 'critical', total: '12', message: 'Status is RED now', verdict: 'SUSPICIOUS' } },
    get_exception: { error: { message: 'not found' } },
    get_rule: { output: null },
    parse: { output: { proceed: true, mode: 'query_change', published: '', fetch_failed: 'false' } },
  },
  variables: { suspicious_count: 3, empty: [] },
  inputs: { linux_command: 'whoami', windows_command: null, 'dotted.key': 'yes' },
  consts: { enable_remediation: true, threshold: 5.5 },
  foreach: { item: { file_path: 'C:\\Users\\bob\\AppData\\Local', os_type: 'macos' } },
};
