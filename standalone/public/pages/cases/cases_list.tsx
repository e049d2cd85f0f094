import { useCallback, useState, type MouseEvent } from 'react';
import { EuiBasicTable, EuiCallOut, EuiLink, EuiPageTemplate, type CriteriaWithPagination, type EuiBasicTableColumn } from '@elastic/eui';
import type { HttpStart } from '@kbn/core/public';
import { errorMessage, formatTime, useLoad } from '../use_load';
import { CaseSeverity, CaseStatus, Tags } from './case_badges';
import { findCases, type CaseSummary } from './cases_api';

export interface CasesListProps {
  http: HttpStart;
  /** `href` and `onClick` of a link to a case's page. */
  caseLink(id: string): { href: string; onClick(event: MouseEvent): void };
}

export const CasesList = ({ http, caseLink }: CasesListProps) => {
  const [page, setPage] = useState({ index: 0, size: 20 });
  const load = useCallback(() => findCases(http, { page: page.index + 1, perPage: page.size }), [http, page]);
  const { data, error, loading } = useLoad(load);

  const columns: Array<EuiBasicTableColumn<CaseSummary>> = [
    {
      field: 'title',
      name: 'Title',
      render: (title: string, item) => (
        <EuiLink {...caseLink(item.id)} data-test-subj={`caseLink-${item.id}`}>
          {title}
        </EuiLink>
      ),
    },
    { field: 'status', name: 'Status', width: '110px', render: (status: CaseSummary['status']) => <CaseStatus status={status} /> },
    {
      field: 'severity',
      name: 'Severity',
      width: '100px',
      render: (severity: CaseSummary['severity']) => <CaseSeverity severity={severity} />,
    },
    { field: 'tags', name: 'Tags', render: (tags: string[]) => <Tags tags={tags} /> },
    { field: 'totalComment', name: 'Comments', width: '100px', dataType: 'number' },
    { field: 'totalAlerts', name: 'Alerts', width: '80px', dataType: 'number' },
    { field: 'created_at', name: 'Created', width: '200px', render: (createdAt: string) => formatTime(createdAt) },
  ];

  return (
    <EuiPageTemplate restrictWidth={false}>
      <EuiPageTemplate.Header pageTitle="Cases" description="Cases opened by people and by workflows, newest first." />
      <EuiPageTemplate.Section>
        {error !== undefined && <EuiCallOut color="danger" iconType="warning" title={`Could not load the cases: ${errorMessage(error)}`} />}
        <EuiBasicTable<CaseSummary>
          tableCaption="Cases"
          items={data?.cases ?? []}
          columns={columns}
          loading={loading}
          noItemsMessage={loading ? 'Loading cases…' : 'No cases yet.'}
          pagination={{ pageIndex: page.index, pageSize: page.size, totalItemCount: data?.total ?? 0, pageSizeOptions: [10, 20, 50] }}
          onChange={({ page: next }: CriteriaWithPagination<CaseSummary>) => next && setPage({ index: next.index, size: next.size })}
          rowProps={(item) => ({ 'data-test-subj': `caseRow-${item.id}` })}
          data-test-subj="casesTable"
        />
      </EuiPageTemplate.Section>
    </EuiPageTemplate>
  );
};
