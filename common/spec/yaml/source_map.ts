import { type Document, isAlias, isMap, isScalar, isSeq, type LineCounter, type Node, type Pair } from 'yaml';
import type { SourcePosition } from '../../api/types';
import { scalarSourceOffset } from './scalar_offsets';

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/** Finds the YAML node behind a path of the parsed value, and its line and column. */
export class SourceMap {
  constructor(
    private readonly doc: Document,
    private readonly lineCounter: LineCounter,
    private readonly source: string
  ) {}

  position(offset: number): SourcePosition {
    const { line, col } = this.lineCounter.linePos(offset);
    return { line, column: col };
  }

  /** The pair whose key is the last segment of `path`, when the parent is a map. */
  pair(path: Path): Pair | undefined {
    if (path.length === 0) return undefined;
    const parent = this.node(path.slice(0, -1));
    if (!isMap(parent)) return undefined;
    const key = String(path[path.length - 1]);
    return parent.items.find((pair) => String(isScalar(pair.key) ? pair.key.value : pair.key) === key);
  }

  node(path: Path): Node | undefined {
    let node: unknown = this.doc.contents;
    for (const segment of path) {
      node = this.resolve(node);
      if (isMap(node)) {
        node = node.items.find(
          (pair) => String(isScalar(pair.key) ? pair.key.value : pair.key) === String(segment)
        )?.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
      } else {
        return undefined;
      }
    }
    return (this.resolve(node) as Node | undefined) ?? undefined;
  }

  /** Where the value at `path` starts; the key when the value is empty; else the nearest ancestor. */
  valuePosition(path: Path): SourcePosition {
    const node = this.node(path);
    // `key:` with nothing after it parses as an empty null scalar: point at the key instead.
    const empty = isScalar(node) && node.value === null && node.range?.[0] === node.range?.[1];
    if (node?.range && !empty) return this.position(node.range[0]);
    const key = this.pair(path)?.key;
    if (isScalar(key) && key.range) return this.position(key.range[0]);
    return path.length ? this.valuePosition(path.slice(0, -1)) : { line: 1, column: 1 };
  }

  /** Where the key of the last segment of `path` is written. */
  keyPosition(path: Path): SourcePosition {
    const key = this.pair(path)?.key;
    if (isScalar(key) && key.range) return this.position(key.range[0]);
    return this.valuePosition(path);
  }

  /** A spot inside a string value: `offset` counts characters of the parsed string. */
  scalarPosition(path: Path, offset: number): SourcePosition {
    const node = this.node(path);
    if (!isScalar(node) || typeof node.value !== 'string') return this.valuePosition(path);
    return this.position(scalarSourceOffset(node, this.source, offset));
  }

  private resolve(node: unknown): unknown {
    return isAlias(node) ? node.resolve(this.doc) : node;
  }
}
