import { z } from 'zod';
import { defineStepFamily, openWith } from './base';

/**
 * Connector steps run a configured connector (`connector-id`). Elastic names them after the
 * connector type, alone (`slack`, `email`) or with an operation (`github.getCommit`). Operations
 * are open-ended, so any `<vendor>.<operation>` outside the built-in families is a connector step;
 * a bare name must be a known connector type, otherwise a typo such as `consle` would pass.
 */
export const CONNECTOR_TYPES = [
  'slack',
  'slack_api',
  'pagerduty',
  'jira',
  'jira-service-management',
  'email',
  'webhook',
  'cases-webhook',
  'teams',
  'servicenow',
  'servicenow-sir',
  'servicenow-itom',
  'opsgenie',
  'swimlane',
  'resilient',
  'tines',
  'torq',
  'd3security',
  'xmatters',
  'thehive',
  'xsoar',
  'index',
  'server-log',
  'gen-ai',
  'bedrock',
  'gemini',
  'inference',
  'sentinelone',
  'crowdstrike',
  'microsoft_defender_endpoint',
] as const;

/** Prefixes owned by built-in step families: `data.foo` is a typo, not a connector named `data`. */
export const BUILTIN_FAMILY_PREFIXES = ['data', 'ai', 'workflow', 'loop', 'elasticsearch', 'kibana', 'cases'] as const;

export const CONNECTOR_TYPE_PATTERN = new RegExp(
  `^(?:(?!(?:${BUILTIN_FAMILY_PREFIXES.join('|')})\\.)[A-Za-z][\\w-]*\\.[A-Za-z_][\\w.-]*|${CONNECTOR_TYPES.join('|')})$`
);

export const ConnectorStepSchema = defineStepFamily(
  CONNECTOR_TYPE_PATTERN,
  'A connector type (`slack`, `email`, `pagerduty`…) or `<vendor>.<operation>` (e.g. `github.getCommit`).',
  'Run a configured connector, named by `connector-id`.',
  { with: openWith('Parameters of the connector operation.') }
).meta({ id: 'ConnectorStep' });
export type ConnectorStep = z.infer<typeof ConnectorStepSchema>;
