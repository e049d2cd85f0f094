import { useEffect, useMemo, useRef, useState } from 'react';
import {
  EuiButton,
  EuiFlexGroup,
  EuiFlexItem,
  EuiLoadingSpinner,
  EuiPageTemplate,
  EuiPanel,
  EuiSpacer,
  EuiSwitch,
  EuiText,
  EuiToolTip,
} from '@elastic/eui';
import { i18n } from '@kbn/i18n';
import type { ValidationFinding, WorkflowDto } from '../../../common/api';
import { YamlEditor, setWorkflowSchema, type YamlEditorHandle } from '../../editor';
import { FindingsCallout } from '../components/findings_callout';
import { PagePrompt } from '../components/page_prompt';
import { RunWorkflowModal } from '../components/run_workflow_modal';
import type { RunTarget } from '../hooks/use_run_workflow';
import { errorFindings, errorMessage } from '../lib/errors';
import { formatTimestamp } from '../lib/format';
import { NEW_WORKFLOW_YAML } from '../lib/new_workflow_template';
import { appPaths, useAppLink } from '../router';
import { useServices } from '../services';

const NO_FINDINGS: ValidationFinding[] = [];

const strings = {
  createTitle: i18n.translate('workflows.editor.createTitle', { defaultMessage: 'Create workflow' }),
  save: i18n.translate('workflows.editor.saveButton', { defaultMessage: 'Save' }),
  run: i18n.translate('workflows.editor.runButton', { defaultMessage: 'Run' }),
  test: i18n.translate('workflows.editor.testButton', { defaultMessage: 'Test' }),
  testHelp: i18n.translate('workflows.editor.testHelp', { defaultMessage: 'Run the YAML in the editor as a test run, without saving it' }),
  executions: i18n.translate('workflows.editor.executionsButton', { defaultMessage: 'Executions' }),
  enabled: i18n.translate('workflows.editor.enabledSwitch', { defaultMessage: 'Enabled' }),
  saveFirst: i18n.translate('workflows.editor.saveBeforeRun', { defaultMessage: 'Save your changes to run them.' }),
  enableFirst: i18n.translate('workflows.editor.enableBeforeRun', { defaultMessage: 'Enable the workflow to run it.' }),
  fixFirst: i18n.translate('workflows.editor.fixBeforeRun', { defaultMessage: 'Fix the validation errors to run it.' }),
  saved: i18n.translate('workflows.editor.savedToast', { defaultMessage: 'Workflow saved' }),
  saveFailed: i18n.translate('workflows.editor.saveFailedTitle', { defaultMessage: 'The workflow was not saved' }),
  invalid: i18n.translate('workflows.editor.invalidTitle', { defaultMessage: 'Saved, but the workflow cannot run until these are fixed' }),
  warnings: i18n.translate('workflows.editor.warningsTitle', { defaultMessage: 'Saved with warnings' }),
  loadFailed: i18n.translate('workflows.editor.loadFailedTitle', { defaultMessage: 'Could not load the workflow' }),
  schemaFailed: i18n.translate('workflows.editor.schemaFailedTitle', { defaultMessage: 'Schema validation is not available' }),
  toggleFailed: i18n.translate('workflows.editor.toggleFailedTitle', { defaultMessage: 'Could not change the workflow' }),
  editorLabel: i18n.translate('workflows.editor.ariaLabel', { defaultMessage: 'Workflow YAML' }),
  leaveTitle: i18n.translate('workflows.editor.leaveTitle', { defaultMessage: 'Discard unsaved changes?' }),
  leaveText: i18n.translate('workflows.editor.leaveText', { defaultMessage: 'The changes to this workflow have not been saved.' }),
};

export const WorkflowEditorPage = ({ workflowId }: { workflowId?: string }) => {
  const { api, http, notifications, history, onAppLeave } = useServices();
  const appLink = useAppLink();
  const [runTarget, setRunTarget] = useState<RunTarget>();
  const editor = useRef<YamlEditorHandle>(null);
  const [workflow, setWorkflow] = useState<WorkflowDto>();
  // What the server has; the editor is dirty when its text differs.
  const [savedYaml, setSavedYaml] = useState(workflowId ? '' : NEW_WORKFLOW_YAML);
  const [yaml, setYaml] = useState(savedYaml);
  const [loadError, setLoadError] = useState<unknown>();
  const [saveError, setSaveError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const [toggling, setToggling] = useState(false);
  const dirty = yaml !== savedYaml;
  const loading = workflowId !== undefined && workflow?.id !== workflowId && loadError === undefined;

  useEffect(() => {
    api
      .getWorkflowJsonSchema()
      .then(setWorkflowSchema, (error) => notifications.toasts.addWarning({ title: strings.schemaFailed, text: errorMessage(error) }));
  }, [api, notifications]);

  useEffect(() => {
    // After the first save the URL changes to /edit/<id>; the page already holds that workflow.
    if (!workflowId || workflow?.id === workflowId) return;
    let active = true;
    api.getWorkflow(workflowId).then(
      (loaded) => {
        if (!active) return;
        setWorkflow(loaded);
        setSavedYaml(loaded.yaml);
        setYaml(loaded.yaml);
      },
      (error) => active && setLoadError(error),
    );
    return () => {
      active = false;
    };
  }, [api, workflowId, workflow?.id]);

  useEffect(() => {
    onAppLeave((actions) => (dirty ? actions.confirm(strings.leaveText, strings.leaveTitle) : actions.default()));
    // The handler belongs to the app, not the page: other pages of the app must not inherit it.
    return () => onAppLeave((actions) => actions.default());
  }, [onAppLeave, dirty]);

  const rejectedFindings = useMemo(() => errorFindings(saveError), [saveError]);
  const findings: ValidationFinding[] = saveError ? rejectedFindings : (workflow?.validationErrors ?? NO_FINDINGS);

  const save = async () => {
    setSaving(true);
    setSaveError(undefined);
    const text = yaml;
    try {
      const saved = workflow ? await api.updateWorkflow(workflow.id, { yaml: text }) : await api.createWorkflow(text);
      setWorkflow(saved);
      setSavedYaml(text);
      if (saved.valid) notifications.toasts.addSuccess({ title: strings.saved, 'data-test-subj': 'workflowSavedToast' });
      if (!workflow) history.replace(appPaths.edit(saved.id));
    } catch (error) {
      setSaveError(error);
    } finally {
      setSaving(false);
    }
  };

  const toggleEnabled = async (enabled: boolean) => {
    if (!workflow) return;
    setToggling(true);
    try {
      setWorkflow(await api.updateWorkflow(workflow.id, { enabled }));
    } catch (error) {
      notifications.toasts.addDanger({ title: strings.toggleFailed, text: errorMessage(error) });
    } finally {
      setToggling(false);
    }
  };

  if (loadError !== undefined) {
    return <PagePrompt iconType="error" color="danger" title={<h2>{strings.loadFailed}</h2>} body={<p>{errorMessage(loadError)}</p>} />;
  }
  if (loading) return <PagePrompt icon={<EuiLoadingSpinner size="xl" />} />;

  const runBlocker = !workflow
    ? undefined
    : dirty
      ? strings.saveFirst
      : !workflow.enabled
        ? strings.enableFirst
        : !workflow.valid
          ? strings.fixFirst
          : undefined;
  const rightSideItems = [
    <EuiToolTip key="test" content={strings.testHelp}>
      <EuiButton
        iconType="flask"
        isDisabled={yaml.trim() === ''}
        onClick={() => setRunTarget({ kind: 'test', yaml, ...(workflow ? { workflowId: workflow.id } : {}) })}
        data-test-subj="testWorkflowButton"
      >
        {strings.test}
      </EuiButton>
    </EuiToolTip>,
    <EuiButton key="save" fill iconType="save" isLoading={saving} onClick={save} data-test-subj="saveWorkflowButton">
      {strings.save}
    </EuiButton>,
    ...(workflow
      ? [
          <EuiToolTip key="run" content={runBlocker}>
            <EuiButton
              iconType="play"
              color="success"
              isDisabled={runBlocker !== undefined}
              onClick={() => setRunTarget({ kind: 'run', workflow })}
              data-test-subj="runWorkflowButton"
            >
              {strings.run}
            </EuiButton>
          </EuiToolTip>,
          <EuiButton
            key="executions"
            iconType="list"
            {...appLink(appPaths.executions(workflow.id))}
            data-test-subj="workflowExecutionsButton"
          >
            {strings.executions}
          </EuiButton>,
        ]
      : []),
  ];

  return (
    <EuiPageTemplate restrictWidth={false} panelled={false} grow>
      <EuiPageTemplate.Header pageTitle={workflow?.name ?? strings.createTitle} rightSideItems={rightSideItems} bottomBorder={false}>
        {workflow && (
          <EuiFlexGroup gutterSize="l" alignItems="center" responsive={false}>
            <EuiFlexItem grow={false}>
              <EuiSwitch
                label={strings.enabled}
                checked={workflow.enabled}
                disabled={toggling}
                onChange={(event) => toggleEnabled(event.target.checked)}
                data-test-subj="workflowEnabledSwitch"
              />
            </EuiFlexItem>
            <EuiFlexItem grow={false}>
              <EuiText size="xs" color="subdued">
                {i18n.translate('workflows.editor.revision', {
                  defaultMessage: 'Revision {revision}, saved {updatedAt} by {updatedBy}',
                  values: { revision: workflow.revision, updatedAt: formatTimestamp(workflow.updatedAt), updatedBy: workflow.updatedBy },
                })}
              </EuiText>
            </EuiFlexItem>
          </EuiFlexGroup>
        )}
      </EuiPageTemplate.Header>
      <EuiPageTemplate.Section paddingSize="m">
        {saveError !== undefined ? (
          <FindingsCallout
            title={strings.saveFailed}
            color="danger"
            message={errorMessage(saveError)}
            findings={rejectedFindings}
            onSelect={(f) => editor.current?.revealPosition(f)}
          />
        ) : workflow && findings.length > 0 ? (
          <FindingsCallout
            title={workflow.valid ? strings.warnings : strings.invalid}
            color={workflow.valid ? 'warning' : 'danger'}
            findings={findings}
            onSelect={(f) => editor.current?.revealPosition(f)}
          />
        ) : null}
        {(saveError !== undefined || findings.length > 0) && <EuiSpacer size="m" />}
        <EuiPanel paddingSize="none" hasBorder>
          <YamlEditor
            ref={editor}
            value={yaml}
            onChange={setYaml}
            findings={findings}
            bundlesUrl={http.basePath.prepend('/bundles')}
            height="calc(100vh - 280px)"
            aria-label={strings.editorLabel}
          />
        </EuiPanel>
        {runTarget && <RunWorkflowModal target={runTarget} onClose={() => setRunTarget(undefined)} />}
      </EuiPageTemplate.Section>
    </EuiPageTemplate>
  );
};
