import { EuiDescriptionList, EuiLink, EuiPanel, EuiProgress } from '@elastic/eui';
import { i18n } from '@kbn/i18n';
import type { ExecutionDto } from '../../../common/api';
import { formatDuration, formatTimestamp } from '../lib/format';
import { appPaths, useAppLink } from '../router';
import { ExecutionStatusBadge } from './status_badge';

const strings = {
  status: i18n.translate('workflows.execution.status', { defaultMessage: 'Status' }),
  started: i18n.translate('workflows.execution.started', { defaultMessage: 'Started' }),
  finished: i18n.translate('workflows.execution.finished', { defaultMessage: 'Finished' }),
  duration: i18n.translate('workflows.execution.duration', { defaultMessage: 'Duration' }),
  triggeredBy: i18n.translate('workflows.execution.triggeredBy', { defaultMessage: 'Triggered by' }),
  parent: i18n.translate('workflows.execution.parent', { defaultMessage: 'Started by run' }),
  inProgress: i18n.translate('workflows.execution.inProgress', { defaultMessage: 'The run is in progress' }),
};

/** Status, timing and origin of a run; a child run links to the run that started it. */
export const ExecutionSummary = ({ execution, inProgress }: { execution: ExecutionDto; inProgress: boolean }) => {
  const appLink = useAppLink();
  const { parentExecutionId } = execution;
  return (
    <EuiPanel hasBorder paddingSize="m" style={{ position: 'relative' }}>
      {inProgress && (
        <EuiProgress size="xs" color="primary" position="absolute" aria-label={strings.inProgress} data-test-subj="executionInProgress" />
      )}
      <EuiDescriptionList
        type="column"
        compressed
        columnWidths={[1, 4]}
        listItems={[
          { title: strings.status, description: <ExecutionStatusBadge status={execution.status} /> },
          { title: strings.started, description: formatTimestamp(execution.startedAt) },
          { title: strings.finished, description: formatTimestamp(execution.finishedAt) },
          { title: strings.duration, description: formatDuration(execution.startedAt, execution.finishedAt) },
          { title: strings.triggeredBy, description: execution.triggeredBy },
          ...(parentExecutionId
            ? [
                {
                  title: strings.parent,
                  description: (
                    <EuiLink {...appLink(appPaths.execution(parentExecutionId))} data-test-subj="parentExecutionLink">
                      {parentExecutionId}
                    </EuiLink>
                  ),
                },
              ]
            : []),
        ]}
        data-test-subj="executionSummary"
      />
    </EuiPanel>
  );
};
