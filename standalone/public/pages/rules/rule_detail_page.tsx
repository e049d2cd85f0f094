import { useCallback } from 'react';
import {
  EuiButton,
  EuiButtonEmpty,
  EuiCallOut,
  EuiCodeBlock,
  EuiDescriptionList,
  EuiHealth,
  EuiLoadingSpinner,
  EuiPageTemplate,
  EuiPanel,
  EuiSpacer,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import { actionTitle } from './rule_action_item';
import { rulePaths, useLink } from './router';
import type { ConnectorResponse, RuleResponse } from './rules_api';
import { errorMessage, useLoad } from '../use_load';
import { useRulesServices } from './rules_services';

const WEBHOOK_RULE_TYPE_ID = 'standalone.webhook';

const SAMPLE_ALERTS = {
  alerts: [{ 'kibana.alert.reason': 'Suspicious login on web-1', 'kibana.alert.severity': 'high', 'host.name': 'web-1' }],
};

/** How a SIEM (or a person) feeds alerts into a webhook rule. */
const AlertsWebhook = ({ rule }: { rule: RuleResponse }) => {
  const { absoluteUrl } = useRulesServices();
  const url = absoluteUrl(`/api/standalone/rules/${encodeURIComponent(rule.id)}/alerts`);
  const curl = [
    `curl -u "$WORKFLOWS_USERNAME:$WORKFLOWS_PASSWORD" -X POST '${url}' \\`,
    `  -H 'kbn-xsrf: true' -H 'Content-Type: application/json' \\`,
    `  -d '${JSON.stringify(SAMPLE_ALERTS)}'`,
  ].join('\n');
  return (
    <EuiPanel hasBorder data-test-subj="ruleAlertsWebhook">
      <EuiTitle size="xs">
        <h3>Push alerts to this rule</h3>
      </EuiTitle>
      <EuiText size="s">
        <p>
          POST alerts (ECS fields, <code>kibana.alert.reason</code>, <code>kibana.alert.severity</code>…) to this URL; each request is one
          rule run and runs the rule&apos;s actions for its alerts.
        </p>
      </EuiText>
      <EuiSpacer size="s" />
      <EuiCodeBlock language="text" isCopyable paddingSize="s" data-test-subj="ruleAlertsUrl">
        {url}
      </EuiCodeBlock>
      <EuiSpacer size="s" />
      <EuiCodeBlock language="bash" isCopyable paddingSize="s" data-test-subj="ruleAlertsCurl">
        {curl}
      </EuiCodeBlock>
    </EuiPanel>
  );
};

const RuleDetails = ({ rule, connectors }: { rule: RuleResponse; connectors: ConnectorResponse[] }) => {
  const { actionTypeRegistry } = useRulesServices();
  const { status, error } = rule.execution_status;
  const describeAction = (action: RuleResponse['actions'][number]) => {
    const connector = connectors.find(({ id }) => id === action.id);
    const model = actionTypeRegistry.has(action.connector_type_id) ? actionTypeRegistry.get(action.connector_type_id) : undefined;
    const title = connector ? actionTitle(connector, model) : action.id;
    const when = action.frequency ? ` · ${action.group} · ${action.frequency.summary ? 'summary of alerts' : 'for each alert'}` : '';
    return `${title}${when}`;
  };
  return (
    <>
      <EuiDescriptionList
        type="column"
        compressed
        listItems={[
          { title: 'Rule type', description: rule.rule_type_id },
          { title: 'Consumer', description: rule.consumer },
          { title: 'Check every', description: rule.schedule.interval },
          { title: 'Enabled', description: rule.enabled ? 'Yes' : 'No' },
          {
            title: 'Last execution',
            description: (
              <span data-test-subj="ruleDetailStatus">
                <EuiHealth color={status === 'error' ? 'danger' : status === 'ok' ? 'success' : 'subdued'}>{status}</EuiHealth>
                {error && <EuiText size="xs" color="danger">{error.message}</EuiText>}
              </span>
            ),
          },
          {
            title: 'Actions',
            description: rule.actions.length === 0 ? 'None' : rule.actions.map((action) => <div key={action.uuid ?? action.id}>{describeAction(action)}</div>),
          },
        ]}
      />
      <EuiSpacer size="l" />
      {rule.rule_type_id === WEBHOOK_RULE_TYPE_ID && <AlertsWebhook rule={rule} />}
    </>
  );
};

export const RuleDetailPage = ({ ruleId }: { ruleId: string }) => {
  const { api, history } = useRulesServices();
  const link = useLink(history);
  const load = useCallback(() => Promise.all([api.getRule(ruleId), api.listConnectors()]), [api, ruleId]);
  const { data, error } = useLoad(load);
  const rule = data?.[0];

  return (
    <EuiPageTemplate restrictWidth={1000} panelled={false} grow>
      <EuiPageTemplate.Header
        pageTitle={rule?.name ?? 'Rule'}
        rightSideItems={[
          <EuiButton key="edit" iconType="pencil" {...link(rulePaths.edit(ruleId))} data-test-subj="editRuleButton">
            Edit
          </EuiButton>,
          <EuiButtonEmpty key="back" iconType="chevronSingleLeft" {...link(rulePaths.list())}>
            All rules
          </EuiButtonEmpty>,
        ]}
      />
      <EuiPageTemplate.Section>
        {error !== undefined ? (
          <EuiCallOut title="Could not load the rule" color="danger" iconType="error">
            <p>{errorMessage(error)}</p>
          </EuiCallOut>
        ) : data ? (
          <RuleDetails rule={data[0]} connectors={data[1]} />
        ) : (
          <EuiLoadingSpinner size="xl" />
        )}
      </EuiPageTemplate.Section>
    </EuiPageTemplate>
  );
};
