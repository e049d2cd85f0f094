import { Scalar } from 'yaml';

/**
 * Where each character of a scalar's value sits in the YAML source. Messages about a spot inside a
 * string (a Liquid error, a step reference) point there, even through quotes, escapes and block
 * indentation. Folded text is mapped line by line, which is exact except for unusual indentation.
 */

interface MappedChar {
  char: string;
  offset: number;
}
type Line = MappedChar[];

const isBlank = (char: string) => char === ' ' || char === '\t';

const trimLine = (line: Line, { start, end }: { start: boolean; end: boolean }): Line => {
  let from = 0;
  let to = line.length;
  if (start) while (from < to && isBlank(line[from].char)) from++;
  if (end) while (to > from && isBlank(line[to - 1].char)) to--;
  return line.slice(from, to);
};

/** YAML line folding: one break becomes a space, n+1 breaks become n newlines. */
const fold = (lines: Line[], keepBreak: (previous: Line, next: Line) => boolean): Line => {
  const out: Line = [];
  let pendingBreaks = 0;
  let previous: Line | undefined;
  for (const line of lines) {
    if (line.length === 0 && previous) {
      pendingBreaks++;
      continue;
    }
    if (previous) {
      const at = previous.length ? previous[previous.length - 1].offset + 1 : (line[0]?.offset ?? 0);
      const breaks = keepBreak(previous, line) ? pendingBreaks + 1 : pendingBreaks;
      if (breaks === 0) out.push({ char: ' ', offset: at });
      for (let i = 0; i < breaks; i++) out.push({ char: '\n', offset: at });
    } else {
      for (let i = 0; i < pendingBreaks; i++) out.push({ char: '\n', offset: line[0]?.offset ?? 0 });
    }
    out.push(...line);
    previous = line;
    pendingBreaks = 0;
  }
  return out;
};

const splitLines = (source: string, from: number, to: number): Line[] => {
  const lines: Line[] = [[]];
  for (let offset = from; offset < to; offset++) {
    const char = source[offset];
    if (char === '\n') lines.push([]);
    else if (char !== '\r') lines[lines.length - 1].push({ char, offset });
  }
  return lines;
};

const flowLines = (lines: Line[]): Line[] =>
  lines.map((line, i) => trimLine(line, { start: i > 0, end: i < lines.length - 1 }));

const DOUBLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

const unescapeDouble = (line: Line): Line => {
  const out: Line = [];
  for (let i = 0; i < line.length; i++) {
    const { char, offset } = line[i];
    if (char !== '\\' || i + 1 >= line.length) {
      out.push({ char, offset });
      continue;
    }
    const code = line[i + 1].char;
    const hex = HEX_LENGTH[code];
    if (hex) {
      const digits = line
        .slice(i + 2, i + 2 + hex)
        .map((c) => c.char)
        .join('');
      out.push(...[...String.fromCodePoint(parseInt(digits, 16) || 0)].map((c) => ({ char: c, offset })));
      i += 1 + hex;
    } else {
      out.push({ char: DOUBLE_ESCAPES[code] ?? code, offset });
      i += 1;
    }
  }
  return out;
};

const mapDoubleQuoted = (source: string, start: number, end: number): Line => {
  const lines = flowLines(splitLines(source, start + 1, end - 1));
  // A line ending in an unescaped backslash continues without a space.
  const escapedBreak = (line: Line) => {
    let slashes = 0;
    for (let i = line.length - 1; i >= 0 && line[i].char === '\\'; i--) slashes++;
    return slashes % 2 === 1;
  };
  const joined: Line[] = [];
  for (const line of lines) {
    const last = joined[joined.length - 1];
    if (last && escapedBreak(last))
      joined[joined.length - 1] = [...last.slice(0, -1), ...trimLine(line, { start: true, end: false })];
    else joined.push(line);
  }
  return fold(joined.map(unescapeDouble), () => false);
};

const unescapeSingle = (line: Line): Line => {
  const out: Line = [];
  for (let i = 0; i < line.length; i++) {
    out.push(line[i]);
    if (line[i].char === "'" && line[i + 1]?.char === "'") i++;
  }
  return out;
};

const mapSingleQuoted = (source: string, start: number, end: number): Line =>
  fold(flowLines(splitLines(source, start + 1, end - 1)).map(unescapeSingle), () => false);

const mapBlock = (source: string, start: number, end: number, folded: boolean): Line => {
  const headerEnd = source.indexOf('\n', start);
  if (headerEnd < 0 || headerEnd >= end) return [];
  const lines = splitLines(source, headerEnd + 1, end);
  const firstContent = lines.find((line) => line.some((c) => !isBlank(c.char)));
  let indent = 0;
  while (firstContent && indent < firstContent.length && firstContent[indent].char === ' ') indent++;
  const content = lines.map((line) => (line.some((c) => !isBlank(c.char)) ? line.slice(indent) : []));
  while (content.length && content[content.length - 1].length === 0) content.pop();
  if (!folded) {
    return content.flatMap((line, i) =>
      i === 0 ? line : [{ char: '\n', offset: (line[0]?.offset ?? 1) - 1 }, ...line]
    );
  }
  const moreIndented = (line: Line) => line.length > 0 && isBlank(line[0].char);
  return fold(content, (previous, next) => moreIndented(previous) || moreIndented(next));
};

const mapScalar = (node: Scalar, source: string): Line => {
  const [start, end] = node.range ?? [0, 0];
  switch (node.type) {
    case Scalar.QUOTE_DOUBLE:
      return mapDoubleQuoted(source, start, end);
    case Scalar.QUOTE_SINGLE:
      return mapSingleQuoted(source, start, end);
    case Scalar.BLOCK_LITERAL:
      return mapBlock(source, start, end, false);
    case Scalar.BLOCK_FOLDED:
      return mapBlock(source, start, end, true);
    default:
      return fold(flowLines(splitLines(source, start, end)), () => false);
  }
};

/**
 * Source offset of the character at `valueOffset` in the scalar's value. Falls back to the start
 * of the scalar when the mapping disagrees with the parsed value (it never points elsewhere).
 */
export const scalarSourceOffset = (node: Scalar, source: string, valueOffset: number): number => {
  const start = node.range?.[0] ?? 0;
  const mapped = mapScalar(node, source);
  const value = String(node.value);
  const upTo = Math.min(valueOffset + 1, mapped.length);
  const agrees = mapped.slice(0, upTo).every((c, i) => c.char === value[i]);
  if (!agrees || mapped.length === 0) return start;
  return mapped[Math.min(valueOffset, mapped.length - 1)].offset;
};

/** The value as rebuilt from the source; exposed so tests can check the mapping against the parser. */
export const rebuildScalarValue = (node: Scalar, source: string): string =>
  mapScalar(node, source)
    .map((c) => c.char)
    .join('');
