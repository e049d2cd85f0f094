import { useCallback, useMemo, useState } from 'react';
import { EuiBasicTable, EuiButton, EuiCallOut, EuiConfirmModal, EuiPageTemplate, type EuiBasicTableColumn } from '@elastic/eui';
import type { CoreStart } from '@kbn/core/public';
import { errorMessage, useLoad } from '../use_load';
import { CONNECTOR_FORMS } from './connector_forms';
import { CreateConnectorFlyout } from './create_connector_flyout';
import {
  deleteConnector,
  executeConnector,
  getConnectorConfig,
  listConnectorTypes,
  listConnectors,
  type Connector,
} from './connectors_api';

export interface ConnectorsPageProps {
  core: Pick<CoreStart, 'http' | 'notifications'>;
}

/** Connectors by name and type (never their secrets), with create, test and delete. */
export const ConnectorsPage = ({ core: { http, notifications } }: ConnectorsPageProps) => {
  const load = useCallback(async () => {
    const [connectors, types] = await Promise.all([listConnectors(http), listConnectorTypes(http)]);
    return { connectors, types };
  }, [http]);
  const { data, error, loading, reload } = useLoad(load);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Connector | undefined>();
  const [testing, setTesting] = useState<string | undefined>();

  const typeNames = useMemo(() => new Map((data?.types ?? []).map(({ id, name }) => [id, name])), [data]);
  const creatableTypes = useMemo(
    () => (data?.types ?? []).filter(({ id, enabled, is_system_action_type: system }) => enabled && !system && CONNECTOR_FORMS[id]),
    [data],
  );

  const test = async (connector: Connector) => {
    const form = CONNECTOR_FORMS[connector.connector_type_id];
    setTesting(connector.id);
    try {
      const result = await executeConnector(http, connector.id, form.testParams(await getConnectorConfig(http, connector.id)));
      if (result.status === 'ok') {
        notifications.toasts.addSuccess({
          title: `Test of "${connector.name}" succeeded`,
          text: form.testDescription,
          'data-test-subj': 'connectorTestSucceeded',
        });
      } else {
        notifications.toasts.addDanger({
          title: `Test of "${connector.name}" failed`,
          text: [result.message, result.service_message].filter(Boolean).join(': '),
          'data-test-subj': 'connectorTestFailed',
        });
      }
    } catch (testError) {
      notifications.toasts.addDanger({
        title: `Test of "${connector.name}" failed`,
        text: errorMessage(testError),
        'data-test-subj': 'connectorTestFailed',
      });
    } finally {
      setTesting(undefined);
    }
  };

  const remove = async (connector: Connector) => {
    setDeleting(undefined);
    try {
      await deleteConnector(http, connector.id);
      notifications.toasts.addSuccess(`Deleted "${connector.name}"`);
    } catch (deleteError) {
      notifications.toasts.addDanger({ title: `Could not delete "${connector.name}"`, text: errorMessage(deleteError) });
    }
    reload();
  };

  const columns: Array<EuiBasicTableColumn<Connector>> = [
    { field: 'name', name: 'Name', render: (name: string) => <strong>{name}</strong> },
    { field: 'connector_type_id', name: 'Type', render: (typeId: string) => typeNames.get(typeId) ?? typeId },
    {
      name: 'Actions',
      width: '200px',
      actions: [
        {
          name: 'Test',
          description: 'Send a test message or event through this connector',
          // Spelled out: an icon alone does not say "send a test".
          type: 'button',
          isPrimary: true,
          available: (connector) => Boolean(CONNECTOR_FORMS[connector.connector_type_id]),
          enabled: (connector) => testing !== connector.id,
          onClick: (connector) => void test(connector),
          'data-test-subj': 'testConnector',
        },
        {
          name: 'Delete',
          description: 'Delete this connector',
          icon: 'trash',
          type: 'icon',
          color: 'danger',
          isPrimary: true,
          available: (connector) => !connector.is_preconfigured && !connector.is_system_action,
          onClick: setDeleting,
          'data-test-subj': 'deleteConnector',
        },
      ],
    },
  ];

  return (
    <EuiPageTemplate restrictWidth={false}>
      <EuiPageTemplate.Header
        pageTitle="Connectors"
        description="The external systems workflows and rules talk to. Secrets are stored encrypted and never shown."
        rightSideItems={[
          <EuiButton
            key="create"
            fill
            iconType="plus"
            onClick={() => setCreating(true)}
            isDisabled={!data}
            data-test-subj="createConnectorButton"
          >
            Create connector
          </EuiButton>,
        ]}
      />
      <EuiPageTemplate.Section>
        {error !== undefined && (
          <EuiCallOut color="danger" iconType="warning" title={`Could not load the connectors: ${errorMessage(error)}`} />
        )}
        <EuiBasicTable<Connector>
          tableCaption="Connectors"
          items={data?.connectors ?? []}
          columns={columns}
          loading={loading}
          noItemsMessage={loading ? 'Loading connectors…' : 'No connectors yet.'}
          rowProps={(connector) => ({ 'data-test-subj': `connectorRow-${connector.name}` })}
          data-test-subj="connectorsTable"
        />
      </EuiPageTemplate.Section>
      {creating && (
        <CreateConnectorFlyout
          http={http}
          types={creatableTypes}
          onClose={() => setCreating(false)}
          onCreated={(connector) => {
            setCreating(false);
            notifications.toasts.addSuccess({ title: `Created "${connector.name}"`, 'data-test-subj': 'connectorCreated' });
            reload();
          }}
        />
      )}
      {deleting && (
        <EuiConfirmModal
          title={`Delete "${deleting.name}"?`}
          onCancel={() => setDeleting(undefined)}
          onConfirm={() => void remove(deleting)}
          cancelButtonText="Cancel"
          confirmButtonText="Delete"
          buttonColor="danger"
          data-test-subj="deleteConnectorConfirm"
        >
          Rules and workflows that use it will fail until they point at another connector.
        </EuiConfirmModal>
      )}
    </EuiPageTemplate>
  );
};
