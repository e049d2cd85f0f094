import { useMemo, useState } from 'react';
import {
  EuiButton,
  EuiButtonEmpty,
  EuiCallOut,
  EuiFormRow,
  EuiModal,
  EuiModalBody,
  EuiModalFooter,
  EuiModalHeader,
  EuiModalHeaderTitle,
  EuiSpacer,
  EuiSwitch,
  EuiText,
  EuiTextArea,
} from '@elastic/eui';
import { i18n } from '@kbn/i18n';
import { useRunWorkflow, type RunTarget } from '../hooks/use_run_workflow';
import { errorMessage } from '../lib/errors';
import { declaredInputs, parseJsonObject } from '../lib/run_inputs';

const strings = {
  runTitle: i18n.translate('workflows.runModal.runTitle', { defaultMessage: 'Run workflow' }),
  testTitle: i18n.translate('workflows.runModal.testTitle', { defaultMessage: 'Test workflow' }),
  testDescription: i18n.translate('workflows.runModal.testDescription', {
    defaultMessage: 'Runs the YAML in the editor as it is now, saved or not. The run is marked as a test run.',
  }),
  inputs: i18n.translate('workflows.runModal.inputsLabel', { defaultMessage: 'Inputs (JSON object)' }),
  noInputs: i18n.translate('workflows.runModal.noInputsHelp', { defaultMessage: 'The workflow declares no inputs.' }),
  event: i18n.translate('workflows.runModal.eventLabel', { defaultMessage: 'Event (JSON object, optional)' }),
  eventHelp: i18n.translate('workflows.runModal.eventHelp', {
    defaultMessage: 'Stands in for what a trigger passes, such as an alert; steps read it as event.',
  }),
  dryRun: i18n.translate('workflows.runModal.dryRunSwitch', { defaultMessage: 'Dry run (nothing leaves Kibana)' }),
  dryRunHelp: i18n.translate('workflows.runModal.dryRunHelp', {
    defaultMessage:
      'Connector, HTTP (other than GET), case, alert and Elasticsearch write steps record what they would send instead of sending it. Reads still run.',
  }),
  failed: i18n.translate('workflows.runModal.failedTitle', { defaultMessage: 'The run did not start' }),
  cancel: i18n.translate('workflows.runModal.cancelButton', { defaultMessage: 'Cancel' }),
  run: i18n.translate('workflows.runModal.runButton', { defaultMessage: 'Run' }),
  startDryRun: i18n.translate('workflows.runModal.dryRunButton', { defaultMessage: 'Start dry run' }),
};

const MONOSPACE = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' };

interface JsonFieldProps {
  label: string;
  help: string;
  value: string;
  error?: string;
  testSubj: string;
  rows: number;
  onChange(value: string): void;
  onBlur(): void;
}

const JsonField = (props: JsonFieldProps) => (
  <EuiFormRow label={props.label} helpText={props.help} isInvalid={props.error !== undefined} error={props.error} fullWidth>
    <EuiTextArea
      fullWidth
      rows={props.rows}
      value={props.value}
      isInvalid={props.error !== undefined}
      onChange={(event) => props.onChange(event.target.value)}
      onBlur={props.onBlur}
      style={MONOSPACE}
      spellCheck={false}
      data-test-subj={props.testSubj}
    />
  </EuiFormRow>
);

/**
 * The run form: inputs as JSON (prefilled with the declared defaults), an event for a test run,
 * and the dry-run switch. It stays open when the server refuses the run, with the reason shown.
 */
export const RunWorkflowModal = ({ target, onClose }: { target: RunTarget; onClose(): void }) => {
  const startRun = useRunWorkflow();
  const yaml = target.kind === 'run' ? target.workflow.yaml : target.yaml;
  const declared = useMemo(() => declaredInputs(yaml), [yaml]);
  const [inputsText, setInputsText] = useState(() => JSON.stringify(declared.defaults, null, 2));
  const [eventText, setEventText] = useState('');
  const [dryRun, setDryRun] = useState(false);
  // Errors show once a field is left or a run is attempted, not while the user is mid-keystroke.
  const [checked, setChecked] = useState(false);
  const [starting, setStarting] = useState(false);
  const [runError, setRunError] = useState<unknown>();

  const inputs = parseJsonObject(inputsText);
  const event = parseJsonObject(eventText);
  const withEvent = target.kind === 'test';

  const submit = async () => {
    setChecked(true);
    if (inputs.error !== undefined || (withEvent && event.error !== undefined)) return;
    setStarting(true);
    setRunError(undefined);
    try {
      const hasEvent = withEvent && eventText.trim() !== '';
      await startRun(target, { inputs: inputs.value, dryRun, ...(hasEvent ? { event: event.value } : {}) });
      onClose();
    } catch (error) {
      setRunError(error);
      setStarting(false);
    }
  };

  const inputsHelp =
    declared.names.length === 0
      ? strings.noInputs
      : i18n.translate('workflows.runModal.inputsHelp', {
          defaultMessage: 'Declared inputs: {names}. Those left out take their declared default.',
          values: { names: declared.names.join(', ') },
        });

  return (
    <EuiModal onClose={onClose} style={{ width: 640 }} data-test-subj="runWorkflowModal">
      <EuiModalHeader>
        <EuiModalHeaderTitle>{target.kind === 'run' ? strings.runTitle : strings.testTitle}</EuiModalHeaderTitle>
      </EuiModalHeader>
      <EuiModalBody>
        {/* First in the body: the form can be taller than the modal, and the reason must be seen. */}
        {runError !== undefined && (
          <>
            <EuiCallOut title={strings.failed} color="danger" iconType="error" size="s" data-test-subj="runWorkflowError">
              <p>{errorMessage(runError)}</p>
            </EuiCallOut>
            <EuiSpacer size="m" />
          </>
        )}
        {target.kind === 'test' && (
          <>
            <EuiText size="s" color="subdued">
              <p>{strings.testDescription}</p>
            </EuiText>
            <EuiSpacer size="m" />
          </>
        )}
        <JsonField
          label={strings.inputs}
          help={inputsHelp}
          value={inputsText}
          error={checked ? inputs.error : undefined}
          testSubj="runInputsField"
          rows={6}
          onChange={setInputsText}
          onBlur={() => setChecked(true)}
        />
        {withEvent && (
          <JsonField
            label={strings.event}
            help={strings.eventHelp}
            value={eventText}
            error={checked ? event.error : undefined}
            testSubj="runEventField"
            rows={4}
            onChange={setEventText}
            onBlur={() => setChecked(true)}
          />
        )}
        <EuiSpacer size="m" />
        <EuiFormRow helpText={strings.dryRunHelp} fullWidth>
          <EuiSwitch label={strings.dryRun} checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} data-test-subj="dryRunSwitch" />
        </EuiFormRow>
      </EuiModalBody>
      <EuiModalFooter>
        <EuiButtonEmpty onClick={onClose}>{strings.cancel}</EuiButtonEmpty>
        <EuiButton
          fill
          color={dryRun ? 'primary' : 'success'}
          iconType={dryRun ? 'eye' : 'play'}
          isLoading={starting}
          onClick={submit}
          data-test-subj="runWorkflowSubmit"
        >
          {dryRun ? strings.startDryRun : strings.run}
        </EuiButton>
      </EuiModalFooter>
    </EuiModal>
  );
};
