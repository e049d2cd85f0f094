import { useCallback, useState, type MouseEvent } from 'react';
import {
  EuiBasicTable,
  EuiButton,
  EuiButtonEmpty,
  EuiCallOut,
  EuiFlexGroup,
  EuiFlexItem,
  EuiPageTemplate,
  EuiText,
  type CriteriaWithPagination,
  type EuiBasicTableColumn,
} from '@elastic/eui';
import type { CoreStart } from '@kbn/core/public';
import { ALERT_BULK_ACTIONS_TRIGGER, type UiActionsStart } from '@kbn/ui-actions-plugin/public';
import { errorMessage, formatTime, useLoad } from '../use_load';
import { ActionMenu } from './action_menu';
import { AlertFlyout } from './alert_flyout';
import { AlertStatus, SeverityBadge } from './alert_badges';
import { fieldText, findAlerts, toReference, type AlertHit } from './alerts_api';
import { RowActions } from './row_actions';

export interface AlertsPageProps {
  core: Pick<CoreStart, 'http' | 'notifications'>;
  uiActions: UiActionsStart;
}

/** Clicks on the row's own controls (checkbox, action buttons) must not open the flyout too. */
const isControl = (event: MouseEvent) => (event.target as HTMLElement).closest('button, a, input, label') !== null;

/**
 * The alerts of every rule, newest first. Row, bulk and flyout actions all come from `uiActions`
 * triggers, so any plugin can offer its own (the workflows plugin offers "Run workflow").
 */
export const AlertsPage = ({ core, uiActions }: AlertsPageProps) => {
  const [page, setPage] = useState({ index: 0, size: 20 });
  const [selected, setSelected] = useState<AlertHit[]>([]);
  const [shown, setShown] = useState<AlertHit | undefined>();
  const load = useCallback(() => findAlerts(core.http, { from: page.index * page.size, size: page.size }), [core.http, page]);
  const { data, error, loading, reload } = useLoad(load);

  const onActionDone = useCallback(
    (actionError?: unknown) => {
      if (actionError !== undefined) core.notifications.toasts.addDanger({ title: 'The action failed', text: errorMessage(actionError) });
      reload();
    },
    [core.notifications, reload],
  );

  const columns: Array<EuiBasicTableColumn<AlertHit>> = [
    { name: 'Time', width: '230px', render: (alert: AlertHit) => formatTime(alert._source['@timestamp']) },
    { name: 'Rule', render: (alert: AlertHit) => fieldText(alert._source, 'kibana.alert.rule.name') },
    { name: 'Severity', width: '100px', render: (alert: AlertHit) => <SeverityBadge severity={alert._source['kibana.alert.severity']} /> },
    { name: 'Reason', truncateText: true, render: (alert: AlertHit) => fieldText(alert._source, 'kibana.alert.reason') },
    { name: 'host.name', render: (alert: AlertHit) => fieldText(alert._source, 'host.name') },
    { name: 'Status', width: '110px', render: (alert: AlertHit) => <AlertStatus status={alert._source['kibana.alert.status']} /> },
    { name: 'Workflow status', width: '130px', render: (alert: AlertHit) => fieldText(alert._source, 'kibana.alert.workflow_status') },
    {
      name: 'Actions',
      width: '150px',
      render: (alert: AlertHit) => <RowActions uiActions={uiActions} alert={toReference(alert)} onActionDone={onActionDone} />,
    },
  ];

  return (
    <EuiPageTemplate restrictWidth={false}>
      <EuiPageTemplate.Header
        pageTitle="Alerts"
        description="Alerts of every rule, newest first. Click a row for its details."
        rightSideItems={[
          <EuiButtonEmpty key="refresh" iconType="refresh" onClick={reload} data-test-subj="alertsRefresh">
            Refresh
          </EuiButtonEmpty>,
        ]}
      />
      <EuiPageTemplate.Section>
        {error !== undefined && (
          <EuiCallOut color="danger" iconType="warning" title={`Could not load the alerts: ${errorMessage(error)}`} />
        )}
        <EuiFlexGroup alignItems="center" gutterSize="m" responsive={false} style={{ minHeight: 40 }}>
          <EuiFlexItem grow={false}>
            <EuiText size="s" color="subdued" data-test-subj="alertsCount">
              {data ? `${data.total} alerts` : ''}
            </EuiText>
          </EuiFlexItem>
          {selected.length > 0 && (
            <EuiFlexItem grow={false}>
              <ActionMenu
                uiActions={uiActions}
                triggerId={ALERT_BULK_ACTIONS_TRIGGER}
                alerts={selected.map(toReference)}
                onActionDone={(actionError) => {
                  setSelected([]);
                  onActionDone(actionError);
                }}
                testSubj="alertsBulkAction"
                button={(open) => (
                  <EuiButton size="s" iconType="arrowDown" iconSide="right" onClick={open} data-test-subj="alertsBulkActionsButton">
                    {`Selected ${selected.length} alerts`}
                  </EuiButton>
                )}
              />
            </EuiFlexItem>
          )}
        </EuiFlexGroup>
        <EuiBasicTable<AlertHit>
          tableCaption="Alerts"
          items={data?.alerts ?? []}
          itemId="_id"
          columns={columns}
          loading={loading}
          noItemsMessage={loading ? 'Loading alerts…' : 'No alerts yet. Rules write alerts here when they fire.'}
          selection={{ selected, onSelectionChange: setSelected }}
          pagination={{ pageIndex: page.index, pageSize: page.size, totalItemCount: data?.total ?? 0, pageSizeOptions: [10, 20, 50] }}
          onChange={({ page: next }: CriteriaWithPagination<AlertHit>) => next && setPage({ index: next.index, size: next.size })}
          rowProps={(alert) => ({
            'data-test-subj': `alertRow-${alert._id}`,
            style: { cursor: 'pointer' },
            onClick: (event: MouseEvent) => !isControl(event) && setShown(alert),
          })}
          data-test-subj="alertsTable"
        />
      </EuiPageTemplate.Section>
      {shown && <AlertFlyout alert={shown} uiActions={uiActions} onClose={() => setShown(undefined)} onActionDone={onActionDone} />}
    </EuiPageTemplate>
  );
};
