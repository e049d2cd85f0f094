import {
  EuiBasicTable,
  EuiButton,
  EuiFlexGroup,
  EuiFlexItem,
  EuiFlyout,
  EuiFlyoutBody,
  EuiFlyoutFooter,
  EuiFlyoutHeader,
  EuiSpacer,
  EuiText,
  EuiTitle,
  useGeneratedHtmlId,
} from '@elastic/eui';
import { ALERT_FLYOUT_ACTIONS_TRIGGER, type UiActionsStart } from '@kbn/ui-actions-plugin/public';
import { ActionMenu } from './action_menu';
import { SeverityBadge } from './alert_badges';
import { fieldText, toReference, type AlertHit } from './alerts_api';

export interface AlertFlyoutProps {
  alert: AlertHit;
  uiActions: UiActionsStart;
  onClose(): void;
  onActionDone(error?: unknown): void;
}

/** One alert's fields, and the flyout trigger's actions under "Take action", as in Kibana's alert flyout. */
export const AlertFlyout = ({ alert, uiActions, onClose, onActionDone }: AlertFlyoutProps) => {
  const titleId = useGeneratedHtmlId();
  const source = alert._source;
  const fields = [
    { field: '_id', value: alert._id },
    { field: '_index', value: alert._index },
    ...Object.keys(source)
      .sort()
      .map((field) => ({ field, value: fieldText(source, field) })),
  ];
  return (
    <EuiFlyout onClose={onClose} size="m" aria-labelledby={titleId} data-test-subj="alertFlyout">
      <EuiFlyoutHeader hasBorder>
        <EuiTitle size="s">
          <h2 id={titleId}>{fieldText(source, 'kibana.alert.rule.name')}</h2>
        </EuiTitle>
        <EuiSpacer size="s" />
        <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false}>
          <EuiFlexItem grow={false}>
            <SeverityBadge severity={source['kibana.alert.severity']} />
          </EuiFlexItem>
          <EuiFlexItem>
            <EuiText size="s">{fieldText(source, 'kibana.alert.reason')}</EuiText>
          </EuiFlexItem>
        </EuiFlexGroup>
      </EuiFlyoutHeader>
      <EuiFlyoutBody>
        <EuiBasicTable
          tableCaption="Alert fields"
          items={fields}
          columns={[
            { field: 'field', name: 'Field', width: '40%', render: (field: string) => <code>{field}</code> },
            { field: 'value', name: 'Value', render: (value: string) => <span style={{ wordBreak: 'break-word' }}>{value}</span> },
          ]}
          data-test-subj="alertFlyoutFields"
        />
      </EuiFlyoutBody>
      <EuiFlyoutFooter>
        <EuiFlexGroup justifyContent="flexEnd">
          <EuiFlexItem grow={false}>
            <ActionMenu
              uiActions={uiActions}
              triggerId={ALERT_FLYOUT_ACTIONS_TRIGGER}
              alerts={[toReference(alert)]}
              onActionDone={onActionDone}
              testSubj="alertFlyoutAction"
              button={(open) => (
                <EuiButton fill iconType="arrowDown" iconSide="right" onClick={open} data-test-subj="alertFlyoutTakeAction">
                  Take action
                </EuiButton>
              )}
            />
          </EuiFlexItem>
        </EuiFlexGroup>
      </EuiFlyoutFooter>
    </EuiFlyout>
  );
};
