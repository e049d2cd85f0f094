import { useState } from 'react';
import { EuiButton, EuiCallOut, EuiFlexGroup, EuiFlexItem, EuiFormRow, EuiSpacer, EuiText, EuiTextArea } from '@elastic/eui';
import { i18n } from '@kbn/i18n';
import type { StepExecutionDto } from '../../../common/api';
import { errorMessage } from '../lib/errors';
import { useServices } from '../services';

const strings = {
  approvalTitle: i18n.translate('workflows.humanInput.approvalTitle', { defaultMessage: 'Waiting for approval' }),
  inputTitle: i18n.translate('workflows.humanInput.inputTitle', { defaultMessage: 'Waiting for input' }),
  comment: i18n.translate('workflows.humanInput.commentLabel', { defaultMessage: 'Comment (optional)' }),
  approve: i18n.translate('workflows.humanInput.approveButton', { defaultMessage: 'Approve' }),
  reject: i18n.translate('workflows.humanInput.rejectButton', { defaultMessage: 'Reject' }),
  response: i18n.translate('workflows.humanInput.responseLabel', { defaultMessage: 'Response' }),
  responseHelp: i18n.translate('workflows.humanInput.responseHelp', {
    defaultMessage: 'Sent as JSON when it is valid JSON, as text otherwise. The step passes it on as its output.',
  }),
  submit: i18n.translate('workflows.humanInput.submitButton', { defaultMessage: 'Send and resume' }),
  failed: i18n.translate('workflows.humanInput.failedTitle', { defaultMessage: 'The run was not resumed' }),
};

const stepMessage = (step?: StepExecutionDto): string | undefined => {
  const message = (step?.input as { message?: unknown } | null | undefined)?.message;
  return typeof message === 'string' && message !== '' ? message : undefined;
};

// An answer like `{"ticket": 42}` or `true` is data; anything else is what the person wrote.
const parseResponse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

interface HumanInputFormProps {
  executionId: string;
  /** The `waitForInput` / `waitForApproval` step the run is parked on, when the steps show it. */
  step?: StepExecutionDto;
  onResumed(): void;
}

/** The question a parked run asks, and the form that answers it through the resume API. */
export const HumanInputForm = ({ executionId, step, onResumed }: HumanInputFormProps) => {
  const { api } = useServices();
  const [text, setText] = useState('');
  const [sending, setSending] = useState<'approve' | 'reject' | 'input'>();
  const [error, setError] = useState<unknown>();
  const isApproval = step?.type === 'waitForApproval';
  const message = stepMessage(step);

  const send = async (kind: 'approve' | 'reject' | 'input') => {
    setSending(kind);
    setError(undefined);
    const comment = text.trim();
    const input = kind === 'input' ? parseResponse(text) : { approved: kind === 'approve', ...(comment ? { comment } : {}) };
    try {
      await api.resumeExecution(executionId, input);
      setText('');
      onResumed();
    } catch (resumeError) {
      setError(resumeError);
    } finally {
      setSending(undefined);
    }
  };

  return (
    <EuiCallOut
      title={isApproval ? strings.approvalTitle : strings.inputTitle}
      color="warning"
      iconType="user"
      data-test-subj="humanInputCallout"
    >
      {step && (
        <EuiText size="xs" color="subdued">
          <code>{step.path}</code>
        </EuiText>
      )}
      {message && (
        <EuiText size="s" data-test-subj="humanInputMessage">
          <p>{message}</p>
        </EuiText>
      )}
      <EuiSpacer size="s" />
      <EuiFormRow
        label={isApproval ? strings.comment : strings.response}
        helpText={isApproval ? undefined : strings.responseHelp}
        fullWidth
      >
        <EuiTextArea
          fullWidth
          rows={isApproval ? 2 : 4}
          value={text}
          onChange={(event) => setText(event.target.value)}
          data-test-subj={isApproval ? 'approvalComment' : 'humanInputResponse'}
        />
      </EuiFormRow>
      <EuiSpacer size="s" />
      <EuiFlexGroup gutterSize="s" responsive={false}>
        {isApproval ? (
          <>
            <EuiFlexItem grow={false}>
              <EuiButton
                fill
                color="success"
                iconType="check"
                isLoading={sending === 'approve'}
                isDisabled={sending !== undefined}
                onClick={() => send('approve')}
                data-test-subj="approveButton"
              >
                {strings.approve}
              </EuiButton>
            </EuiFlexItem>
            <EuiFlexItem grow={false}>
              <EuiButton
                color="danger"
                iconType="cross"
                isLoading={sending === 'reject'}
                isDisabled={sending !== undefined}
                onClick={() => send('reject')}
                data-test-subj="rejectButton"
              >
                {strings.reject}
              </EuiButton>
            </EuiFlexItem>
          </>
        ) : (
          <EuiFlexItem grow={false}>
            <EuiButton
              fill
              iconType="play"
              isLoading={sending === 'input'}
              onClick={() => send('input')}
              data-test-subj="submitHumanInputButton"
            >
              {strings.submit}
            </EuiButton>
          </EuiFlexItem>
        )}
      </EuiFlexGroup>
      {error !== undefined && (
        <>
          <EuiSpacer size="s" />
          <EuiCallOut title={strings.failed} color="danger" iconType="error" size="s" data-test-subj="humanInputError">
            <p>{errorMessage(error)}</p>
          </EuiCallOut>
        </>
      )}
    </EuiCallOut>
  );
};
