import type { KqlLiteral, KqlNode, KqlRangeOperator, KqlValueExpression } from './ast';
import { KqlSyntaxError } from './kql_syntax_error';

// Characters that end an unquoted word, as in Kibana's KQL grammar (`*` is a wildcard instead).
const SPECIAL = new Set(['\\', '(', ')', ':', '<', '>', '"', '{', '}']);
const ESCAPED_WHITESPACE: Record<string, string> = { t: '\t', r: '\r', n: '\n' };

const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/.test(ch);
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Recursive descent over the query text, following Kibana's KQL grammar (`not` binds tighter than
 * `and`, which binds tighter than `or`; keywords in any case), with two additions for conditions
 * written in YAML: a value in single quotes is a quoted string (the corpus writes
 * `snmp.trap_oid: '1.3.6.1'`), and `?` is a one-character wildcard next to `*`.
 */
class KqlParser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parse(): KqlNode {
    this.skipSpace();
    if (this.atEnd()) this.fail('Expected a condition but the query is empty', 0);
    const node = this.parseOr();
    this.skipSpace();
    if (!this.atEnd()) this.unexpected();
    return node;
  }

  private fail(message: string, offset = this.pos): never {
    throw new KqlSyntaxError(message, offset);
  }

  private unexpected(): never {
    const ch = this.text[this.pos];
    if (ch === undefined) this.fail('Unexpected end of query');
    if (ch === '{') this.fail('Nested field queries ("{ }") are not supported');
    this.fail(`Unexpected "${ch}"`);
  }

  private atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  private skipSpace(): void {
    while (isSpace(this.text[this.pos])) this.pos++;
  }

  /** `word` at `offset` as a keyword: any case, not glued to the following word. */
  private keywordAt(offset: number, word: string): boolean {
    if (this.text.slice(offset, offset + word.length).toLowerCase() !== word) return false;
    const next = this.text[offset + word.length];
    return next === undefined || isSpace(next) || next === '(' || next === ')' || next === '"';
  }

  /** operand (keyword operand)*, flattened into one node: `a or b or c` has three children. */
  private parseChain<T extends KqlNode | KqlValueExpression>(
    keyword: 'or' | 'and',
    operand: () => T,
    what = 'a condition'
  ): T {
    const children = [operand()];
    for (;;) {
      const save = this.pos;
      this.skipSpace();
      // Keywords need a space before them, except right after a closing parenthesis.
      const separated = this.pos > save || this.text[save - 1] === ')';
      if (!separated || !this.keywordAt(this.pos, keyword)) {
        this.pos = save;
        break;
      }
      this.pos += keyword.length;
      this.skipSpace();
      if (this.atEnd() || this.text[this.pos] === ')') this.fail(`Expected ${what} after "${keyword}"`);
      children.push(operand());
    }
    return (children.length === 1 ? children[0] : { type: keyword, children }) as T;
  }

  /** `not` followed by a space or "(", so a field named `notes` or `not` still reads as a field. */
  private takeNot(what = 'a condition'): boolean {
    this.skipSpace();
    const next = this.text[this.pos + 3];
    if (!this.keywordAt(this.pos, 'not') || !(isSpace(next) || next === '(')) return false;
    this.pos += 3;
    this.skipSpace();
    if (this.atEnd()) this.fail(`Expected ${what} after "not"`);
    return true;
  }

  private parseOr(): KqlNode {
    return this.parseChain('or', () => this.parseChain('and', () => this.parseNot()));
  }

  private parseNot(): KqlNode {
    return this.takeNot() ? { type: 'not', child: this.parseNot() } : this.parsePrimary();
  }

  private parseGroup<T>(inner: () => T, what: string): T {
    const open = this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === ')') this.fail(`Expected ${what} inside "()"`);
    const node = inner();
    this.skipSpace();
    if (this.text[this.pos] !== ')') this.fail('Missing ")" to close "("', open);
    this.pos++;
    return node;
  }

  private parsePrimary(): KqlNode {
    this.skipSpace();
    if (this.text[this.pos] === '(') {
      return this.parseGroup(() => this.parseOr(), 'a condition');
    }
    const ch = this.text[this.pos];
    if (ch === ':' || ch === '<' || ch === '>') this.fail(`Expected a field name before "${ch}"`);
    const start = this.pos;
    const term = this.readLiteral();
    if (!term) this.unexpected();
    const afterTerm = this.pos;
    this.skipSpace();
    const field = term.value;
    if (this.text[this.pos] === ':') {
      this.pos++;
      return this.parseFieldValue(field);
    }
    const operator = this.readRangeOperator();
    if (operator) return this.parseRange(field, operator);
    this.pos = afterTerm;
    if (!term.quoted && /^(true|false)$/i.test(field))
      return { type: 'boolean', value: field.toLowerCase() === 'true' };
    return this.fail(`Expected ":" or a comparison after "${this.text.slice(start, afterTerm)}"`);
  }

  private readRangeOperator(): KqlRangeOperator | undefined {
    const ch = this.text[this.pos];
    if (ch !== '<' && ch !== '>') return undefined;
    const operator = (this.text[this.pos + 1] === '=' ? `${ch}=` : ch) as KqlRangeOperator;
    this.pos += operator.length;
    return operator;
  }

  private parseRange(field: string, operator: KqlRangeOperator): KqlNode {
    this.skipSpace();
    if (this.text[this.pos] === '(') this.fail(`Expected a single value after "${operator}"`);
    const start = this.pos;
    const value = this.readLiteral();
    if (!value) this.fail(`Expected a value after "${operator}"`);
    if (value.pattern) this.fail(`Wildcards cannot be compared with "${operator}"`, start);
    return { type: 'range', field, operator, value };
  }

  private parseFieldValue(field: string): KqlNode {
    this.skipSpace();
    if (this.text[this.pos] === '(') {
      return { type: 'match', field, value: this.parseGroup(() => this.parseValueOr(), 'a value') };
    }
    const value = this.readLiteral();
    if (!value) {
      if (this.text[this.pos] === '{') this.unexpected();
      this.fail('Expected a value after ":"');
    }
    if (value.pattern && value.value === '*') return { type: 'exists', field };
    return { type: 'match', field, value };
  }

  private parseValueOr(): KqlValueExpression {
    return this.parseChain('or', () => this.parseChain('and', () => this.parseValueNot(), 'a value'), 'a value');
  }

  private parseValueNot(): KqlValueExpression {
    if (this.takeNot('a value')) return { type: 'not', child: this.parseValueNot() };
    this.skipSpace();
    if (this.text[this.pos] === '(') return this.parseGroup(() => this.parseValueOr(), 'a value');
    const value = this.readLiteral();
    if (value) return value;
    if (this.atEnd() || this.text[this.pos] === ')') this.fail('Expected a value');
    return this.unexpected();
  }

  /** A quoted string, or an unquoted run of words up to a special character or a keyword. */
  private readLiteral(): KqlLiteral | undefined {
    const quote = this.text[this.pos];
    if (quote === '"' || quote === "'") return this.readQuoted(quote);
    let value = '';
    let source = '';
    let wildcard = false;
    while (!this.atEnd()) {
      const ch = this.text[this.pos];
      if (ch === '\\') {
        const next = this.text[this.pos + 1];
        if (next === undefined) this.fail('Nothing to escape after "\\"');
        const literal = ESCAPED_WHITESPACE[next] ?? next;
        value += literal;
        source += escapeRegExp(literal);
        this.pos += 2;
      } else if (isSpace(ch)) {
        // Words separated by spaces form one value (`message: disk full`) unless a keyword,
        // a special character or the end follows; trailing spaces are not part of the value.
        let next = this.pos;
        while (isSpace(this.text[next])) next++;
        const after = this.text[next];
        if (after === undefined || SPECIAL.has(after) || ['and', 'or', 'not'].some((k) => this.keywordAt(next, k)))
          break;
        value += this.text.slice(this.pos, next);
        source += escapeRegExp(this.text.slice(this.pos, next));
        this.pos = next;
      } else if (SPECIAL.has(ch)) {
        break;
      } else {
        wildcard ||= ch === '*' || ch === '?';
        value += ch;
        source += ch === '*' ? '.*' : ch === '?' ? '.' : escapeRegExp(ch);
        this.pos++;
      }
    }
    if (value === '') return undefined;
    return wildcard
      ? { type: 'literal', value, quoted: false, pattern: new RegExp(`^${source}$`, 's') }
      : { type: 'literal', value, quoted: false };
  }

  private readQuoted(quote: string): KqlLiteral {
    const start = this.pos++;
    let value = '';
    while (this.text[this.pos] !== quote) {
      const ch = this.text[this.pos];
      if (ch === undefined) this.fail('Unterminated quoted string', start);
      if (ch === '\\' && this.pos + 1 < this.text.length) {
        const next = this.text[this.pos + 1];
        value += next === quote || next === '\\' ? next : (ESCAPED_WHITESPACE[next] ?? `\\${next}`);
        this.pos += 2;
      } else {
        value += ch;
        this.pos++;
      }
    }
    this.pos++;
    return { type: 'literal', value, quoted: true };
  }
}

/** Parses a KQL query; throws `KqlSyntaxError` with the offset of the first problem. */
export function parseKql(query: string): KqlNode {
  return new KqlParser(query).parse();
}

/** The first syntax problem of `query`, or undefined when it parses (for the validator). */
export function findKqlError(query: string): { message: string; offset: number } | undefined {
  try {
    parseKql(query);
    return undefined;
  } catch (error) {
    if (error instanceof KqlSyntaxError) return { message: error.message, offset: error.offset };
    throw error;
  }
}
