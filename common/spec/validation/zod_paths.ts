import type { z } from 'zod';
import type { Path } from '../yaml/source_map';

/*
 * Just enough of zod's schema tree to name the fields a map accepts at some path, for "did you
 * mean" suggestions. Zod exposes the tree as `_zod.def`; only stable, documented kinds are read.
 */

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  valueType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  getter?: () => z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** The concrete schemas a schema stands for once wrappers, pipes, lazies and unions are opened. */
const alternatives = (schema: z.ZodType): z.ZodType[] => {
  const def = defOf(schema);
  if (WRAPPERS.has(def.type) && def.innerType) return alternatives(def.innerType);
  if (def.type === 'pipe' && def.in) return alternatives(def.in);
  if (def.type === 'lazy' && def.getter) return alternatives(def.getter());
  if (def.type === 'union' && def.options) return def.options.flatMap(alternatives);
  return [schema];
};

const childSchemas = (schema: z.ZodType, segment: string | number): z.ZodType[] =>
  alternatives(schema).flatMap((option) => {
    const def = defOf(option);
    if (def.type === 'object' && typeof segment === 'string' && def.shape?.[segment]) return [def.shape[segment]];
    if (def.type === 'array' && typeof segment === 'number' && def.element) return [def.element];
    if (def.type === 'record' && def.valueType) return [def.valueType];
    return [];
  });

/** Keys of the map schema(s) found at `path` inside `schema`. */
export const objectKeysAt = (schema: z.ZodType, path: Path): string[] => {
  let current = [schema];
  for (const segment of path) current = current.flatMap((s) => childSchemas(s, segment));
  const keys = current
    .flatMap(alternatives)
    .flatMap((option) => (defOf(option).type === 'object' ? Object.keys(defOf(option).shape ?? {}) : []));
  return [...new Set(keys)];
};
