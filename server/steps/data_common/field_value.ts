import { resolveField } from '../../../common/kql';

/**
 * The value at a dotted path, read the way conditions read it (nested objects, or literal dotted
 * keys as in alert documents: `kibana.alert.severity`). A path that runs through a list reaches
 * several values and gives them as a list; a path that reaches nothing gives null.
 */
export function fieldValue(item: unknown, path: string): unknown {
  const values = resolveField(item, path);
  if (values.length === 0) return null;
  return values.length === 1 ? values[0] : values;
}
