import { parse } from 'yaml';
import { i18n } from '@kbn/i18n';
import { declaredInputsOf, type DeclaredInputs } from '../../../common/spec/triggers/declared_inputs';

export type { DeclaredInputs };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The inputs a manual run can take; YAML that does not parse declares nothing (the form starts empty). */
export const declaredInputs = (yaml: string): DeclaredInputs => {
  try {
    return declaredInputsOf(parse(yaml));
  } catch {
    return declaredInputsOf(undefined);
  }
};

export type JsonObjectParse = { value: Record<string, unknown>; error?: undefined } | { value?: undefined; error: string };

/** Text of a JSON object field: empty means `{}`; anything but an object is refused with a reason. */
export const parseJsonObject = (text: string): JsonObjectParse => {
  if (text.trim() === '') return { value: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      error: i18n.translate('workflows.run.invalidJson', {
        defaultMessage: 'Not valid JSON: {reason}',
        values: { reason: error instanceof Error ? error.message : String(error) },
      }),
    };
  }
  if (!isRecord(value)) {
    return { error: i18n.translate('workflows.run.notAnObject', { defaultMessage: 'Expected a JSON object, like {"host": "web-1"}' }) };
  }
  return { value };
};
