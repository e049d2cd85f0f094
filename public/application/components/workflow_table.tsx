import {
  EuiBadge,
  EuiBasicTable,
  EuiFlexGroup,
  EuiFlexItem,
  EuiLink,
  EuiSwitch,
  EuiText,
  EuiToolTip,
  type CriteriaWithPagination,
  type EuiBasicTableColumn,
} from '@elastic/eui';
import { i18n } from '@kbn/i18n';
import type { WorkflowDto } from '../../../common/api';
import { formatRelative, formatTimestamp } from '../lib/format';
import { appPaths, useAppLink } from '../router';
import { ExecutionStatusBadge } from './status_badge';
import { TriggerBadges } from './trigger_badges';

export interface WorkflowTableProps {
  workflows: WorkflowDto[];
  total: number;
  pageIndex: number;
  pageSize: number;
  loading: boolean;
  /** Ids whose enabled switch is waiting for the server. */
  pendingToggles: ReadonlySet<string>;
  onPageChange(page: { index: number; size: number }): void;
  onToggleEnabled(workflow: WorkflowDto, enabled: boolean): void;
  onRun(workflow: WorkflowDto): void;
  onDelete(workflow: WorkflowDto): void;
}

const strings = {
  name: i18n.translate('workflows.list.columns.name', { defaultMessage: 'Name' }),
  description: i18n.translate('workflows.list.columns.description', { defaultMessage: 'Description' }),
  tags: i18n.translate('workflows.list.columns.tags', { defaultMessage: 'Tags' }),
  enabled: i18n.translate('workflows.list.columns.enabled', { defaultMessage: 'Enabled' }),
  lastRun: i18n.translate('workflows.list.columns.lastRun', { defaultMessage: 'Last run' }),
  triggers: i18n.translate('workflows.list.columns.triggers', { defaultMessage: 'Triggers' }),
  nextRun: i18n.translate('workflows.list.columns.nextRun', { defaultMessage: 'Next run' }),
  nextRunTooltip: (at: string) =>
    i18n.translate('workflows.list.nextRunTooltip', { defaultMessage: 'Next scheduled run: {at}', values: { at: formatTimestamp(at) } }),
  actions: i18n.translate('workflows.list.columns.actions', { defaultMessage: 'Actions' }),
  neverRun: i18n.translate('workflows.list.neverRun', { defaultMessage: 'Never run' }),
  invalid: i18n.translate('workflows.list.invalidBadge', { defaultMessage: 'Invalid' }),
  run: i18n.translate('workflows.list.actions.run', { defaultMessage: 'Run' }),
  runDescription: i18n.translate('workflows.list.actions.runDescription', { defaultMessage: 'Run this workflow now' }),
  edit: i18n.translate('workflows.list.actions.edit', { defaultMessage: 'Edit' }),
  editDescription: i18n.translate('workflows.list.actions.editDescription', { defaultMessage: 'Edit the YAML of this workflow' }),
  executions: i18n.translate('workflows.list.actions.executions', { defaultMessage: 'Executions' }),
  executionsDescription: i18n.translate('workflows.list.actions.executionsDescription', {
    defaultMessage: 'See the runs of this workflow',
  }),
  delete: i18n.translate('workflows.list.actions.delete', { defaultMessage: 'Delete' }),
  deleteDescription: i18n.translate('workflows.list.actions.deleteDescription', { defaultMessage: 'Delete this workflow' }),
};

export const WorkflowTable = (props: WorkflowTableProps) => {
  const { workflows, total, pageIndex, pageSize, loading, pendingToggles, onPageChange, onToggleEnabled, onRun, onDelete } = props;
  const appLink = useAppLink();

  const columns: Array<EuiBasicTableColumn<WorkflowDto>> = [
    {
      field: 'name',
      name: strings.name,
      render: (name: string, workflow) => (
        <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false} wrap>
          <EuiFlexItem grow={false}>
            <EuiLink {...appLink(appPaths.edit(workflow.id))} data-test-subj="workflowNameLink">
              {name}
            </EuiLink>
          </EuiFlexItem>
          {!workflow.valid && (
            <EuiFlexItem grow={false}>
              <EuiBadge color="danger">{strings.invalid}</EuiBadge>
            </EuiFlexItem>
          )}
        </EuiFlexGroup>
      ),
    },
    { field: 'description', name: strings.description, truncateText: true },
    {
      field: 'tags',
      name: strings.tags,
      render: (tags: string[]) => (
        <EuiFlexGroup gutterSize="xs" wrap responsive={false}>
          {tags.map((tag) => (
            <EuiFlexItem grow={false} key={tag}>
              <EuiBadge color="hollow">{tag}</EuiBadge>
            </EuiFlexItem>
          ))}
        </EuiFlexGroup>
      ),
    },
    {
      field: 'triggerTypes',
      name: strings.triggers,
      render: (triggerTypes: string[]) => <TriggerBadges triggerTypes={triggerTypes} />,
    },
    {
      field: 'enabled',
      name: strings.enabled,
      width: '90px',
      render: (enabled: boolean, workflow) => (
        <EuiSwitch
          label={strings.enabled}
          showLabel={false}
          checked={enabled}
          disabled={pendingToggles.has(workflow.id)}
          onChange={(event) => onToggleEnabled(workflow, event.target.checked)}
          data-test-subj="workflowEnabledSwitch"
        />
      ),
    },
    {
      field: 'lastExecution',
      name: strings.lastRun,
      render: (lastExecution: WorkflowDto['lastExecution']) =>
        lastExecution ? (
          <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false}>
            <EuiFlexItem grow={false}>
              <EuiLink {...appLink(appPaths.execution(lastExecution.id))}>
                <ExecutionStatusBadge status={lastExecution.status} />
              </EuiLink>
            </EuiFlexItem>
            <EuiFlexItem grow={false}>
              <EuiToolTip content={formatTimestamp(lastExecution.startedAt)}>
                <EuiText size="xs" color="subdued" tabIndex={0}>
                  {formatRelative(lastExecution.startedAt)}
                </EuiText>
              </EuiToolTip>
            </EuiFlexItem>
          </EuiFlexGroup>
        ) : (
          <EuiText size="xs" color="subdued">
            {strings.neverRun}
          </EuiText>
        ),
    },
    {
      field: 'nextRunAt',
      name: strings.nextRun,
      // A disabled workflow keeps no schedule, whatever the last answer said.
      render: (nextRunAt: string | undefined, workflow) =>
        nextRunAt && workflow.enabled ? (
          <EuiToolTip content={strings.nextRunTooltip(nextRunAt)}>
            <EuiText size="xs" tabIndex={0} data-test-subj="workflowNextRun">
              {formatRelative(nextRunAt)}
            </EuiText>
          </EuiToolTip>
        ) : (
          <EuiText size="xs" color="subdued">
            —
          </EuiText>
        ),
    },
    {
      name: strings.actions,
      width: '140px',
      actions: [
        {
          name: strings.run,
          description: strings.runDescription,
          icon: 'play',
          type: 'icon',
          color: 'success',
          isPrimary: true,
          enabled: (workflow) => workflow.enabled && workflow.valid,
          onClick: onRun,
          'data-test-subj': 'runWorkflowAction',
        },
        {
          name: strings.edit,
          description: strings.editDescription,
          icon: 'pencil',
          type: 'icon',
          isPrimary: true,
          href: (workflow) => appLink(appPaths.edit(workflow.id)).href,
          onClick: (workflow, event) => appLink(appPaths.edit(workflow.id)).onClick(event),
          'data-test-subj': 'editWorkflowAction',
        },
        {
          name: strings.executions,
          description: strings.executionsDescription,
          icon: 'list',
          type: 'icon',
          href: (workflow) => appLink(appPaths.executions(workflow.id)).href,
          onClick: (workflow, event) => appLink(appPaths.executions(workflow.id)).onClick(event),
          'data-test-subj': 'workflowExecutionsAction',
        },
        {
          name: strings.delete,
          description: strings.deleteDescription,
          icon: 'trash',
          type: 'icon',
          color: 'danger',
          onClick: onDelete,
          'data-test-subj': 'deleteWorkflowAction',
        },
      ],
    },
  ];

  return (
    <EuiBasicTable<WorkflowDto>
      items={workflows}
      itemId="id"
      columns={columns}
      loading={loading}
      pagination={{ pageIndex, pageSize, totalItemCount: total, pageSizeOptions: [10, 20, 50] }}
      onChange={({ page }: CriteriaWithPagination<WorkflowDto>) => onPageChange(page)}
      tableCaption={i18n.translate('workflows.list.tableCaption', { defaultMessage: 'Workflows' })}
      rowProps={(workflow) => ({ 'data-test-subj': `workflowRow-${workflow.id}` })}
    />
  );
};
