import { duplicateStepName } from './duplicate_step_name';
import { foreachOutsideLoop } from './foreach_outside_loop';
import { invalidDuration } from './invalid_duration';
import { invalidKql } from './invalid_kql';
import { liquidSyntax } from './liquid_syntax';
import { loopControlOutsideLoop } from './loop_control_outside_loop';
import type { ValidationRule } from './rule';
import { scheduleTooFrequent } from './schedule_too_frequent';
import { secretInConsts } from './secret_in_consts';
import { stepReferences } from './step_references';
import { undeclaredConst } from './undeclared_const';
import { undeclaredInput } from './undeclared_input';
import { unfilledPlaceholder } from './unfilled_placeholder';
import { unknownKibanaAction } from './unknown_kibana_action';

export type { ValidationRule } from './rule';

/** The semantic checks run after the schema, in the order their findings are listed on one line. */
export const VALIDATION_RULES: readonly ValidationRule[] = [
  duplicateStepName,
  invalidDuration,
  loopControlOutsideLoop,
  stepReferences,
  foreachOutsideLoop,
  undeclaredInput,
  undeclaredConst,
  scheduleTooFrequent,
  secretInConsts,
  unfilledPlaceholder,
  unknownKibanaAction,
  liquidSyntax,
  invalidKql,
];
