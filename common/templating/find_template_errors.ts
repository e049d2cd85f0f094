import { Liquid, Value } from 'liquidjs';
import { describeLiquidErrors } from './describe_error';
import { DEFAULT_TEMPLATE_LIMITS } from './limits';
import { createLiquid, findExpressionProblem, matchWholeExpression } from './liquid';

export interface TemplateProblemLocation {
  message: string;
  /** 0-based offset of the problem inside the checked text. */
  offset: number;
}

let validator: Liquid | undefined;

/** Same filters, tags and sandbox as the engine, so the editor flags exactly what would fail. */
function getValidator(): Liquid {
  validator ??= createLiquid({ limits: DEFAULT_TEMPLATE_LIMITS, catchAllErrors: true });
  return validator;
}

function checkExpression(liquid: Liquid, expression: string, base: number): TemplateProblemLocation[] {
  try {
    const problem = findExpressionProblem(expression);
    if (problem) return [{ message: problem.message, offset: base + problem.offset }];
    // Compiling the value is what checks that every filter exists.
    new Value(expression, liquid);
    return [];
  } catch (error) {
    return describeLiquidErrors(error, DEFAULT_TEMPLATE_LIMITS).map(({ message, offset }) => ({
      message,
      offset: base + (offset ?? 0),
    }));
  }
}

/**
 * Problems that would make `text` fail to render: unclosed `{{` or `{%`, unknown or forbidden
 * tags, unknown filters, malformed expressions. Offsets are 0-based inside `text`, for the editor
 * to turn into line and column. Render-time problems (limits) cannot be known here.
 */
export function findTemplateErrors(text: string): TemplateProblemLocation[] {
  const liquid = getValidator();
  const whole = matchWholeExpression(text);
  if (whole) return checkExpression(liquid, whole.expression, whole.offset);
  if (!text.includes('{{') && !text.includes('{%')) return [];
  try {
    liquid.parse(text);
    return [];
  } catch (error) {
    return describeLiquidErrors(error, DEFAULT_TEMPLATE_LIMITS).map(({ message, offset }) => ({
      message,
      offset: offset ?? 0,
    }));
  }
}
