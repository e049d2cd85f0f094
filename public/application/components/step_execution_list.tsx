import {
  EuiAccordion,
  EuiBadge,
  EuiCodeBlock,
  EuiFlexGrid,
  EuiFlexGroup,
  EuiFlexItem,
  EuiPanel,
  EuiSpacer,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import { i18n } from '@kbn/i18n';
import type { StepExecutionDto } from '../../../common/api';
import { formatDuration } from '../lib/format';
import { ExecutionStatusBadge } from './status_badge';

const strings = {
  input: i18n.translate('workflows.execution.step.input', { defaultMessage: 'Input' }),
  output: i18n.translate('workflows.execution.step.output', { defaultMessage: 'Output' }),
  error: i18n.translate('workflows.execution.step.error', { defaultMessage: 'Error' }),
  none: i18n.translate('workflows.execution.step.none', { defaultMessage: 'None' }),
  noSteps: i18n.translate('workflows.execution.noSteps', { defaultMessage: 'No step has started yet.' }),
};

/** Strings (a console step's message) read better unquoted; everything else as JSON. */
const JsonBlock = ({ title, value, testSubj }: { title: string; value: unknown; testSubj: string }) => (
  <div data-test-subj={testSubj}>
    <EuiTitle size="xxs">
      <h4>{title}</h4>
    </EuiTitle>
    <EuiSpacer size="xs" />
    {value === undefined || value === null ? (
      <EuiText size="s" color="subdued">
        {strings.none}
      </EuiText>
    ) : (
      <EuiCodeBlock language={typeof value === 'string' ? 'text' : 'json'} fontSize="s" paddingSize="s" overflowHeight={320} isCopyable>
        {typeof value === 'string' ? value : JSON.stringify(value, null, 2)}
      </EuiCodeBlock>
    )}
  </div>
);

// A step inside a foreach or if has a path like `loop[2]>print`: indent it under its parent.
const depthOf = (path: string) => path.split('>').length - 1;

const StepExecutionPanel = ({ step }: { step: StepExecutionDto }) => (
  <EuiPanel
    hasBorder
    paddingSize="s"
    style={{ marginLeft: depthOf(step.path) * 24 }}
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

/** Every step execution in the order it ran; a foreach body appears once per item. */
export const StepExecutionList = ({ steps }: { steps: StepExecutionDto[] }) =>
  steps.length === 0 ? (
    <EuiText color="subdued" size="s">
      {strings.noSteps}
    </EuiText>
  ) : (
    <EuiFlexGroup direction="column" gutterSize="s" data-test-subj="stepExecutionList">
      {steps.map((step) => (
        <EuiFlexItem key={step.id}>
          <StepExecutionPanel step={step} />
        </EuiFlexItem>
      ))}
    </EuiFlexGroup>
  );
