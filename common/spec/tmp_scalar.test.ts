import fs from 'fs';
import path from 'path';
import { parseDocument, visit, isScalar, LineCounter } from 'yaml';
import { rebuildScalarValue } from './yaml/scalar_offsets';
const root = '/work/shared/corpus/elastic-workflows';
const files: string[] = [];
const walk = (d: string) => fs.readdirSync(d).forEach((f) => { const p = path.join(d, f); if (fs.statSync(p).isDirectory()) walk(p); else if (p.endsWith('.yaml')) files.push(p); });
walk(root);
test('rebuild', () => {
  let n = 0, bad = 0;
  for (const f of files) {
    const src = fs.readFileSync(f, 'utf8');
    const doc = parseDocument(src, { lineCounter: new LineCounter() });
    visit(doc, { Scalar(_k, node) { if (typeof node.value !== 'string') return; n++; const r = rebuildScalarValue(node, src); const v = node.value as string; if (!(v === r || v.startsWith(r) && /^\n*$/.test(v.slice(r.length)))) { bad++; if (bad < 8) console.log(f, node.type, JSON.stringify(v.slice(0,200)), JSON.stringify(r.slice(0,200))); } } });
  }
  console.log('scalars', n, 'bad', bad);
});
