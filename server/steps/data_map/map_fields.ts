import { UserError } from '../../../common/errors';
import type { TemplateScope } from '../types';
import { renderInScope } from '../data_common/item_scope';
import { invalidValue, isPlainObject, quote } from '../data_common/value_checks';

/**
 * Builds the `fields` shape of `data.map` for one item: every leaf is rendered in `scope` (a
 * value that renders to nothing becomes null, so the output keeps its shape once persisted), and
 * an object with a `$map` key maps a nested list:
 *
 *     tags:
 *       $map: { items: "${{ item.tags }}", item: tag }
 *       name: "${{ tag.name }}"
 *
 * binds each element of `items` as `tag` (default `item`) and its position as `index`; the other
 * keys are the shape of each element. As for the step's `items`, an object is mapped as one
 * element; nested items that are absent stay null, since API responses often leave lists out.
 */
export function buildFields(shape: unknown, scope: TemplateScope): unknown {
  if (Array.isArray(shape)) return shape.map((part) => buildFields(part, scope));
  if (!isPlainObject(shape)) return renderInScope(shape, scope) ?? null;
  if ('$map' in shape) return mapNested(shape, scope);
  return Object.fromEntries(Object.entries(shape).map(([key, part]) => [key, buildFields(part, scope)]));
}

function mapNested({ $map: spec, ...shape }: Record<string, unknown>, scope: TemplateScope): unknown {
  if (!isPlainObject(spec) || spec.items === undefined || (spec.item !== undefined && typeof spec.item !== 'string')) {
    throw new UserError(`"$map" must look like { items: "\${{ item.tags }}", item: tag }, but it is ${quote(spec)}`);
  }
  const alias = (spec.item as string | undefined) ?? 'item';
  const items = renderInScope(spec.items, scope);
  if (items === undefined || items === null) return null;
  if (Array.isArray(items)) return items.map((item, index) => buildFields(shape, { ...scope, [alias]: item, index }));
  if (isPlainObject(items)) return buildFields(shape, { ...scope, [alias]: items });
  throw invalidValue('$map.items', 'a list or an object', spec.items, items);
}
