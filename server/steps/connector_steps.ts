import { CONNECTOR_TYPE_PATTERN } from '../../common/spec/steps/connectors';
import type { AiStepOptions } from './ai_common/llm';
import { createAiAgentStep } from './ai_agent/ai_agent_step';
import { createAiClassifyStep } from './ai_classify/ai_classify_step';
import { createAiPromptStep } from './ai_prompt/ai_prompt_step';
import { createAiSummarizeStep } from './ai_summarize/ai_summarize_step';
import { connectorStep } from './connector/connector_step';
import type { StepRegistry } from './registry';

/**
 * The steps that run configured connectors: `ai.*` through an LLM connector, and connector steps
 * (`slack`, `email`, `<vendor>.<operation>`…). The connector pattern is the generic fallback,
 * so register this after the families with their own patterns (`elasticsearch.*`, `kibana.*`,
 * `cases.*`); the pattern also leaves their prefixes alone, as the spec does.
 */
export const registerConnectorSteps = (registry: StepRegistry, options: AiStepOptions = {}): StepRegistry =>
  registry
    .register(createAiPromptStep(options), createAiAgentStep(options), createAiClassifyStep(options), createAiSummarizeStep(options))
    .registerPattern(CONNECTOR_TYPE_PATTERN, connectorStep);
