/*
 * `.jira`: creates or updates an issue through Jira's REST API v2 (Basic auth with the account
 * email and an API token) and adds comments; `getIncident` reads one back. Failures throw, as
 * Kibana's case connectors do, and reach the caller as `serviceMessage`.
 */
import { schema, type TypeOf } from '@kbn/config-schema';
import type { ActionType } from '@kbn/actions-plugin/server';
import { callOrThrow, jsonHeaders, validateHttpUrl, type ServiceRequest } from './http_call';
import type { ConnectorTypeOptions } from './types';

export const JiraConfigSchema = schema.object({
  apiUrl: schema.string({ validate: (url) => validateHttpUrl(url, 'apiUrl') }),
  projectKey: schema.string({ minLength: 1 }),
});
export type JiraConfig = TypeOf<typeof JiraConfigSchema>;

export const JiraSecretsSchema = schema.object({ email: schema.string({ minLength: 1 }), apiToken: schema.string({ minLength: 1 }) });
export type JiraSecrets = TypeOf<typeof JiraSecretsSchema>;

const IncidentSchema = schema.object({
  summary: schema.string({ minLength: 1 }),
  description: schema.nullable(schema.string()),
  externalId: schema.nullable(schema.string()),
  issueType: schema.nullable(schema.string()),
  priority: schema.nullable(schema.string()),
  labels: schema.nullable(schema.arrayOf(schema.string({ validate: (label) => (/\s/.test(label) ? 'Labels cannot contain spaces.' : undefined) }))),
  parent: schema.nullable(schema.string()),
  otherFields: schema.nullable(schema.recordOf(schema.string(), schema.any())),
});

const PushToServiceSchema = schema.object({
  incident: IncidentSchema,
  comments: schema.nullable(schema.arrayOf(schema.object({ comment: schema.string({ minLength: 1 }), commentId: schema.maybe(schema.string()) }))),
});

const GetIncidentSchema = schema.object({ externalId: schema.string({ minLength: 1 }) });

export const JiraParamsSchema = schema.object({
  subAction: schema.oneOf([schema.literal('pushToService'), schema.literal('getIncident')]),
  subActionParams: schema.conditional(schema.siblingRef('subAction'), 'getIncident', GetIncidentSchema, PushToServiceSchema),
});
export type JiraParams = TypeOf<typeof JiraParamsSchema>;
type Incident = TypeOf<typeof IncidentSchema>;

export interface JiraPushResult {
  id: string;
  /** The issue key, e.g. `SEC-12`. */
  title: string;
  pushedDate: string;
  url: string;
  comments?: Array<{ commentId?: string; externalCommentId: string; pushedDate: string }>;
}

function issueFields(incident: Incident, projectKey: string): Record<string, unknown> {
  const { issueType, priority, labels, parent, description, otherFields } = incident;
  return {
    ...(otherFields ?? {}),
    summary: incident.summary,
    project: { key: projectKey },
    // Kibana's form sends issue type ids; people writing YAML often use the name.
    issuetype: issueType ? (/^\d+$/.test(issueType) ? { id: issueType } : { name: issueType }) : { name: 'Task' },
    ...(description ? { description } : {}),
    ...(priority ? { priority: { name: priority } } : {}),
    ...(labels ? { labels } : {}),
    ...(parent ? { parent: { key: parent } } : {}),
  };
}

function createJiraApi({ apiUrl, projectKey, secrets, signal, timeoutMs }: { apiUrl: string; projectKey: string; secrets: JiraSecrets; signal?: AbortSignal; timeoutMs: number }) {
  const base = apiUrl.replace(/\/+$/, '');
  const headers = jsonHeaders({ accept: 'application/json', authorization: `Basic ${Buffer.from(`${secrets.email}:${secrets.apiToken}`).toString('base64')}` });
  const call = async (what: string, request: Omit<ServiceRequest, 'headers' | 'timeoutMs' | 'signal'>) =>
    (await callOrThrow({ ...request, headers, signal, timeoutMs }, (failure) => `[Action][Jira]: Unable to ${what}. Error: ${failure}`)).body as Record<string, any>;

  return {
    getIssue: async (externalId: string) => {
      const issue = await call(`get incident with id ${externalId}`, { method: 'get', url: `${base}/rest/api/2/issue/${encodeURIComponent(externalId)}` });
      return { id: String(issue.id), key: String(issue.key), created: issue.fields?.created, updated: issue.fields?.updated, ...(issue.fields ?? {}) };
    },
    pushToService: async ({ incident, comments }: TypeOf<typeof PushToServiceSchema>): Promise<JiraPushResult> => {
      const fields = issueFields(incident, projectKey);
      let issue: { id: string; key: string };
      if (incident.externalId) {
        const { project: _project, ...changes } = fields;
        await call(`update incident with id ${incident.externalId}`, {
          method: 'put',
          url: `${base}/rest/api/2/issue/${encodeURIComponent(incident.externalId)}`,
          body: JSON.stringify({ fields: changes }),
        });
        const { id, key } = await call(`get incident with id ${incident.externalId}`, {
          method: 'get',
          url: `${base}/rest/api/2/issue/${encodeURIComponent(incident.externalId)}?fields=created`,
        });
        issue = { id: String(id), key: String(key) };
      } else {
        const { id, key } = await call('create incident', { method: 'post', url: `${base}/rest/api/2/issue`, body: JSON.stringify({ fields }) });
        issue = { id: String(id), key: String(key) };
      }
      const result: JiraPushResult = { id: issue.id, title: issue.key, pushedDate: new Date().toISOString(), url: `${base}/browse/${issue.key}` };
      if (comments && comments.length > 0) {
        result.comments = [];
        for (const { comment, commentId } of comments) {
          const created = await call(`create comment at incident with id ${issue.id}`, {
            method: 'post',
            url: `${base}/rest/api/2/issue/${issue.id}/comment`,
            body: JSON.stringify({ body: comment }),
          });
          result.comments.push({ commentId, externalCommentId: String(created.id), pushedDate: new Date().toISOString() });
        }
      }
      return result;
    },
  };
}

export function getJiraConnectorType({ timeoutMs }: ConnectorTypeOptions): ActionType<JiraConfig, JiraSecrets, JiraParams, unknown> {
  return {
    id: '.jira',
    name: 'Jira',
    minimumLicenseRequired: 'gold',
    supportedFeatureIds: ['alerting', 'cases', 'siem'],
    validate: {
      config: { schema: JiraConfigSchema },
      secrets: { schema: JiraSecretsSchema },
      params: { schema: JiraParamsSchema },
    },
    executor: async ({ actionId, config, secrets, params, signal }) => {
      const api = createJiraApi({ apiUrl: config.apiUrl, projectKey: config.projectKey, secrets, signal, timeoutMs });
      const data =
        params.subAction === 'getIncident'
          ? await api.getIssue((params.subActionParams as TypeOf<typeof GetIncidentSchema>).externalId)
          : await api.pushToService(params.subActionParams as TypeOf<typeof PushToServiceSchema>);
      return { actionId, status: 'ok', data };
    },
  };
}
