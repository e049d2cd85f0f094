import { EuiConfirmModal } from '@elastic/eui';
import { i18n } from '@kbn/i18n';
import type { WorkflowDto } from '../../../common/api';

export const DeleteWorkflowModal = ({ workflow, onCancel, onConfirm }: { workflow: WorkflowDto; onCancel(): void; onConfirm(): void }) => (
  <EuiConfirmModal
    title={i18n.translate('workflows.delete.title', { defaultMessage: 'Delete workflow "{name}"?', values: { name: workflow.name } })}
    onCancel={onCancel}
    onConfirm={onConfirm}
    cancelButtonText={i18n.translate('workflows.delete.cancel', { defaultMessage: 'Cancel' })}
    confirmButtonText={i18n.translate('workflows.delete.confirm', { defaultMessage: 'Delete' })}
    buttonColor="danger"
    defaultFocusedButton="cancel"
    data-test-subj="deleteWorkflowModal"
  >
    <p>
      {i18n.translate('workflows.delete.body', {
        defaultMessage: 'The workflow stops running and its definition is removed. This cannot be undone.',
      })}
    </p>
  </EuiConfirmModal>
);
