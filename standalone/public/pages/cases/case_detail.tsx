import { useCallback, type MouseEvent } from 'react';
import {
  EuiBasicTable,
  EuiButtonEmpty,
  EuiCallOut,
  EuiComment,
  EuiCommentList,
  EuiFlexGroup,
  EuiFlexItem,
  EuiLoadingSpinner,
  EuiPageTemplate,
  EuiPanel,
  EuiSpacer,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import type { HttpStart } from '@kbn/core/public';
import { errorMessage, formatTime, useLoad } from '../use_load';
import { CaseSeverity, CaseStatus, Tags } from './case_badges';
import { attachedAlerts, getCase, type CaseAttachment, type UserComment } from './cases_api';

export interface CaseDetailProps {
  http: HttpStart;
  caseId: string;
  backLink: { href: string; onClick(event: MouseEvent): void };
}

const isUserComment = (comment: CaseAttachment): comment is UserComment => comment.type === 'user';

/** One case: its description, the user comments, and the alerts attached to it with their rule. */
export const CaseDetail = ({ http, caseId, backLink }: CaseDetailProps) => {
  const load = useCallback(() => getCase(http, caseId), [http, caseId]);
  const { data: theCase, error, loading } = useLoad(load);
  const back = (
    <EuiButtonEmpty iconType="arrowLeft" flush="left" size="s" {...backLink} data-test-subj="backToCases">
      All cases
    </EuiButtonEmpty>
  );

  if (!theCase) {
    return (
      <EuiPageTemplate>
        <EuiPageTemplate.Section>
          {back}
          {loading ? (
            <EuiLoadingSpinner size="l" />
          ) : (
            <EuiCallOut color="danger" title={`Could not load the case: ${errorMessage(error)}`} />
          )}
        </EuiPageTemplate.Section>
      </EuiPageTemplate>
    );
  }

  const comments = (theCase.comments ?? []).filter(isUserComment);
  const alerts = attachedAlerts(theCase.comments);
  return (
    <EuiPageTemplate restrictWidth={false}>
      <EuiPageTemplate.Header
        pageTitle={<span data-test-subj="caseTitle">{theCase.title}</span>}
        breadcrumbs={[]}
        description={
          <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false} wrap>
            <EuiFlexItem grow={false}>
              <CaseStatus status={theCase.status} />
            </EuiFlexItem>
            <EuiFlexItem grow={false}>
              <CaseSeverity severity={theCase.severity} />
            </EuiFlexItem>
            <EuiFlexItem grow={false}>
              <Tags tags={theCase.tags} />
            </EuiFlexItem>
            <EuiFlexItem grow={false}>
              <EuiText size="xs" color="subdued">
                {`Opened ${formatTime(theCase.created_at)} by ${theCase.created_by.full_name || theCase.created_by.username || 'unknown'}`}
              </EuiText>
            </EuiFlexItem>
          </EuiFlexGroup>
        }
        rightSideItems={[back]}
      />
      <EuiPageTemplate.Section>
        <EuiPanel hasBorder data-test-subj="caseDescription">
          <EuiText size="s" style={{ whiteSpace: 'pre-wrap' }}>
            {theCase.description}
          </EuiText>
        </EuiPanel>
        <EuiSpacer />
        <EuiTitle size="xs">
          <h3>{`Alerts (${alerts.length})`}</h3>
        </EuiTitle>
        <EuiSpacer size="s" />
        <EuiBasicTable
          tableCaption="Attached alerts"
          items={alerts}
          itemId="key"
          noItemsMessage="No alerts are attached to this case."
          columns={[
            { field: 'ruleName', name: 'Rule' },
            { field: 'alertId', name: 'Alert id', render: (alertId: string) => <code>{alertId}</code> },
            { field: 'index', name: 'Index' },
            { field: 'attachedAt', name: 'Attached', render: (attachedAt: string) => formatTime(attachedAt) },
          ]}
          rowProps={(alert) => ({ 'data-test-subj': `caseAlert-${alert.alertId}` })}
          data-test-subj="caseAlerts"
        />
        <EuiSpacer />
        <EuiTitle size="xs">
          <h3>{`Comments (${comments.length})`}</h3>
        </EuiTitle>
        <EuiSpacer size="s" />
        {comments.length === 0 ? (
          <EuiText size="s" color="subdued">
            No comments yet.
          </EuiText>
        ) : (
          <EuiCommentList data-test-subj="caseComments">
            {comments.map((comment) => (
              <EuiComment
                key={comment.id}
                username={comment.created_by.full_name || comment.created_by.username || 'unknown'}
                timestamp={formatTime(comment.created_at)}
                event="added a comment"
              >
                <EuiText size="s" style={{ whiteSpace: 'pre-wrap' }}>
                  {comment.comment}
                </EuiText>
              </EuiComment>
            ))}
          </EuiCommentList>
        )}
      </EuiPageTemplate.Section>
    </EuiPageTemplate>
  );
};
