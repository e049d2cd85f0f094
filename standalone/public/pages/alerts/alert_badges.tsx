import { EuiBadge, EuiHealth } from '@elastic/eui';

const SEVERITY_COLORS: Record<string, string> = { critical: 'danger', high: '#DA8B45', medium: 'warning', low: 'default' };

export const SeverityBadge = ({ severity }: { severity: unknown }) =>
  typeof severity === 'string' && severity ? (
    <EuiBadge color={SEVERITY_COLORS[severity] ?? 'hollow'} data-test-subj="alertSeverity">
      {severity}
    </EuiBadge>
  ) : (
    <>—</>
  );

const STATUS_COLORS: Record<string, string> = { active: 'danger', recovered: 'success', untracked: 'subdued' };

export const AlertStatus = ({ status }: { status: unknown }) =>
  typeof status === 'string' ? <EuiHealth color={STATUS_COLORS[status] ?? 'subdued'}>{status}</EuiHealth> : <>—</>;
