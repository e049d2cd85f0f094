import { EuiBadge, EuiFlexGroup, EuiFlexItem } from '@elastic/eui';
import { i18n } from '@kbn/i18n';

const TRIGGER_LOOKS: Record<string, { label: string; iconType: string }> = {
  manual: { label: i18n.translate('workflows.trigger.manual', { defaultMessage: 'Manual' }), iconType: 'user' },
  scheduled: { label: i18n.translate('workflows.trigger.scheduled', { defaultMessage: 'Scheduled' }), iconType: 'clock' },
  alert: { label: i18n.translate('workflows.trigger.alert', { defaultMessage: 'Alert' }), iconType: 'bell' },
};

/** What starts a workflow's runs, one badge per trigger type; an unknown type shows as written. */
export const TriggerBadges = ({ triggerTypes }: { triggerTypes: string[] }) => (
  <EuiFlexGroup gutterSize="xs" wrap responsive={false}>
    {[...new Set(triggerTypes)].map((type) => (
      <EuiFlexItem grow={false} key={type}>
        <EuiBadge color="hollow" iconType={TRIGGER_LOOKS[type]?.iconType} data-test-subj={`triggerBadge-${type}`}>
          {TRIGGER_LOOKS[type]?.label ?? type}
        </EuiBadge>
      </EuiFlexItem>
    ))}
  </EuiFlexGroup>
);
