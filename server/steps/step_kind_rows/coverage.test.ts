/** The per-kind table has a row for every step kind: a new kind without its four scenarios fails here. */
import { createStepRegistry } from '../registry';
import { connectorAiRows } from './connector_ai_rows';
import { dataRows } from './data_rows';
import { flowRows } from './flow_rows';
import { ioRows } from './io_rows';
import { KIND_CASES } from './kind_row';
import { runControlRows } from './run_control_rows';

const rows = [...dataRows, ...flowRows, ...runControlRows, ...ioRows, ...connectorAiRows];
/** One example of each open family the registry serves by pattern. */
const FAMILY_EXAMPLES = ['elasticsearch.search', 'elasticsearch.indices.exists', 'kibana.createCaseDefaultSpace', 'cases.createCase', 'slack', 'servicenow.pushToService'];

describe('the per-kind table', () => {
  it('has a row for every registered step kind and an example of every family', () => {
    const covered = rows.map((row) => row.type);
    const missing = [...createStepRegistry().types(), ...FAMILY_EXAMPLES].filter((type) => !covered.includes(type));
    expect(missing).toEqual([]);
  });

  it('gives every row each scenario once, and every kind one row', () => {
    for (const row of rows) expect(Object.keys(row.cases).sort()).toEqual([...KIND_CASES].sort());
    expect(new Set(rows.map((row) => row.type)).size).toBe(rows.length);
  });

  it('serves every family example through a registered kind', () => {
    const registry = createStepRegistry();
    expect(FAMILY_EXAMPLES.filter((type) => !registry.get(type))).toEqual([]);
  });
});
