import { EuiBadge } from '@elastic/eui';
import { i18n } from '@kbn/i18n';
import type { ExecutionStatus } from '../../../common/api';

interface StatusLook {
  label: string;
  color: 'default' | 'hollow' | 'primary' | 'success' | 'warning' | 'danger';
  iconType?: string;
}

const STATUS_LOOKS: Record<ExecutionStatus, StatusLook> = {
  pending: { label: i18n.translate('workflows.status.pending', { defaultMessage: 'Pending' }), color: 'hollow', iconType: 'clock' },
  running: { label: i18n.translate('workflows.status.running', { defaultMessage: 'Running' }), color: 'primary', iconType: 'play' },
  waiting: { label: i18n.translate('workflows.status.waiting', { defaultMessage: 'Waiting' }), color: 'warning', iconType: 'clock' },
  waiting_for_input: {
    label: i18n.translate('workflows.status.waitingForInput', { defaultMessage: 'Waiting for input' }),
    color: 'warning',
    iconType: 'user',
  },
  completed: { label: i18n.translate('workflows.status.completed', { defaultMessage: 'Completed' }), color: 'success', iconType: 'check' },
  failed: { label: i18n.translate('workflows.status.failed', { defaultMessage: 'Failed' }), color: 'danger', iconType: 'error' },
  cancelled: { label: i18n.translate('workflows.status.cancelled', { defaultMessage: 'Cancelled' }), color: 'default', iconType: 'cross' },
  timed_out: { label: i18n.translate('workflows.status.timedOut', { defaultMessage: 'Timed out' }), color: 'danger', iconType: 'clock' },
  skipped: { label: i18n.translate('workflows.status.skipped', { defaultMessage: 'Skipped' }), color: 'default', iconType: 'minus' },
};

/** The status of an execution or step execution, colored like Kibana's health states. */
export const ExecutionStatusBadge = ({ status }: { status: ExecutionStatus }) => {
  const { label, color, iconType } = STATUS_LOOKS[status] ?? { label: status, color: 'default' };
  return (
    <EuiBadge color={color} iconType={iconType} data-test-subj="executionStatusBadge" data-status={status}>
      {label}
    </EuiBadge>
  );
};
