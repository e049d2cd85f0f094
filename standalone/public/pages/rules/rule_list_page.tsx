import { useCallback, useState } from 'react';
import {
  EuiBasicTable,
  EuiButton,
  EuiCallOut,
  EuiConfirmModal,
  EuiEmptyPrompt,
  EuiHealth,
  EuiLink,
  EuiPageTemplate,
  EuiSpacer,
  EuiSwitch,
  EuiText,
  type Criteria,
  type EuiBasicTableColumn,
} from '@elastic/eui';
import { rulePaths, useLink } from './router';
import type { RuleResponse, RuleTypeResponse } from './rules_api';
import { errorMessage, useLoad } from '../use_load';
import { useRulesServices } from './rules_services';

const STATUS_COLORS: Record<string, string> = { ok: 'success', active: 'success', error: 'danger', warning: 'warning', pending: 'subdued' };

const LastExecution = ({ rule }: { rule: RuleResponse }) => {
  const { status, error } = rule.execution_status;
  return (
    <div data-test-subj="ruleExecutionStatus" data-status={status}>
      <EuiHealth color={STATUS_COLORS[status] ?? 'subdued'}>{status}</EuiHealth>
      {status === 'error' && error && (
        <EuiText size="xs" color="danger" data-test-subj="ruleExecutionError">
          {error.message}
        </EuiText>
      )}
    </div>
  );
};

interface RulesPage {
  rules: RuleResponse[];
  total: number;
  ruleTypes: RuleTypeResponse[];
}

export const RuleListPage = () => {
  const { api, toasts, history } = useRulesServices();
  const link = useLink(history);
  const [page, setPage] = useState({ index: 0, size: 20 });
  const [toDelete, setToDelete] = useState<RuleResponse>();
  const load = useCallback(async (): Promise<RulesPage> => {
    const [found, ruleTypes] = await Promise.all([api.findRules({ page: page.index + 1, perPage: page.size }), api.listRuleTypes()]);
    return { rules: found.data, total: found.total, ruleTypes };
  }, [api, page]);
  const { data, error, loading, reload } = useLoad(load);

  const change = async (title: string, request: () => Promise<void>) => {
    try {
      await request();
    } catch (changeError) {
      toasts.addDanger({ title, text: errorMessage(changeError) });
    }
    reload();
  };

  const columns: Array<EuiBasicTableColumn<RuleResponse>> = [
    {
      field: 'name',
      name: 'Name',
      render: (name: string, rule) => <EuiLink {...link(rulePaths.detail(rule.id))}>{name}</EuiLink>,
    },
    {
      field: 'rule_type_id',
      name: 'Type',
      render: (typeId: string) => data?.ruleTypes.find(({ id }) => id === typeId)?.name ?? typeId,
    },
    {
      field: 'enabled',
      name: 'Enabled',
      width: '90px',
      render: (enabled: boolean, rule) => (
        <EuiSwitch
          showLabel={false}
          label="Enabled"
          checked={enabled}
          onChange={(event) => change('Could not change the rule', () => api.setEnabled(rule.id, event.target.checked))}
          data-test-subj="ruleEnabledSwitch"
        />
      ),
    },
    { name: 'Last execution', render: (rule: RuleResponse) => <LastExecution rule={rule} /> },
    { field: 'actions', name: 'Actions', width: '90px', render: (actions: RuleResponse['actions']) => actions.length },
    {
      name: '',
      width: '60px',
      actions: [
        {
          name: 'Edit',
          description: 'Edit this rule',
          icon: 'pencil',
          type: 'icon',
          onClick: (rule: RuleResponse) => history.push(rulePaths.edit(rule.id)),
        },
        {
          name: 'Delete',
          description: 'Delete this rule',
          icon: 'trash',
          type: 'icon',
          color: 'danger',
          onClick: setToDelete,
          'data-test-subj': 'deleteRuleButton',
        },
      ],
    },
  ];

  const createButton = (
    <EuiButton fill iconType="plus" {...link(rulePaths.create())} data-test-subj="createRuleButton">
      Create rule
    </EuiButton>
  );
  const isEmpty = !loading && !error && data?.total === 0;

  return (
    <EuiPageTemplate restrictWidth={false} panelled={false} grow>
      <EuiPageTemplate.Header
        pageTitle="Rules"
        description="Rules detect conditions and run their actions, such as a workflow, for the alerts they produce."
        rightSideItems={isEmpty ? [] : [createButton]}
      />
      <EuiPageTemplate.Section>
        {error !== undefined && (
          <>
            <EuiCallOut title="Could not load the rules" color="danger" iconType="error">
              <p>{errorMessage(error)}</p>
            </EuiCallOut>
            <EuiSpacer size="m" />
          </>
        )}
        {isEmpty ? (
          <EuiEmptyPrompt
            iconType="bell"
            title={<h2>Create your first rule</h2>}
            body={<p>A webhook rule turns alerts pushed from any SIEM into runs of your workflows.</p>}
            actions={createButton}
          />
        ) : (
          <EuiBasicTable
            tableCaption="Rules"
            items={data?.rules ?? []}
            columns={columns}
            loading={loading}
            rowProps={(rule) => ({ 'data-test-subj': `ruleRow-${rule.id}` })}
            pagination={{ pageIndex: page.index, pageSize: page.size, totalItemCount: data?.total ?? 0, pageSizeOptions: [10, 20, 50] }}
            onChange={({ page: next }: Criteria<RuleResponse>) => next && setPage({ index: next.index, size: next.size })}
          />
        )}
        {toDelete && (
          <EuiConfirmModal
            title={`Delete rule "${toDelete.name}"?`}
            onCancel={() => setToDelete(undefined)}
            onConfirm={() => {
              setToDelete(undefined);
              change('Could not delete the rule', () => api.deleteRule(toDelete.id));
            }}
            cancelButtonText="Cancel"
            confirmButtonText="Delete"
            buttonColor="danger"
            defaultFocusedButton="cancel"
            data-test-subj="deleteRuleModal"
          >
            <p>The rule stops running and its actions are removed. Its alerts stay.</p>
          </EuiConfirmModal>
        )}
      </EuiPageTemplate.Section>
    </EuiPageTemplate>
  );
};
