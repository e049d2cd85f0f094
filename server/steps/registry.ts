import type { StepKind } from './types';
import { consoleStep } from './console/console_step';
import { dataSetStep } from './data_set/data_set_step';
import { ifStep } from './if/if_step';
import { foreachStep } from './foreach/foreach_step';
import { waitStep } from './wait/wait_step';
import { switchStep } from './switch/switch_step';
import { whileStep } from './while/while_step';
import { parallelStep } from './parallel/parallel_step';
import { mergeStep } from './merge/merge_step';
import { loopBreakStep } from './loop_break/loop_break_step';
import { loopContinueStep } from './loop_continue/loop_continue_step';
import { workflowOutputStep } from './workflow_output/workflow_output_step';
import { workflowFailStep } from './workflow_fail/workflow_fail_step';
import { workflowExecuteStep } from './workflow_execute/workflow_execute_step';
import { workflowExecuteAsyncStep } from './workflow_execute_async/workflow_execute_async_step';
import { waitForInputStep } from './wait_for_input/wait_for_input_step';
import { waitForApprovalStep } from './wait_for_approval/wait_for_approval_step';
import { dataStepKinds } from './data_steps';
import { registerIoSteps } from './io_steps';
import { registerConnectorSteps } from './connector_steps';
import type { AiStepOptions } from './ai_common/llm';

/**
 * Step kinds by `type`. Adding a kind is one folder plus one line here. Families whose types
 * are open-ended (`elasticsearch.<api>`, `<vendor>.<operation>` connectors) register a pattern;
 * an exact type always wins over a pattern, and patterns are tried in registration order.
 */
export class StepRegistry {
  private readonly kinds = new Map<string, StepKind<any>>();
  private readonly patterns: Array<{ pattern: RegExp; kind: StepKind<any> }> = [];

  register(...kinds: Array<StepKind<any>>): this {
    for (const kind of kinds) {
      if (this.kinds.has(kind.type)) throw new Error(`Step type "${kind.type}" is already registered`);
      this.kinds.set(kind.type, kind);
    }
    return this;
  }

  registerPattern(pattern: RegExp, kind: StepKind<any>): this {
    this.patterns.push({ pattern, kind });
    return this;
  }

  get(type: string): StepKind | undefined {
    return this.kinds.get(type) ?? this.patterns.find(({ pattern }) => pattern.test(type))?.kind;
  }

  types(): string[] {
    return [...this.kinds.keys()];
  }
}

const CONTROL_FLOW = [ifStep, foreachStep, switchStep, whileStep, parallelStep, mergeStep, loopBreakStep, loopContinueStep];
const RUN_CONTROL = [waitStep, waitForInputStep, waitForApprovalStep, workflowOutputStep, workflowFailStep, workflowExecuteStep, workflowExecuteAsyncStep];

/** Every step kind. I/O families go before connectors: the connector pattern is the generic fallback. */
export const createStepRegistry = (options: AiStepOptions = {}): StepRegistry =>
  registerConnectorSteps(registerIoSteps(new StepRegistry().register(consoleStep, dataSetStep, ...dataStepKinds, ...CONTROL_FLOW, ...RUN_CONTROL)), options);
