import { toValue, type Liquid, type Template } from 'liquidjs';
import { describeLiquidErrors, toTemplateError, withExcerpt } from './describe_error';
import { DEFAULT_TEMPLATE_LIMITS, type TemplateLimits } from './limits';
import { createLiquid, findExpressionProblem, matchWholeExpression } from './liquid';
import { TemplateError } from './template_error';

export interface TemplateEngine {
  /**
   * Renders any value recursively: a string with `{{ }}` / `{% %}` becomes a string; a string
   * that is exactly `${{ expr }}` (whitespace around allowed) becomes the typed value of `expr`;
   * arrays and plain objects are walked (keys unchanged); anything else is returned as is.
   */
  render(value: unknown, context: Record<string, unknown>): unknown;
  /** Renders one Liquid template to a string. */
  renderString(template: string, context: Record<string, unknown>): string;
  /** Evaluates a Liquid expression with filters (`steps.a.output | size`) to a typed value. */
  evaluate(expression: string, context: Record<string, unknown>): unknown;
}

export interface TemplateEngineOptions {
  /** IANA time zone for the `date` filter (the workflow's `settings.timezone`); default UTC. */
  timezone?: string;
}

// The same templates render once per foreach item and per retry: parse each once. Huge
// templates are rare and would pin memory, so they are parsed every time.
const PARSE_CACHE_SIZE = 500;
const PARSE_CACHE_MAX_LENGTH = 64 * 1024;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function hasLiquidMarkup(value: string): boolean {
  return value.includes('{{') || value.includes('{%');
}

/*
 * `${{ … }}` keeps the value's type only when it is the whole value. Inside a larger string it is
 * no special syntax: the `$` stays literal text and `{{ … }}` renders as usual ("cost: ${{ p }}"
 * gives "cost: $5"). That is what Kibana does, and no corpus workflow embeds `${{` in text.
 */
export function createTemplateEngine(
  limits: Partial<TemplateLimits> = {},
  options: TemplateEngineOptions = {}
): TemplateEngine {
  const effectiveLimits: TemplateLimits = { ...DEFAULT_TEMPLATE_LIMITS, ...limits };
  const liquid: Liquid = createLiquid({ limits: effectiveLimits, timezone: options.timezone });
  const parsed = new Map<string, Template[]>();

  function parse(template: string): Template[] {
    const cached = parsed.get(template);
    if (cached) return cached;
    const templates = liquid.parse(template);
    if (template.length > PARSE_CACHE_MAX_LENGTH) return templates;
    if (parsed.size >= PARSE_CACHE_SIZE) parsed.delete(parsed.keys().next().value as string);
    parsed.set(template, templates);
    return templates;
  }

  function renderString(template: string, context: Record<string, unknown>): string {
    if (!hasLiquidMarkup(template)) return template;
    try {
      return liquid.renderSync(parse(template), context) as string;
    } catch (error) {
      throw toTemplateError(error, template, effectiveLimits);
    }
  }

  function evaluate(expression: string, context: Record<string, unknown>): unknown {
    try {
      const problem = findExpressionProblem(expression);
      if (problem) throw new TemplateError(problem.message, problem.offset);
      // Literals such as `nil` and `empty` evaluate to liquidjs drops; callers want plain values.
      return toValue(liquid.evalValueSync(expression, context));
    } catch (error) {
      // An expression is short: quote all of it rather than the token liquidjs stopped at.
      const [problem] = error instanceof TemplateError ? [error] : describeLiquidErrors(error, effectiveLimits);
      throw new TemplateError(withExcerpt(problem.message, expression), problem.offset);
    }
  }

  function render(value: unknown, context: Record<string, unknown>): unknown {
    if (typeof value === 'string') {
      const whole = matchWholeExpression(value);
      if (whole) return evaluate(whole.expression, context);
      return renderString(value, context);
    }
    if (Array.isArray(value)) return value.map((item) => render(item, context));
    if (isPlainObject(value)) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, render(item, context)]));
    }
    return value;
  }

  return { render, renderString, evaluate };
}
