/* Validation of connector config, secrets and params with each type's validators, worded as in Kibana. */
import type { ActionType, ValidatorType } from '@kbn/actions-plugin/server';
import { ActionsClientError } from './errors';

function validateWith<T>(validator: ValidatorType<T>, value: unknown, what: string): T {
  try {
    const result = validator.schema.validate(value);
    validator.customValidator?.(result);
    return result;
  } catch (error) {
    throw new ActionsClientError(`error validating ${what}: ${(error as Error).message}`, 400);
  }
}

export const validateParams = (actionType: ActionType, params: unknown) => validateWith(actionType.validate.params, params, 'action params');

export function validateConnector(
  actionType: ActionType,
  { config, secrets }: { config: unknown; secrets: unknown }
): { config: Record<string, unknown>; secrets: Record<string, unknown> } {
  const validated = {
    config: validateWith(actionType.validate.config, config, 'action type config'),
    secrets: validateWith(actionType.validate.secrets, secrets, 'action type secrets'),
  };
  const problem = actionType.validate.connector?.(validated.config, validated.secrets);
  if (problem) throw new ActionsClientError(`error validating action type connector: ${problem}`, 400);
  return validated;
}
