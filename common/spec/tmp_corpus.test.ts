import fs from 'fs';
import path from 'path';
import { parse } from 'yaml';
import { WorkflowSchema } from './workflow';
import { getWorkflowJsonSchema } from './json_schema';
const root = '/work/shared/corpus/elastic-workflows';
const files: string[] = [];
const walk = (d: string) => fs.readdirSync(d).forEach((f) => { const p = path.join(d, f); if (fs.statSync(p).isDirectory()) walk(p); else if (p.endsWith('.yaml')) files.push(p); });
walk(root);
test('corpus', () => {
  let bad = 0;
  for (const f of files) {
    const r = WorkflowSchema.safeParse(parse(fs.readFileSync(f, 'utf8')));
    if (!r.success) { bad++; console.log(f, JSON.stringify(r.error.issues).slice(0, 600)); }
  }
  const js = JSON.stringify(getWorkflowJsonSchema());
  console.log('bad', bad, 'of', files.length, 'schema size', js.length);
});
