import { useState } from 'react';
import { EuiButton, EuiConfirmModal } from '@elastic/eui';
import { i18n } from '@kbn/i18n';
import { useServices } from '../services';

const strings = {
  cancel: i18n.translate('workflows.execution.cancelButton', { defaultMessage: 'Cancel run' }),
  title: i18n.translate('workflows.execution.cancelTitle', { defaultMessage: 'Cancel this run?' }),
  body: i18n.translate('workflows.execution.cancelBody', {
    defaultMessage: 'Steps in flight are aborted and no further step starts. What already happened is not undone.',
  }),
  confirm: i18n.translate('workflows.execution.cancelConfirm', { defaultMessage: 'Cancel run' }),
  keep: i18n.translate('workflows.execution.cancelKeep', { defaultMessage: 'Keep running' }),
};

interface CancelExecutionButtonProps {
  executionId: string;
  /** Called once the server answered; `error` when it refused (e.g. the run had already ended). */
  onSettled(error?: unknown): void;
}

/** Cancels a run after a confirmation: stopping a response halfway is not something to do by a slip. */
export const CancelExecutionButton = ({ executionId, onSettled }: CancelExecutionButtonProps) => {
  const { api } = useServices();
  const [confirming, setConfirming] = useState(false);
  const [cancelling, setCancelling] = useState(false);

  const cancel = async () => {
    setConfirming(false);
    setCancelling(true);
    try {
      await api.cancelExecution(executionId);
      onSettled();
    } catch (error) {
      onSettled(error);
    } finally {
      setCancelling(false);
    }
  };

  return (
    <>
      <EuiButton
        color="danger"
        iconType="stop"
        isLoading={cancelling}
        onClick={() => setConfirming(true)}
        data-test-subj="cancelExecutionButton"
      >
        {strings.cancel}
      </EuiButton>
      {confirming && (
        <EuiConfirmModal
          title={strings.title}
          onCancel={() => setConfirming(false)}
          onConfirm={cancel}
          cancelButtonText={strings.keep}
          confirmButtonText={strings.confirm}
          buttonColor="danger"
          defaultFocusedButton="cancel"
          data-test-subj="cancelExecutionModal"
        >
          <p>{strings.body}</p>
        </EuiConfirmModal>
      )}
    </>
  );
};
