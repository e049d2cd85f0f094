import { useCallback } from 'react';
import { EuiBasicTable, EuiCallOut, EuiHealth, EuiLink, EuiSpacer, type EuiBasicTableColumn } from '@elastic/eui';
import { i18n } from '@kbn/i18n';
import type { ExecutionLogDto } from '../../../common/api';
import { useRequest } from '../hooks/use_request';
import { errorMessage } from '../lib/errors';
import { formatTimestamp } from '../lib/format';
import { useServices } from '../services';

const strings = {
  level: i18n.translate('workflows.logs.columns.level', { defaultMessage: 'Level' }),
  time: i18n.translate('workflows.logs.columns.time', { defaultMessage: 'Time' }),
  step: i18n.translate('workflows.logs.columns.step', { defaultMessage: 'Step' }),
  message: i18n.translate('workflows.logs.columns.message', { defaultMessage: 'Message' }),
  empty: i18n.translate('workflows.logs.empty', { defaultMessage: 'This run has written no log lines.' }),
  loadFailed: i18n.translate('workflows.logs.loadFailedTitle', { defaultMessage: 'Could not load the logs' }),
  caption: i18n.translate('workflows.logs.caption', { defaultMessage: 'Log lines of the run' }),
};

const LEVEL_COLORS: Record<ExecutionLogDto['level'], string> = { debug: 'subdued', info: 'primary', warn: 'warning', error: 'danger' };

interface ExecutionLogsProps {
  executionId: string;
  inProgress: boolean;
  /** Brings the step a line belongs to into view; called with its path. */
  onSelectStepPath(stepPath: string): void;
}

/** The run's log lines, oldest first; refreshed while the run goes on and once more when it ends. */
export const ExecutionLogs = ({ executionId, inProgress, onSelectStepPath }: ExecutionLogsProps) => {
  const { api } = useServices();
  const load = useCallback(() => api.getExecutionLogs(executionId), [api, executionId]);
  // A new `pollWhile` when the run ends reloads once: the last lines arrive with the terminal status.
  const pollWhile = useCallback(() => inProgress, [inProgress]);
  const { data, error, loading } = useRequest(load, { pollWhile, intervalMs: 2000 });

  const columns: Array<EuiBasicTableColumn<ExecutionLogDto>> = [
    {
      field: 'level',
      name: strings.level,
      width: '90px',
      render: (level: ExecutionLogDto['level']) => <EuiHealth color={LEVEL_COLORS[level] ?? 'subdued'}>{level}</EuiHealth>,
    },
    { field: 'timestamp', name: strings.time, width: '220px', render: (timestamp: string) => formatTimestamp(timestamp) },
    {
      field: 'stepPath',
      name: strings.step,
      width: '20%',
      render: (stepPath?: string) => (stepPath ? <EuiLink onClick={() => onSelectStepPath(stepPath)}>{stepPath}</EuiLink> : '—'),
    },
    { field: 'message', name: strings.message, render: (message: string) => <code style={{ whiteSpace: 'pre-wrap' }}>{message}</code> },
  ];

  return (
    <>
      {error !== undefined && (
        <>
          <EuiCallOut title={strings.loadFailed} color="danger" iconType="error" size="s">
            <p>{errorMessage(error)}</p>
          </EuiCallOut>
          <EuiSpacer size="s" />
        </>
      )}
      <EuiBasicTable<ExecutionLogDto>
        items={data ?? []}
        columns={columns}
        loading={loading && data === undefined}
        noItemsMessage={strings.empty}
        tableCaption={strings.caption}
        compressed
        rowProps={(line) => ({ 'data-test-subj': 'executionLogLine', 'data-level': line.level })}
      />
    </>
  );
};
