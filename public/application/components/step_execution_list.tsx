import { EuiAccordion, EuiBadge, EuiFlexGrid, EuiFlexGroup, EuiFlexItem, EuiPanel, EuiText } from '@elastic/eui';
import { i18n } from '@kbn/i18n';
import type { StepExecutionDto } from '../../../common/api';
import { formatDuration } from '../lib/format';
import { JsonBlock } from './json_block';
import { ExecutionStatusBadge } from './status_badge';

const strings = {
  input: i18n.translate('workflows.execution.step.input', { defaultMessage: 'Input' }),
  output: i18n.translate('workflows.execution.step.output', { defaultMessage: 'Output' }),
  error: i18n.translate('workflows.execution.step.error', { defaultMessage: 'Error' }),
  noSteps: i18n.translate('workflows.execution.noSteps', { defaultMessage: 'No step has started yet.' }),
};

// A step inside a foreach or if has a path like `loop[2]>print`: indent it under its parent.
const depthOf = (path: string) => path.split('>').length - 1;

/** The DOM id of a step execution's panel, for links that bring it into view. */
export const stepAnchorId = (stepExecutionId: string) => `step-execution-${stepExecutionId}`;

const effectsLabel = (count: number) =>
  count === 1
    ? i18n.translate('workflows.execution.step.oneEffect', { defaultMessage: '1 proposed effect' })
    : i18n.translate('workflows.execution.step.effects', { defaultMessage: '{count} proposed effects', values: { count } });

const StepExecutionPanel = ({ step, highlighted }: { step: StepExecutionDto; highlighted: boolean }) => (
  <EuiPanel
    id={stepAnchorId(step.id)}
    hasBorder
    paddingSize="s"
    color={highlighted ? 'primary' : 'plain'}
    style={{ marginLeft: depthOf(step.path) * 24, scrollMarginTop: 120 }}
    data-test-subj="stepExecution"
    data-step-name={step.name}
  >
    <EuiAccordion
      id={`step-${step.id}`}
      buttonContent={
        <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false}>
          <EuiFlexItem grow={false}>
            <strong>{step.name}</strong>
          </EuiFlexItem>
          <EuiFlexItem grow={false}>
            <EuiBadge color="hollow">{step.type}</EuiBadge>
          </EuiFlexItem>
          {step.effects && step.effects.length > 0 && (
            <EuiFlexItem grow={false}>
              <EuiBadge color="primary" iconType="eye" data-test-subj="stepEffectsBadge">
                {effectsLabel(step.effects.length)}
              </EuiBadge>
            </EuiFlexItem>
          )}
          {step.path !== step.name && (
            <EuiFlexItem grow={false}>
              <EuiText size="xs" color="subdued">
                <code>{step.path}</code>
              </EuiText>
            </EuiFlexItem>
          )}
        </EuiFlexGroup>
      }
      extraAction={
        <EuiFlexGroup gutterSize="m" alignItems="center" responsive={false}>
          <EuiFlexItem grow={false}>
            <EuiText size="xs" color="subdued">
              {i18n.translate('workflows.execution.step.attempt', {
                defaultMessage: 'Attempt {attempt}',
                values: { attempt: step.attempt },
              })}
            </EuiText>
          </EuiFlexItem>
          <EuiFlexItem grow={false}>
            <EuiText size="xs" color="subdued">
              {formatDuration(step.startedAt, step.finishedAt)}
            </EuiText>
          </EuiFlexItem>
          <EuiFlexItem grow={false}>
            <ExecutionStatusBadge status={step.status} />
          </EuiFlexItem>
        </EuiFlexGroup>
      }
      initialIsOpen={step.status === 'failed'}
      paddingSize="s"
    >
      <EuiFlexGrid columns={step.error ? 3 : 2} gutterSize="m">
        <EuiFlexItem>
          <JsonBlock title={strings.input} value={step.input} testSubj="stepExecutionInput" />
        </EuiFlexItem>
        <EuiFlexItem>
          <JsonBlock title={strings.output} value={step.output} testSubj="stepExecutionOutput" />
        </EuiFlexItem>
        {step.error && (
          <EuiFlexItem>
            <JsonBlock title={strings.error} value={step.error} testSubj="stepExecutionError" />
          </EuiFlexItem>
        )}
      </EuiFlexGrid>
    </EuiAccordion>
  </EuiPanel>
);

/**
 * Every step execution in the order it ran; a foreach body appears once per item. The
 * highlighted one is where a link (a proposed effect, a log line) pointed the reader.
 */
export const StepExecutionList = ({ steps, highlightedId }: { steps: StepExecutionDto[]; highlightedId?: string }) =>
  steps.length === 0 ? (
    <EuiText color="subdued" size="s">
      {strings.noSteps}
    </EuiText>
  ) : (
    <EuiFlexGroup direction="column" gutterSize="s" data-test-subj="stepExecutionList">
      {steps.map((step) => (
        <EuiFlexItem key={step.id}>
          <StepExecutionPanel step={step} highlighted={step.id === highlightedId} />
        </EuiFlexItem>
      ))}
    </EuiFlexGroup>
  );
