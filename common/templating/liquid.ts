import { Liquid, Tokenizer, TypeGuards } from 'liquidjs';
import { FILE_TAGS } from './describe_error';
import { WORKFLOW_FILTERS } from './filters';
import type { TemplateLimits } from './limits';

export interface LiquidSetup {
  limits: TemplateLimits;
  /** IANA zone name (e.g. `Europe/Paris`) used by `date`; UTC when absent. */
  timezone?: string;
  /** Collect every parse error instead of stopping at the first (for the validator). */
  catchAllErrors?: boolean;
}

/**
 * `{{ x }}` of an object or array prints JSON: Liquid's default (`[object Object]`, or array
 * items glued together) is never what a workflow sending a request body wants. Dates print as
 * ISO 8601, the form every API in a workflow accepts.
 */
function stringifyOutput(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The one liquidjs configuration of the product: sandboxed, strict filters, lenient variables. */
export function createLiquid({ limits, timezone, catchAllErrors = false }: LiquidSetup): Liquid {
  const liquid = new Liquid({
    // Only the context's own data is reachable: no `constructor`, `__proto__` or prototype methods.
    ownPropertyOnly: true,
    // A misspelt filter is a bug the author should see; a missing variable is normal data.
    strictFilters: true,
    strictVariables: false,
    parseLimit: limits.parseLimit,
    renderLimit: limits.renderLimit,
    memoryLimit: limits.memoryLimit,
    // Dates must not depend on the time zone of whichever Kibana node runs the step.
    timezoneOffset: timezone ?? 0,
    outputEscape: stringifyOutput,
    catchAllErrors,
  });
  // Templates come from workflow YAML and must not read the server's file system.
  for (const tag of FILE_TAGS) delete liquid.tags[tag];
  for (const [name, filter] of Object.entries(WORKFLOW_FILTERS)) liquid.registerFilter(name, filter);
  return liquid;
}

// `${{ expr }}` as the whole value (surrounding whitespace allowed, e.g. YAML block scalars);
// the body must not close the braces early, so `${{ a }} and {{ b }}` is not a whole expression.
const WHOLE_EXPRESSION = /^\s*\$\{\{((?:(?!\}\})[\s\S])*)\}\}\s*$/;

/** The body of a whole-value `${{ expr }}` and its offset in `value`, or undefined. */
export function matchWholeExpression(value: string): { expression: string; offset: number } | undefined {
  const match = WHOLE_EXPRESSION.exec(value);
  if (!match) return undefined;
  return { expression: match[1], offset: value.indexOf('${{') + 3 };
}

/**
 * The first problem liquidjs would let through in a whole-value expression. liquidjs reads
 * `a b` as `a` and `a ==` as false without complaint, which would silently turn
 * `${{ x = 1 }}` into `${{ x }}`; a typed value must come from an expression that is read
 * entirely. Malformed filters throw liquidjs' own error.
 */
export function findExpressionProblem(expression: string): { message: string; offset: number } | undefined {
  if (expression.trim() === '') return { message: 'Expected an expression inside "${{ }}"', offset: 0 };
  const tokenizer = new Tokenizer(expression);
  let expectValue = true;
  let lastOperator = '';
  for (const token of tokenizer.readExpressionTokens()) {
    if (TypeGuards.isOperatorToken(token)) {
      const unary = token.operator === 'not';
      if (expectValue && !unary) return { message: `Expected a value before "${token.operator}"`, offset: token.begin };
      expectValue = true;
      lastOperator = token.operator;
    } else {
      if (!expectValue) return { message: `Unexpected "${token.getText()}" after the expression`, offset: token.begin };
      expectValue = false;
    }
  }
  if (expectValue) {
    const message = lastOperator ? `Expected a value after "${lastOperator}"` : 'Expected a value';
    return { message, offset: tokenizer.p };
  }
  tokenizer.readFilters();
  const rest = tokenizer.remaining();
  if (rest.trim() === '') return undefined;
  const offset = tokenizer.p + rest.length - rest.trimStart().length;
  return { message: `Unexpected "${rest.trim()}" after the expression`, offset };
}
