import fs from 'fs';
import path from 'path';
import { parseWorkflowYaml } from './parse';
const root = path.resolve(__dirname, '../../../shared/corpus/elastic-workflows');
const files: string[] = [];
const walk = (d: string) => fs.readdirSync(d).forEach((f) => { const p = path.join(d, f); if (fs.statSync(p).isDirectory()) walk(p); else if (p.endsWith('.yaml')) files.push(p); });
walk(root);
test('corpus', () => {
  const counts: Record<string, number> = {};
  let invalid = 0;
  for (const f of files) {
    const r = parseWorkflowYaml(fs.readFileSync(f, 'utf8'));
    if (!r.valid) invalid++;
    for (const x of r.findings) { counts[x.code] = (counts[x.code] ?? 0) + 1; if (x.severity === 'error' || process.env.SHOW === x.code) console.log(path.relative(root, f), x.line, x.column, x.code, x.message); }
  }
  console.log(files.length, 'invalid', invalid, counts);
});
