import type { KqlLiteral, KqlNode, KqlRangeOperator, KqlValueExpression } from './ast';
import { resolveField } from './field_values';
import { parseKql } from './parser';

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
// Only strings that start like an ISO date are compared as dates, so "10" stays a number.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && DECIMAL.test(value.trim())) return Number(value);
  return undefined;
}

function toTime(value: unknown): number | undefined {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}

/** Strings, numbers and booleans can match a literal; a Date matches as its ISO string. */
function primitiveOf(value: unknown): string | number | boolean | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
}

/*
 * Keyword-field semantics, as most alert fields are keywords in Elasticsearch:
 * - "quoted" is exact, case-sensitive string equality (numbers and booleans by their text);
 * - unquoted is the same equality plus coercion: numbers (and numeric strings) compare by value
 *   (`count: 5` matches 5, "5" and "5.0"), booleans ignore case (`ok: TRUE`);
 * - `*` and `?` in unquoted values are case-sensitive wildcards, as on keyword fields.
 */
function matchesLiteral(candidate: unknown, literal: KqlLiteral): boolean {
  const value = primitiveOf(candidate);
  if (value === undefined) return false;
  const text = String(value);
  if (literal.quoted) return text === literal.value;
  if (literal.pattern) return literal.pattern.test(text);
  if (text === literal.value) return true;
  if (typeof value === 'boolean') return literal.value.toLowerCase() === text;
  const number = toNumber(value);
  return number !== undefined && number === toNumber(literal.value);
}

function matchesValue(candidates: unknown[], expression: KqlValueExpression): boolean {
  switch (expression.type) {
    case 'literal':
      return candidates.some((candidate) => matchesLiteral(candidate, expression));
    case 'or':
      return expression.children.some((child) => matchesValue(candidates, child));
    case 'and':
      return expression.children.every((child) => matchesValue(candidates, child));
    case 'not':
      return !matchesValue(candidates, expression.child);
  }
}

function compare<T extends number | string>(left: T, operator: KqlRangeOperator, right: T): boolean {
  switch (operator) {
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
  }
}

/** Numbers (numeric strings included) by value, ISO dates by time, other strings by code unit. */
function inRange(candidate: unknown, operator: KqlRangeOperator, literal: KqlLiteral): boolean {
  const value = primitiveOf(candidate);
  if (value === undefined || typeof value === 'boolean') return false;
  const [left, right] = [toNumber(value), toNumber(literal.value)];
  if (left !== undefined && right !== undefined) return compare(left, operator, right);
  const [leftTime, rightTime] = [toTime(value), toTime(literal.value)];
  if (leftTime !== undefined && rightTime !== undefined) return compare(leftTime, operator, rightTime);
  return typeof value === 'string' && compare(value, operator, literal.value);
}

function evaluateNode(node: KqlNode, data: unknown): boolean {
  switch (node.type) {
    case 'or':
      return node.children.some((child) => evaluateNode(child, data));
    case 'and':
      return node.children.every((child) => evaluateNode(child, data));
    case 'not':
      return !evaluateNode(node.child, data);
    case 'boolean':
      return node.value;
    case 'exists':
      return resolveField(data, node.field).length > 0;
    case 'match':
      return matchesValue(resolveField(data, node.field), node.value);
    case 'range':
      return resolveField(data, node.field).some((candidate) => inRange(candidate, node.operator, node.value));
  }
}

/** Whether `data` (a plain object such as the workflow context) satisfies the query. */
export function evaluateKql(query: string | KqlNode, data: unknown): boolean {
  return evaluateNode(typeof query === 'string' ? parseKql(query) : query, data);
}
