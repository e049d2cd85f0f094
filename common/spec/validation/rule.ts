import type { PendingFinding } from './finding';
import type { WorkflowIndex } from './workflow_index';

/** One semantic check, run after the schema on the raw workflow (so it must not trust its shape). */
export interface ValidationRule {
  /** The finding codes the rule produces. */
  codes: readonly string[];
  check(index: WorkflowIndex): PendingFinding[];
}
