import { EuiBadge, EuiHealth } from '@elastic/eui';
import type { CaseSummary } from './cases_api';

const STATUS_COLORS: Record<CaseSummary['status'], string> = { open: 'primary', 'in-progress': 'warning', closed: 'subdued' };
const SEVERITY_COLORS: Record<CaseSummary['severity'], string> = { low: 'default', medium: 'warning', high: '#DA8B45', critical: 'danger' };

export const CaseStatus = ({ status }: { status: CaseSummary['status'] }) => (
  <EuiBadge color={STATUS_COLORS[status] ?? 'hollow'} data-test-subj="caseStatus">
    {status}
  </EuiBadge>
);

export const CaseSeverity = ({ severity }: { severity: CaseSummary['severity'] }) => (
  <EuiHealth color={SEVERITY_COLORS[severity] ?? 'subdued'}>{severity}</EuiHealth>
);

export const Tags = ({ tags }: { tags: string[] }) => (
  <>
    {tags.map((tag) => (
      <EuiBadge key={tag} color="hollow">
        {tag}
      </EuiBadge>
    ))}
  </>
);
