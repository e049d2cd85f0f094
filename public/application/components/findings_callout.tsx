import { EuiCallOut, EuiLink, EuiText } from '@elastic/eui';
import type { ValidationFinding } from '../../../common/api';

interface FindingsCalloutProps {
  title: string;
  color: 'danger' | 'warning';
  /** The server's message when it refused the save altogether; the findings say it better when there are any. */
  message?: string;
  findings: ValidationFinding[];
  onSelect(finding: ValidationFinding): void;
}

/** Validation findings with their source positions; a click puts the cursor there. */
export const FindingsCallout = ({ title, color, message, findings, onSelect }: FindingsCalloutProps) => (
  <EuiCallOut title={title} color={color} iconType="warning" size="s" data-test-subj="workflowFindingsCallout">
    {message && findings.length === 0 && <p>{message}</p>}
    {findings.length > 0 && (
      <EuiText size="s">
        <ul>
          {findings.map((finding, index) => (
            <li key={index}>
              <EuiLink onClick={() => onSelect(finding)} data-test-subj="workflowFinding">
                {`${finding.line}:${finding.column}`}
              </EuiLink>{' '}
              {finding.message}
              {finding.path ? <code>{` (${finding.path})`}</code> : null}
            </li>
          ))}
        </ul>
      </EuiText>
    )}
  </EuiCallOut>
);
