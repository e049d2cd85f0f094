import type { JsonSchema } from '../ai_common/json_schema';
import { aiStepInput, complete, type AiStepInput, type AiStepOptions } from '../ai_common/llm';
import type { StepKind } from '../types';

export type AiAgentInput = AiStepInput<{ agentId: string; message: string; schema?: JsonSchema; conversation_id?: string }>;

/** Elastic's default Agent Builder agent, used when the step names none. */
export const DEFAULT_AGENT_ID = 'elastic-ai-agent';

const agentInstructions = (agentId: string) =>
  `You are the agent "${agentId}". Answer the request as that agent would. You have no tools and no data beyond what the message contains: say so when the answer needs more.`;

/**
 * `ai.agent`: Kibana's Agent Builder agents (with their tools and conversations) do not exist
 * outside Kibana, so an agent is approximated by one chat completion whose system prompt names
 * the agent. Output `{ message }`, plus `structured_output` with a schema, as Elastic's step.
 * Conversations are not kept: `create-conversation` and `conversation_id` are noted in the log.
 */
export const createAiAgentStep = (options: AiStepOptions): StepKind<AiAgentInput> => ({
  type: 'ai.agent',
  description: 'Asks an agent (approximated by an LLM connector with the agent as system prompt)',
  safeToRerun: true,
  input(step, render) {
    const agentId = step['agent-id'] === undefined ? DEFAULT_AGENT_ID : String(render(step['agent-id'])).trim() || DEFAULT_AGENT_ID;
    return { ...aiStepInput<{ message: string }>(step, render, { options, required: ['message'] }), agentId };
  },
  async run(context) {
    const { connectorId, agentId, message, schema, conversation_id: conversationId } = context.input;
    if (context.step['create-conversation'] === true || conversationId) {
      context.log('warn', `Agent conversations are not kept here: step "${context.step.name}" sends one message without history`);
    }
    const answer = await complete(context, { connectorId, system: [agentInstructions(agentId)], user: String(message), schema });
    return { output: { message: answer.text, ...(schema ? { structured_output: answer.structured } : {}) } };
  },
});
