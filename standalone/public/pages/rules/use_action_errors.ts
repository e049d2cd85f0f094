import { useCallback, useEffect, useState } from 'react';
import type { ActionTypeRegistryContract, RuleFormParamsErrors } from '@kbn/triggers-actions-ui-plugin/public';
import { hasParamErrors, validateFrequency, type RuleFormAction } from './rule_form_state';

/** `validateParams` results by action key. */
export type ActionErrors = Record<string, RuleFormParamsErrors>;

const validateAll = async (actions: RuleFormAction[], registry: ActionTypeRegistryContract): Promise<ActionErrors> => {
  const entries = await Promise.all(
    actions.map(async (action): Promise<[string, RuleFormParamsErrors]> => {
      if (!registry.has(action.actionTypeId)) return [action.key, {}];
      const { errors } = await registry.get(action.actionTypeId).validateParams(action.params, null);
      return [action.key, errors as RuleFormParamsErrors];
    }),
  );
  return Object.fromEntries(entries);
};

export const isActionInvalid = (action: RuleFormAction, errors: ActionErrors): boolean =>
  hasParamErrors(errors[action.key]) || action.paramsError !== undefined || validateFrequency(action.frequency) !== undefined;

/**
 * Runs every action's model `validateParams` whenever the actions change, as Kibana's rule form
 * does, and once more on demand before a save (validation is async: a model may ask the server).
 */
export const useActionErrors = (actions: RuleFormAction[], registry: ActionTypeRegistryContract) => {
  const [errors, setErrors] = useState<ActionErrors>({});

  useEffect(() => {
    let current = true;
    validateAll(actions, registry).then((next) => current && setErrors(next));
    return () => {
      current = false;
    };
  }, [actions, registry]);

  /** Resolves true when every action is valid. */
  const validateActions = useCallback(async () => {
    const next = await validateAll(actions, registry);
    setErrors(next);
    return !actions.some((action) => isActionInvalid(action, next));
  }, [actions, registry]);

  return { errors, validateActions };
};
