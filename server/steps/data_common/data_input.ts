import type { StepDefinition } from '../../../common/spec';

type Render = (value: unknown) => unknown;

/**
 * The recorded input of a data step: the rendered value it works on (`items`, `source` or
 * `arrays`, which sit beside `with` as in Elastic Workflows) and its rendered options. Options
 * named in `perItem` are kept as written: they are rendered once per item, with `item` in scope,
 * when the step runs.
 */
export function dataInput<Input>(step: StepDefinition, render: Render, valueField: string, perItem: string[] = []): Input {
  const input: Record<string, unknown> = { [valueField]: render(step[valueField]) };
  for (const [key, value] of Object.entries(step.with ?? {})) input[key] = perItem.includes(key) ? value : render(value);
  return input as Input;
}
