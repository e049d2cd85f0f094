/* Small config-schema builders shared by the host's HTTP APIs. */
import { schema, type Type } from '@kbn/config-schema';

/** A string that must be one of `values`; the inferred type is their union. */
export function literals<const T extends string>(values: readonly T[]): Type<T> {
  return schema.oneOf(values.map((value) => schema.literal(value)) as [Type<T>]);
}

/** Query parameters that may repeat (`?tags=a&tags=b`) arrive as a string or an array. */
export const oneOrMany = <T>(item: Type<T>) => schema.oneOf([item, schema.arrayOf(item)]);
