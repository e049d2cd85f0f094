import fs from 'fs';
import { parseWorkflowYaml } from './parse';
test('try', () => {
  const src = fs.readFileSync('/tmp/spec/try.yaml', 'utf8');
  const r = parseWorkflowYaml(src);
  for (const f of r.findings) console.log(`${f.line}:${f.column} ${f.severity} ${f.code} [${f.path}] ${f.message}`);
});
