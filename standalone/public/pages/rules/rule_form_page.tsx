import { useCallback, useState } from 'react';
import {
  EuiButton,
  EuiButtonEmpty,
  EuiCallOut,
  EuiFieldText,
  EuiFlexGroup,
  EuiFlexItem,
  EuiForm,
  EuiFormRow,
  EuiHorizontalRule,
  EuiLoadingSpinner,
  EuiPageTemplate,
  EuiSelect,
  EuiSpacer,
  EuiTextArea,
} from '@elastic/eui';
import { RuleActionsSection } from './rule_actions_section';
import type { UpdateActions } from './rule_action_item';
import {
  CONSUMERS,
  emptyRuleForm,
  toRuleForm,
  toRuleRequestBody,
  validateRuleFields,
  type RuleFormState,
} from './rule_form_state';
import { rulePaths, useLink } from './router';
import type { ConnectorResponse, RuleResponse, RuleTypeResponse } from './rules_api';
import { errorMessage, useLoad } from '../use_load';
import { useRulesServices } from './rules_services';
import { useActionErrors } from './use_action_errors';

interface RuleFormProps {
  rule?: RuleResponse;
  ruleTypes: RuleTypeResponse[];
  connectors: ConnectorResponse[];
}

const RuleForm = ({ rule, ruleTypes, connectors }: RuleFormProps) => {
  const { api, toasts, history, actionTypeRegistry } = useRulesServices();
  const link = useLink(history);
  const [form, setForm] = useState<RuleFormState>(() =>
    rule ? toRuleForm(rule, connectors) : { ...emptyRuleForm(), ruleTypeId: ruleTypes[0]?.id ?? '' },
  );
  // Field errors wait for the first save; action errors show at once, as in Kibana's rule form.
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const { errors: actionErrors, validateActions } = useActionErrors(form.actions, actionTypeRegistry);
  const fieldErrors = submitted ? validateRuleFields(form) : {};
  const ruleType = ruleTypes.find(({ id }) => id === form.ruleTypeId);

  const set = (changes: Partial<RuleFormState>) => setForm((current) => ({ ...current, ...changes }));
  // Functional: a params form may call `editAction` twice in one tick (Elastic's does on mount).
  const updateActions: UpdateActions = useCallback(
    (update) => setForm((current) => ({ ...current, actions: update(current.actions) })),
    [],
  );

  const changeRuleType = (ruleTypeId: string) => {
    const next = ruleTypes.find(({ id }) => id === ruleTypeId);
    const groups = new Set(next?.action_groups.map(({ id }) => id));
    // Actions keep their group when the new type has it, else take its default group.
    updateActions((actions) =>
      actions.map((action) => (action.isSystemAction || groups.has(action.group ?? '') ? action : { ...action, group: next?.default_action_group_id })),
    );
    set({ ruleTypeId });
  };

  const save = async () => {
    setSubmitted(true);
    setSaveError(undefined);
    const fieldsValid = Object.keys(validateRuleFields(form)).length === 0;
    const actionsValid = await validateActions();
    if (!fieldsValid || !actionsValid) {
      setSaveError('Fix the errors shown in the form before saving.');
      return;
    }
    setSaving(true);
    try {
      const body = toRuleRequestBody(form);
      const saved = rule ? await api.updateRule(rule.id, body) : await api.createRule(body);
      toasts.addSuccess(`Saved rule "${saved.name}"`);
      history.push(rulePaths.detail(saved.id));
    } catch (error) {
      setSaveError(errorMessage(error));
      setSaving(false);
    }
  };

  return (
    <EuiForm component="form" onSubmit={(event) => event.preventDefault()} data-test-subj="ruleForm">
      <EuiFormRow label="Name" isInvalid={!!fieldErrors.name} error={fieldErrors.name} fullWidth>
        <EuiFieldText fullWidth value={form.name} onChange={(event) => set({ name: event.target.value })} data-test-subj="ruleNameInput" />
      </EuiFormRow>
      <EuiFlexGroup gutterSize="m">
        <EuiFlexItem>
          <EuiFormRow label="Rule type" isInvalid={!!fieldErrors.ruleTypeId} error={fieldErrors.ruleTypeId}>
            <EuiSelect
              // The rule API cannot change a rule's type or consumer after creation.
              disabled={rule !== undefined}
              options={ruleTypes.map(({ id, name }) => ({ value: id, text: `${name} (${id})` }))}
              value={form.ruleTypeId}
              onChange={(event) => changeRuleType(event.target.value)}
              data-test-subj="ruleTypeSelect"
            />
          </EuiFormRow>
        </EuiFlexItem>
        <EuiFlexItem>
          <EuiFormRow label="Consumer">
            <EuiSelect
              disabled={rule !== undefined}
              options={[...CONSUMERS]}
              value={form.consumer}
              onChange={(event) => set({ consumer: event.target.value })}
              data-test-subj="ruleConsumerSelect"
            />
          </EuiFormRow>
        </EuiFlexItem>
        <EuiFlexItem>
          <EuiFormRow label="Check every" isInvalid={!!fieldErrors.interval} error={fieldErrors.interval}>
            <EuiFieldText value={form.interval} onChange={(event) => set({ interval: event.target.value })} data-test-subj="ruleIntervalInput" />
          </EuiFormRow>
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiFormRow label="Params (JSON)" isInvalid={!!fieldErrors.params} error={fieldErrors.params} fullWidth>
        <EuiTextArea
          fullWidth
          rows={3}
          value={form.paramsJson}
          onChange={(event) => set({ paramsJson: event.target.value })}
          style={{ fontFamily: 'monospace' }}
          data-test-subj="ruleParamsInput"
        />
      </EuiFormRow>
      <EuiHorizontalRule />
      <RuleActionsSection
        actions={form.actions}
        connectors={connectors}
        ruleType={ruleType}
        registry={actionTypeRegistry}
        errors={actionErrors}
        updateActions={updateActions}
      />
      <EuiHorizontalRule />
      {saveError && (
        <>
          <EuiCallOut title="The rule was not saved" color="danger" iconType="error" data-test-subj="ruleSaveError">
            <p>{saveError}</p>
          </EuiCallOut>
          <EuiSpacer size="m" />
        </>
      )}
      <EuiFlexGroup gutterSize="s" justifyContent="flexEnd">
        <EuiFlexItem grow={false}>
          <EuiButtonEmpty {...link(rule ? rulePaths.detail(rule.id) : rulePaths.list())}>Cancel</EuiButtonEmpty>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiButton fill type="submit" isLoading={saving} onClick={save} data-test-subj="saveRuleButton">
            Save rule
          </EuiButton>
        </EuiFlexItem>
      </EuiFlexGroup>
    </EuiForm>
  );
};

/** Create (`/create`) or edit (`/edit/:id`) a rule. */
export const RuleFormPage = ({ ruleId }: { ruleId?: string }) => {
  const { api } = useRulesServices();
  const load = useCallback(
    () => Promise.all([api.listRuleTypes(), api.listConnectors(), ruleId ? api.getRule(ruleId) : undefined]),
    [api, ruleId],
  );
  const { data, error } = useLoad(load);

  return (
    <EuiPageTemplate restrictWidth={1000} panelled={false} grow>
      <EuiPageTemplate.Header pageTitle={ruleId ? `Edit rule ${data?.[2]?.name ?? ''}` : 'Create rule'} />
      <EuiPageTemplate.Section>
        {error !== undefined ? (
          <EuiCallOut title="Could not load the rule form" color="danger" iconType="error">
            <p>{errorMessage(error)}</p>
          </EuiCallOut>
        ) : data ? (
          <RuleForm rule={data[2]} ruleTypes={data[0]} connectors={data[1]} />
        ) : (
          <EuiLoadingSpinner size="xl" />
        )}
      </EuiPageTemplate.Section>
    </EuiPageTemplate>
  );
};
