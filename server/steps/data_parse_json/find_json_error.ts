export interface JsonProblem {
  /** 0-based offset of the first character that cannot be JSON. */
  offset: number;
  message: string;
}

type Expect = 'value' | 'valueOrClose' | 'keyOrClose' | 'key' | 'colon' | 'commaOrClose' | 'end';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX4 = /^[0-9a-fA-F]{4}$/;

/**
 * Where and why `text` is not JSON, or undefined when it is. JSON.parse gives the position only
 * for some errors, and words them differently from one Node version to the next. Iterative, so
 * deeply nested text cannot overflow the stack.
 */
export function findJsonError(text: string): JsonProblem | undefined {
  const closers: string[] = [];
  let expect: Expect = 'value';
  let at = 0;
  const afterValue = (): Expect => (closers.length > 0 ? 'commaOrClose' : 'end');
  const wanted = (): string =>
    ({
      value: 'a value',
      valueOrClose: 'a value or "]"',
      keyOrClose: 'a property name in double quotes or "}"',
      key: 'a property name in double quotes',
      colon: '":"',
      commaOrClose: `"," or "${closers[closers.length - 1]}"`,
      end: 'the end',
    })[expect];

  for (;;) {
    WHITESPACE.lastIndex = at;
    WHITESPACE.exec(text);
    at = WHITESPACE.lastIndex;
    const char = text[at];
    if (char === undefined) return expect === 'end' ? undefined : { offset: at, message: `the text ends where ${wanted()} was expected` };
    const unexpected = (): JsonProblem =>
      expect === 'end'
        ? { offset: at, message: `unexpected ${JSON.stringify(char)} after the JSON value` }
        : { offset: at, message: `expected ${wanted()} but found ${JSON.stringify(char)}` };

    if (expect === 'valueOrClose' && char === ']') {
      closers.pop();
      at++;
      expect = afterValue();
    } else if (expect === 'value' || expect === 'valueOrClose') {
      if (char === '{' || char === '[') {
        closers.push(char === '{' ? '}' : ']');
        at++;
        expect = char === '{' ? 'keyOrClose' : 'valueOrClose';
        continue;
      }
      const end = scanScalar(text, at);
      if (end === undefined) return unexpected();
      if (typeof end !== 'number') return end;
      at = end;
      expect = afterValue();
    } else if (expect === 'keyOrClose' && char === '}') {
      closers.pop();
      at++;
      expect = afterValue();
    } else if (expect === 'key' || expect === 'keyOrClose') {
      if (char !== '"') return unexpected();
      const end = scanString(text, at);
      if (typeof end !== 'number') return end;
      at = end;
      expect = 'colon';
    } else if (expect === 'colon' && char === ':') {
      at++;
      expect = 'value';
    } else if (expect === 'commaOrClose' && char === ',') {
      at++;
      expect = closers[closers.length - 1] === '}' ? 'key' : 'value';
    } else if (expect === 'commaOrClose' && char === closers[closers.length - 1]) {
      closers.pop();
      at++;
      expect = afterValue();
    } else {
      return unexpected();
    }
  }
}

function scanScalar(text: string, at: number): number | JsonProblem | undefined {
  if (text[at] === '"') return scanString(text, at);
  NUMBER.lastIndex = at;
  if (NUMBER.exec(text)) return NUMBER.lastIndex;
  const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, at));
  return literal ? at + literal.length : undefined;
}

function scanString(text: string, start: number): number | JsonProblem {
  for (let at = start + 1; at < text.length; at++) {
    const char = text[at];
    if (char === '"') return at + 1;
    if (char < ' ') return { offset: at, message: 'a control character (such as a line break) inside a string' };
    if (char === '\\') {
      const escaped = text[at + 1];
      if (escaped === 'u' && HEX4.test(text.slice(at + 2, at + 6))) at += 5;
      else if (ESCAPES.has(escaped)) at++;
      else return { offset: at, message: 'an invalid escape inside a string' };
    }
  }
  return { offset: start, message: 'a string that is not closed' };
}
