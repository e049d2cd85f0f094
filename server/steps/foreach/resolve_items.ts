import type { StepRunContext } from '../types';

const WHOLE_EXPRESSION = /^\s*\$?\{\{([\s\S]*)\}\}\s*$/;

/**
 * Turns a step's `foreach` into the list it iterates. Authors write an array, a whole
 * `{{ expr }}` / `${{ expr }}` (evaluated to its typed value), or a template rendering JSON.
 */
export function resolveItems(foreach: unknown, context: Pick<StepRunContext, 'evaluate' | 'render'>): unknown[] {
  let value: unknown = foreach;
  if (typeof foreach === 'string') {
    const whole = WHOLE_EXPRESSION.exec(foreach);
    value = whole && !whole[1].includes('}}') ? context.evaluate(whole[1].trim()) : context.render(foreach);
  }
  if (typeof value === 'string') {
    const text = value;
    try {
      value = JSON.parse(text);
    } catch {
      throw new Error(`"foreach" must give a list, but ${JSON.stringify(foreach)} gave the text ${JSON.stringify(truncate(text))}`);
    }
  }
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    throw new Error(`"foreach" must give a list, but ${JSON.stringify(foreach)} gave ${describe(value)}`);
  }
  return value;
}

const truncate = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}...` : text);
const describe = (value: unknown) => (typeof value === 'object' ? 'an object' : `the ${typeof value} ${JSON.stringify(value)}`);

/** The items of a loop: evaluated on its first pass and kept on its record, so a resumed run iterates the same list. */
export async function loopItems(context: StepRunContext): Promise<unknown[]> {
  const kept = context.previous?.state?.items as unknown[] | undefined;
  if (kept) return kept;
  const items = resolveItems(context.step.foreach, context);
  await context.saveState({ items });
  return items;
}
