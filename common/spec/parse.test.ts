import path from 'path';
import { parseWorkflowYaml } from './parse';
import { CORPUS_DIR, listCorpusFiles, readCorpusFile } from './parse.mocks';

const IP = 'library/workflows/ip-reputation-check/ip-reputation-check.yaml';
const TUNING = 'library/workflows/siem-rule-tuning/siem-rule-tuning.yaml';
const SPLUNK = 'examples/integrations/splunk/search-splunk.yaml';
const NOISY = 'examples/security/detection/disable-noisy-endpoint-rules-from-esql.yaml';
const S3 = 'examples/integrations/amazon-s3/download-file.yaml';
const AGENT = 'examples/ai-agents/invoke-an-agent.yaml';
const TAG = 'examples/security/detection/add-alert-tag-fp.yaml';
const GITHUB = 'examples/integrations/github/get-resource.yaml';
const PCI = 'examples/security/compliance/pci-daily-assessment.yaml';

describe('parseWorkflowYaml on the Elastic corpus', () => {
  const files = listCorpusFiles();

  it('finds all 87 workflow files', () => {
    expect(files).toHaveLength(87);
  });

  it.each(files.map((file) => [path.relative(CORPUS_DIR, file)]))('%s is valid', (file) => {
    const { valid, definition, findings } = parseWorkflowYaml(readCorpusFile(file));
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(valid).toBe(true);
    expect(definition?.steps.length).toBeGreaterThan(0);
  });
});

type Expected = [code: string, line: number, column: number];

/**
 * Each mutation changes one corpus file; the findings it adds (compared with the unchanged file)
 * must be exactly the expected ones, in position order.
 */
const MUTATIONS: Array<[label: string, file: string, find: string, replace: string, expected: Expected[]]> = [
  ['misspelled step type', IP, 'type: console', 'type: consle', [['unknown-step-type', 80, 11]]],
  ['short misspelled step type', IP, '    type: http', '    type: htp', [['unknown-step-type', 65, 11]]],
  [
    'misspelled key in with',
    IP,
    '      message: |',
    '      mesage: |',
    [
      ['missing-field', 82, 7],
      ['unknown-key', 82, 7],
    ],
  ],
  ['bad retry delay', IP, 'delay: 3s', 'delay: 3 seconds', [['invalid-duration', 60, 16]]],
  [
    'misspelled retry field',
    IP,
    'max-attempts: 2\n        delay: 2s',
    'max-attemps: 2\n        delay: 2s',
    [
      ['missing-field', 74, 9],
      ['unknown-key', 74, 9],
    ],
  ],
  ['http method not in the list', IP, 'method: GET', 'method: FETCH', [['invalid-value', 69, 15]]],
  [
    'reference to a missing step in a block scalar',
    IP,
    'City: {{ steps.get_geolocation',
    'City: {{ steps.get_geolocaton',
    [['unknown-step-reference', 98, 20]],
  ],
  [
    'undeclared input in a block scalar',
    IP,
    'IP Address: {{ inputs.ip_address }}',
    'IP Address: {{ inputs.ip }}',
    [['undeclared-input', 84, 24]],
  ],
  [
    'reference to a later step',
    IP,
    'ipAddress: "{{ inputs.ip_address }}"',
    'ipAddress: "{{ steps.get_geolocation.output.query }}"',
    [['forward-step-reference', 55, 22]],
  ],
  [
    'unknown Liquid filter in a block scalar',
    IP,
    'check_abuseipdb.output.data.isp }}',
    'check_abuseipdb.output.data.isp | nofilter }}',
    [['liquid-syntax', 92, 16]],
  ],
  [
    'broken Liquid tag in a folded scalar',
    TUNING,
    'strip -%}\n        {%- if manual_rid',
    'strip -}\n        {%- if manual_rid',
    [['liquid-syntax', 109, 70]],
  ],
  [
    'missing workflow name',
    IP,
    'name: IP Reputation Check\n',
    'nam: IP Reputation Check\n',
    [
      ['missing-field', 1, 1],
      ['unknown-key', 35, 1],
    ],
  ],
  ['wait duration as a number', SPLUNK, 'duration: 20s', 'duration: 20', [['invalid-type', 106, 17]]],
  [
    'step timeout with a space',
    SPLUNK,
    "    timeout: 30s\n    with:\n      url: '",
    "    timeout: 30 s\n    with:\n      url: '",
    [['invalid-duration', 87, 14]],
  ],
  [
    'misspelled fetcher option',
    SPLUNK,
    'skip_ssl_verification: true\n\n  # -------------------------------------------------------------------------\n  # STEP 2',
    'skip_ssl_verify: true\n\n  # -------------------------------------------------------------------------\n  # STEP 2',
    [['unknown-key', 95, 9]],
  ],
  [
    'undeclared const in single quotes',
    SPLUNK,
    "'{{consts.splunk_url}}/services/search/jobs'",
    "'{{consts.splunk_uri}}/services/search/jobs'",
    [['undeclared-const', 89, 15]],
  ],
  ['misspelled wait', SPLUNK, '    type: wait', '    type: waitt', [['unknown-step-type', 104, 11]]],
  [
    'self reference in a folded scalar',
    SPLUNK,
    'jobs/{{steps.send_search_to_splunk.output.data.sid}}',
    'jobs/{{steps.get-splunk-results.output.data.sid}}',
    [['forward-step-reference', 126, 54]],
  ],
  [
    'undeclared input after escaped quotes',
    SPLUNK,
    'append: inputs.splunk_query',
    'append: inputs.splunk_q',
    [['undeclared-input', 93, 46]],
  ],
  ['schedule every 30 seconds', NOISY, 'every: 15m', 'every: 30s', [['schedule-too-frequent', 63, 14]]],
  ['schedule with a bad interval', NOISY, 'every: 15m', 'every: 15 minutes', [['invalid-duration', 63, 14]]],
  [
    'schedule with every and rrule',
    NOISY,
    'every: 15m',
    'every: 15m\n      rrule:\n        freq: DAILY',
    [['unknown-key', 64, 7]],
  ],
  ['misspelled trigger type', NOISY, '  - type: manual', '  - type: manul', [['invalid-value', 49, 11]]],
  [
    'foreach.* outside a loop',
    NOISY,
    'Processed {{ steps.run_esql.output.values | size }}',
    'Processed {{ foreach.total }}',
    [['foreach-outside-loop', 144, 22]],
  ],
  [
    'foreach step without its list',
    NOISY,
    '    foreach: "{{ steps.run_esql',
    '    items: "{{ steps.run_esql',
    [
      ['missing-field', 74, 5],
      ['unknown-key', 76, 5],
    ],
  ],
  [
    'invalid KQL condition',
    NOISY,
    'condition: "not steps.get_exception.error: *"',
    'condition: "not steps.get_exception.error: (*"',
    [['invalid-kql', 96, 52]],
  ],
  [
    'misspelled step in a KQL condition',
    NOISY,
    'condition: "not steps.get_exception.error: *"',
    'condition: "not steps.get_exceptions.error: *"',
    [['unknown-step-reference', 96, 25]],
  ],
  [
    'loop.continue inside a foreach takes no options',
    NOISY,
    '            type: console\n            with:\n              message: "Exception already exists',
    '            type: loop.continue\n            with:\n              message: "Exception already exists',
    [['unknown-key', 101, 15]],
  ],
  [
    'loop.break outside a loop',
    NOISY,
    '    type: console\n    with:\n      message: |\n        Processed',
    '    type: loop.break\n    with:\n      message: |\n        Processed',
    [
      ['loop-control-outside-loop', 141, 11],
      ['unknown-key', 143, 7],
    ],
  ],
  ['duplicate step name', NOISY, '  - name: log_summary', '  - name: run_esql', [['duplicate-step-name', 140, 11]]],
  [
    'missing ES|QL query (open with)',
    NOISY,
    '      query: "{{ inputs.esql_query }}"',
    '      querry: "{{ inputs.esql_query }}"',
    [['missing-field', 72, 7]],
  ],
  ['boolean option as a string', S3, '{pretty: true}', '{pretty: yes}', [['invalid-type', 59, 20]]],
  [
    'data step without source',
    S3,
    '        source: {',
    '        src: {',
    [
      ['missing-field', 52, 9],
      ['unknown-key', 54, 9],
    ],
  ],
  ['unclosed expression in a condition', S3, 'hasContent}}"', 'hasContent}"', [['liquid-syntax', 32, 18]]],
  ['unknown language version', S3, "version: '1'", "version: '2'", [['invalid-value', 1, 10]]],
  ['tags as a string', S3, "tags: ['agent-builder-tool']", "tags: 'agent-builder-tool'", [['invalid-type', 4, 7]]],
  ['unknown input type', S3, '        type: number', '        type: integer', [['invalid-value', 18, 15]]],
  ['unclosed quote', S3, 'key: "${{ inputs.key }}"', 'key: "${{ inputs.key }}', [['yaml-syntax', 28, 30]]],
  [
    'wrong indentation of a step field',
    S3,
    '    type: amazon_s3.downloadFile\n    connector-id',
    '    type: amazon_s3.downloadFile\n      connector-id',
    [['yaml-syntax', 24, 11]],
  ],
  [
    'with dedented under the step',
    AGENT,
    '    with:\n      message: "Triage',
    '    with:\n    message: "Triage',
    [
      ['invalid-type', 72, 5],
      ['unknown-key', 73, 5],
    ],
  ],
  ['misspelled ai.agent field', AGENT, 'agent-id: alert.triage', 'agent_id: alert.triage', [['unknown-key', 70, 5]]],
  [
    'boolean step field as a string',
    AGENT,
    'create-conversation: true',
    'create-conversation: "yes"',
    [['invalid-type', 71, 26]],
  ],
  [
    'alert severity not a list',
    AGENT,
    '  - type:  alert',
    '  - type:  alert\n    with:\n      severity: high',
    [['invalid-type', 30, 17]],
  ],
  [
    'alert condition not KQL',
    AGENT,
    '  - type:  alert',
    '  - type:  alert\n    with:\n      condition: "host.name : (web"',
    [['invalid-kql', 30, 31]],
  ],
  ['a step that is not a map', AGENT, '\nsteps:\n', '\nsteps:\n  - log it\n', [['invalid-type', 43, 5]]],
  [
    'Kibana action not in the catalogue',
    TAG,
    'type: kibana.SetAlertTags',
    'type: kibana.SetAlertTag',
    [['unknown-kibana-action', 69, 11]],
  ],
  [
    'unclosed expression in a flow list',
    TAG,
    '["{{inputs.alertid}}"]',
    '["{{inputs.alertid"]',
    [['liquid-syntax', 71, 14]],
  ],
  [
    'missing steps',
    TAG,
    '\nsteps:\n',
    '\nstepz:\n',
    [
      ['missing-field', 13, 1],
      ['unknown-key', 55, 1],
    ],
  ],
  [
    'undeclared const',
    TUNING,
    'agent-id: "{{ consts.agent_id }}"',
    'agent-id: "{{ consts.agent }}"',
    [['undeclared-const', 357, 31]],
  ],
  ['settings timeout with a space', TUNING, 'timeout: "20m"', 'timeout: "20 m"', [['invalid-duration', 65, 12]]],
  [
    'unknown concurrency strategy',
    TUNING,
    'timeout: "20m"',
    'timeout: "20m"\n  concurrency:\n    strategy: cancel',
    [['invalid-value', 67, 15]],
  ],
  [
    'parseJson without source',
    TUNING,
    '                    source: "${{ steps.capture_agent_json.output.agent_json }}"\n',
    '',
    [['missing-field', 476, 21]],
  ],
  [
    'misspelled switch field',
    GITHUB,
    'expression: "{{ inputs.resource_type }}"',
    'expr: "{{ inputs.resource_type }}"',
    [
      ['missing-field', 70, 5],
      ['unknown-key', 72, 5],
    ],
  ],
  [
    'misspelled switch case field',
    GITHUB,
    '- match: getCommit',
    '- matches: getCommit',
    [
      ['missing-field', 74, 9],
      ['unknown-key', 74, 9],
    ],
  ],
  ['unsupported rrule frequency', PCI, 'freq: DAILY', 'freq: HOURLY', [['invalid-value', 42, 15]]],
  ['rrule hour out of range', PCI, 'byhour:\n          - 6', 'byhour:\n          - 25', [['invalid-value', 46, 13]]],
];

describe('parseWorkflowYaml on mutated corpus files', () => {
  it.each(MUTATIONS)('%s', (_label, file, find, replace, expected) => {
    const original = readCorpusFile(file);
    expect(original.split(find)).toHaveLength(2);
    const baseline = new Set(parseWorkflowYaml(original).findings.map((f) => `${f.code} ${f.message}`));
    const result = parseWorkflowYaml(original.replace(find, replace));
    const added = result.findings.filter((f) => !baseline.has(`${f.code} ${f.message}`));
    expect(added.map((f): Expected => [f.code, f.line, f.column])).toEqual(expected);
    expect(result.valid).toBe(!added.some((f) => f.severity === 'error'));
  });
});
