/** Workflows shared by the engine tests and the host integration tests. */

/** foreach over hosts → foreach over their alerts → if serious → switch on severity. */
export const NESTED_TRIAGE_STEPS = `  - name: hosts
    type: foreach
    foreach: "\${{ inputs.hosts }}"
    steps:
      - name: per_alert
        type: foreach
        foreach: "\${{ foreach.item.alerts }}"
        steps:
          - name: serious
            type: if
            condition: "foreach.item : (high or critical)"
            steps:
              - name: route
                type: switch
                expression: "{{ foreach.item }}"
                cases:
                  - match: critical
                    steps:
                      - { name: page, type: console, with: { message: "page {{ foreach.item }}" } }
                default:
                  - { name: ticket, type: console, with: { message: "ticket {{ foreach.item }}" } }
            else:
              - { name: ignore, type: console, with: { message: "ignore {{ foreach.item }}" } }
`;

export const NESTED_TRIAGE_INPUTS = { hosts: [{ name: 'web', alerts: ['low', 'high'] }, { name: 'db', alerts: ['critical'] }] };

export const NESTED_TRIAGE_OUTPUTS = [
  ['hosts[0]>per_alert[0]>ignore', 'ignore low'],
  ['hosts[0]>per_alert[1]>ticket', 'ticket high'],
  ['hosts[1]>per_alert[0]>page', 'page critical'],
];
