import { evaluateKql } from '../kql';
import { matchWholeExpression, type TemplateEngine } from '../templating';

/**
 * Truthiness of a `${{ }}` condition. Liquid calls only false and nil falsy, but a condition's
 * value often comes from data that was a string on its way in (a form input, an HTTP body, a
 * `data.set` output rendered with `{{ }}`), so the string "false" must not pass. Falsy here:
 * false, null, undefined, 0, NaN, "" and "false" (any case, spaces ignored). Everything else,
 * empty arrays and objects included, is truthy.
 */
export function isConditionTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return false;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    return text !== '' && text !== 'false';
  }
  return true;
}

/**
 * Decides a condition (`if` step `condition`, step `if`, `while`):
 * - absent: true (a step without a guard runs);
 * - a boolean (YAML `true`, or a value rendered earlier): itself;
 * - exactly `${{ expr }}`: the Liquid expression's value, by `isConditionTruthy`;
 * - a string with `{{ }}` or `{% %}`: rendered first, the result read as KQL (so
 *   `{{ flag }}` rendering "true" or "false" works, and values can be spliced into a query);
 *   a rendering that comes out empty is a syntax error, never a silent "match everything";
 * - any other string: KQL against the context.
 * Throws `TemplateError` or `KqlSyntaxError`, both the author's errors.
 */
export function evaluateCondition(
  condition: string | boolean | undefined,
  context: Record<string, unknown>,
  engine: TemplateEngine
): boolean {
  if (condition === undefined) return true;
  if (typeof condition === 'boolean') return condition;
  const whole = matchWholeExpression(condition);
  if (whole) return isConditionTruthy(engine.evaluate(whole.expression, context));
  return evaluateKql(engine.renderString(condition, context), context);
}
