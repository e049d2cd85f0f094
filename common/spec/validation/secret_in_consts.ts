import { isSecretName } from '../../secrets';
import { warning, type PendingFinding } from './finding';
import type { ValidationRule } from './rule';
import { isRawMap } from './workflow_index';

/**
 * Elastic's own examples keep API keys in `consts`. They are masked in every run record, but the
 * YAML itself (exported, versioned, shown in the editor) still holds them; a connector keeps
 * them encrypted instead.
 */
export const secretInConsts: ValidationRule = {
  codes: ['secret-in-consts'],
  check: ({ workflow }) => {
    if (!isRawMap(workflow.consts)) return [];
    return Object.entries(workflow.consts).flatMap(([name, value]): PendingFinding[] => {
      if (!isSecretName(name) || typeof value !== 'string' || value.trim() === '') return [];
      const message = `consts.${name} looks like a secret: it is masked in run records, but anyone who can read this workflow sees it; store it in a connector instead`;
      return [warning('secret-in-consts', message, ['consts', name])];
    });
  },
};
