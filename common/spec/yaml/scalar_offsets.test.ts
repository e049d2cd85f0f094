import fs from 'fs';
import { isScalar, LineCounter, parseDocument, visit, type Scalar } from 'yaml';
import { listCorpusFiles } from '../parse.mocks';
import { rebuildScalarValue, scalarSourceOffset } from './scalar_offsets';

const scalarOf = (source: string): Scalar => {
  const node = parseDocument(source).get('v', true);
  if (!isScalar(node)) throw new Error('no scalar v');
  return node;
};

/** Line and column (1-based) of the source character behind `value[offset]`. */
const positionOf = (source: string, offset: number) => {
  const lineCounter = new LineCounter();
  const node = parseDocument(source, { lineCounter }).get('v', true) as Scalar;
  return lineCounter.linePos(scalarSourceOffset(node, source, offset));
};

describe('scalarSourceOffset', () => {
  it.each([
    ['plain', 'v: ab {{ x', 3, { line: 1, col: 7 }],
    ['plain over two lines', 'v: ab\n  cd {{ x', 6, { line: 2, col: 6 }],
    ['single quotes with an escaped quote', "v: 'it''s {{ x'", 5, { line: 1, col: 11 }],
    ['double quotes with escapes', 'v: "a\\"b\\n {{ x"', 5, { line: 1, col: 12 }],
    ['double quotes with a unicode escape', 'v: "\\u00e9 {{ x"', 2, { line: 1, col: 12 }],
    ['literal block', 'v: |\n  one\n  two {{ x\n', 8, { line: 3, col: 7 }],
    ['literal block with a blank line', 'v: |\n  one\n\n  two {{ x\n', 9, { line: 4, col: 7 }],
    ['folded block', 'v: >-\n  one\n  two {{ x\n', 8, { line: 3, col: 7 }],
    ['folded block with a paragraph break', 'v: >\n  one\n\n  two {{ x\n', 8, { line: 4, col: 7 }],
    ['folded block with a more-indented line', 'v: >\n  one\n    two\n  three {{ x\n', 16, { line: 4, col: 9 }],
  ])('maps a value offset in a %s scalar', (_kind, source, offset, expected) => {
    expect(scalarOf(source).value).toEqual(expect.any(String));
    expect(positionOf(source, offset)).toEqual(expected);
  });

  it('points at the start of the scalar when the value cannot be mapped', () => {
    const source = 'v: "ab"';
    const node = scalarOf(source);
    node.value = 'something else';
    expect(scalarSourceOffset(node, source, 3)).toBe(3);
  });

  it('rebuilds every string of the corpus from its source', () => {
    const mismatches: string[] = [];
    for (const file of listCorpusFiles()) {
      const source = fs.readFileSync(file, 'utf8');
      visit(parseDocument(source), {
        Scalar(_key, node) {
          if (typeof node.value !== 'string') return;
          // Chomping only changes trailing newlines, which no finding points at.
          const rebuilt = rebuildScalarValue(node, source);
          if (node.value.replace(/\n+$/, '') !== rebuilt.replace(/\n+$/, ''))
            mismatches.push(`${file}: ${node.value.slice(0, 60)}`);
        },
      });
    }
    expect(mismatches).toEqual([]);
  });
});
