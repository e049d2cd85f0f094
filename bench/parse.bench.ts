/**
 * Parse + validate speed of the workflow language: every file of Elastic's corpus, and one
 * generated 2,000-step workflow. Prints a table, or one JSON object with --json.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseWorkflowYaml } from '../common/spec';

// Benchmarks run from the project root (bench/run.mjs sets the working directory).
const CORPUS = resolve(process.cwd(), '../shared/corpus/elastic-workflows');
const json = process.argv.includes('--json');
const rounds = process.argv.includes('--quick') ? 3 : 10;

const listYaml = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listYaml(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []
  );

/** A long but realistic workflow: set, branch and log, repeated, with references to earlier steps. */
export function generateWorkflow(steps: number): string {
  const lines = ['name: Generated', 'triggers:', '  - type: manual', 'steps:'];
  let count = 0;
  for (let i = 0; count + 3 <= steps; i++, count += 3) {
    lines.push(
      `  - name: set_${i}`,
      '    type: data.set',
      '    with:',
      `      value_${i}: "{{ inputs.host | default: 'none' }}-${i}"`,
      `  - name: check_${i}`,
      '    type: if',
      `    condition: "variables.value_${i} : *-${i} and not inputs.skip : true"`,
      '    steps:',
      `      - name: log_${i}`,
      '        type: console',
      '        with:',
      `          message: "{{ steps.set_${i}.output.value_${i} }}"`
    );
  }
  for (; count < steps; count++) lines.push(`  - name: tail_${count}`, '    type: console', '    with:', '      message: done');
  return lines.join('\n') + '\n';
}

const time = (work: () => void) => {
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    work();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
};

const files = listYaml(CORPUS).map((f) => readFileSync(f, 'utf8'));
// One warm-up pass so the figures are steady-state, not first-call JIT costs.
files.forEach((f) => parseWorkflowYaml(f));
const corpusMs = time(() => files.forEach((f) => parseWorkflowYaml(f)));
const big = generateWorkflow(2000);
const bigSteps = (big.match(/- name:/g) ?? []).length;
parseWorkflowYaml(big);
const bigMs = time(() => parseWorkflowYaml(big));

const result = {
  corpusFiles: files.length,
  corpusTotalMs: +corpusMs.toFixed(1),
  corpusPerFileMs: +(corpusMs / files.length).toFixed(2),
  generatedSteps: bigSteps,
  generatedMs: +bigMs.toFixed(1),
  generatedPerStepUs: +((bigMs * 1000) / bigSteps).toFixed(1),
};
if (json) console.log(JSON.stringify(result));
else {
  console.log(`corpus: ${result.corpusFiles} files, ${result.corpusTotalMs} ms total, ${result.corpusPerFileMs} ms per file (median of ${rounds})`);
  console.log(`generated: ${result.generatedSteps} steps, ${result.generatedMs} ms, ${result.generatedPerStepUs} µs per step`);
}
