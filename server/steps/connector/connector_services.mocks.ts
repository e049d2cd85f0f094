/**
 * Test doubles for connector and AI steps: step services whose connectors record every call and
 * answer as the host's connector types do (same data shapes, same failure wording as
 * `server/services/step_services.ts`), and a test engine that runs these steps.
 */
import { stringify } from 'yaml';
import { createTestEngine, workflowYaml } from '../../engine/engine_test_utils';
import type { ExecutionRecord } from '../../storage/types';
import type { AiStepOptions } from '../ai_common/llm';
import { createStepRegistry } from '../registry';
import { offlineServices, type ConnectorExecution } from '../services';

type Params = Record<string, any>;

export interface ConnectorCall {
  connectorId: string;
  params: Params;
  idempotencyKey: string;
}

/** Configured connectors by id or name, with their Kibana type. */
export const CONNECTORS: Record<string, string> = {
  'Security Slack': '.slack',
  'pd-oncall': '.pagerduty',
  'jira-sec': '.jira',
  'Elastic-Cloud-SMTP': '.email',
  'ticket-hook': '.webhook',
  'gh': '.github',
  openai: '.gen-ai',
  'default-llm': '.gen-ai',
};

const failure = (connectorId: string, message: string) =>
  Object.assign(new Error(`Connector "${connectorId}" failed: ${message}`), { details: { connectorId, serviceMessage: null } });

const invalid = (connectorId: string, problem: string) => failure(connectorId, `error validating action params: ${problem}`);

/** Data the connector types answer with; a thrown message is what the actions client reports. */
const ANSWERS: Record<string, (params: Params, reply: () => string) => unknown> = {
  '.slack': (params) => {
    if (typeof params.message !== 'string' || !params.message) throw new Error(`[message]: expected value of type [string] but got [${typeof params.message}]`);
    return { text: 'ok' };
  },
  '.pagerduty': (params) => ({ status: 'success', message: 'Event processed', dedup_key: params.dedupKey ?? 'dedup-generated' }),
  '.jira': (params) => {
    if (params.subAction !== 'pushToService' || !params.subActionParams?.incident?.summary) throw new Error('[subActionParams.incident.summary]: expected value of type [string]');
    return { id: '10001', title: 'SEC-1', url: 'https://jira.test/browse/SEC-1', pushedDate: '2026-03-01T10:00:00.000Z' };
  },
  '.email': (params) => {
    if (!Array.isArray(params.to)) throw new Error('[to]: could not parse array value from json input');
    return { accepted: params.to, rejected: [] };
  },
  '.webhook': () => ({ status: 200, statusText: 'OK', body: 'accepted' }),
  '.github': (params) => ({ sha: 'abc123', subAction: params.subAction, request: params.subActionParams }),
  '.gen-ai': (params, reply) => {
    if (params.subAction !== 'invokeAI' || !params.subActionParams?.messages?.length) throw new Error('[subActionParams.messages]: array size is [0], but cannot be smaller than [1]');
    return { message: reply(), usage: { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 } };
  },
};

/**
 * Fake connectors. `.gen-ai` connectors answer with `replies` in order (the last one repeats),
 * like a model that does better when asked again.
 */
export function fakeConnectors({ replies = ['Hello from the model'] }: { replies?: string[] } = {}) {
  const calls: ConnectorCall[] = [];
  let replied = 0;
  const reply = () => replies[Math.min(replied++, replies.length - 1)];
  const executeConnector = async ({ connectorId, params, idempotencyKey }: ConnectorExecution) => {
    calls.push({ connectorId, params, idempotencyKey });
    const type = CONNECTORS[connectorId];
    if (!type) throw failure(connectorId, `Connector ${connectorId} not found`);
    try {
      return ANSWERS[type](params, reply);
    } catch (error) {
      throw invalid(connectorId, (error as Error).message);
    }
  };
  return { calls, services: () => ({ ...offlineServices(), executeConnector }) };
}

/** Runs the given steps (objects, written out as YAML) with fake connectors; returns the run, its step records, the calls made and the run's log. */
export async function runWithConnectors(
  steps: Array<Record<string, unknown>>,
  options: { replies?: string[]; execution?: Partial<ExecutionRecord>; ai?: AiStepOptions } = {}
) {
  const connectors = fakeConnectors(options);
  const { run, store } = createTestEngine({
    registry: createStepRegistry(options.ai),
    createServices: connectors.services,
  });
  const yaml = workflowYaml(stringify(steps).replace(/^(?=.)/gm, '  '));
  const result = await run(yaml, options.execution);
  const logs = (await store.listLogs('default', result.execution.id)).map(({ level, message }) => [level, message]);
  return { ...result, calls: connectors.calls, logs };
}
