import { useState } from 'react';
import {
  EuiButton,
  EuiButtonEmpty,
  EuiCallOut,
  EuiFieldNumber,
  EuiFieldPassword,
  EuiFieldText,
  EuiFlexGroup,
  EuiFlexItem,
  EuiFlyout,
  EuiFlyoutBody,
  EuiFlyoutFooter,
  EuiFlyoutHeader,
  EuiForm,
  EuiFormRow,
  EuiSelect,
  EuiTitle,
  useGeneratedHtmlId,
} from '@elastic/eui';
import type { HttpStart } from '@kbn/core/public';
import { errorMessage } from '../use_load';
import { CONNECTOR_FORMS, buildConnectorPayload, initialValues, missingFields, type ConnectorField } from './connector_forms';
import { createConnector, type Connector, type ConnectorType } from './connectors_api';

export interface CreateConnectorFlyoutProps {
  http: HttpStart;
  /** The types the host offers and this form knows how to fill. */
  types: ConnectorType[];
  onClose(): void;
  onCreated(connector: Connector): void;
}

const FieldInput = ({ field, value, onChange }: { field: ConnectorField; value: string; onChange(value: string): void }) => {
  const common = { name: field.key, 'data-test-subj': `connectorField-${field.key}`, placeholder: field.placeholder, fullWidth: true };
  switch (field.kind) {
    case 'password':
      // Never filled back in: the server does not return secrets, and the form forgets them on close.
      return <EuiFieldPassword {...common} autoComplete="new-password" value={value} onChange={(event) => onChange(event.target.value)} />;
    case 'number':
      return <EuiFieldNumber {...common} value={value} onChange={(event) => onChange(event.target.value)} />;
    case 'select':
      return (
        <EuiSelect
          {...common}
          options={(field.options ?? []).map((option) => ({ value: option, text: option }))}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    default:
      return <EuiFieldText {...common} value={value} onChange={(event) => onChange(event.target.value)} />;
  }
};

/** Name, type and the type's fields; secrets go to the server once and the form forgets them on close. */
export const CreateConnectorFlyout = ({ http, types, onClose, onCreated }: CreateConnectorFlyoutProps) => {
  const titleId = useGeneratedHtmlId();
  const [typeId, setTypeId] = useState(types[0]?.id ?? '');
  const form = CONNECTOR_FORMS[typeId];
  const [name, setName] = useState('');
  const [values, setValues] = useState<Record<string, string>>(() => (form ? initialValues(form) : {}));
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();

  const chooseType = (next: string) => {
    setTypeId(next);
    setValues(CONNECTOR_FORMS[next] ? initialValues(CONNECTOR_FORMS[next]) : {});
    setProblem(undefined);
  };

  const save = async () => {
    if (!form) return;
    const missing = [...(name.trim() ? [] : ['Name']), ...missingFields(form, values)];
    if (missing.length > 0) {
      setProblem(`Fill in: ${missing.join(', ')}`);
      return;
    }
    setSaving(true);
    setProblem(undefined);
    try {
      onCreated(await createConnector(http, { name: name.trim(), connector_type_id: typeId, ...buildConnectorPayload(form, values) }));
    } catch (error) {
      setProblem(errorMessage(error));
      setSaving(false);
    }
  };

  return (
    <EuiFlyout onClose={onClose} size="s" aria-labelledby={titleId} data-test-subj="createConnectorFlyout">
      <EuiFlyoutHeader hasBorder>
        <EuiTitle size="s">
          <h2 id={titleId}>Create connector</h2>
        </EuiTitle>
      </EuiFlyoutHeader>
      <EuiFlyoutBody>
        <EuiForm component="form" onSubmit={(event) => (event.preventDefault(), void save())}>
          {problem && <EuiCallOut color="danger" iconType="warning" title={problem} data-test-subj="createConnectorError" />}
          <EuiFormRow label="Type" fullWidth>
            <EuiSelect
              fullWidth
              data-test-subj="connectorTypeSelect"
              options={types.map(({ id, name: typeName }) => ({ value: id, text: typeName }))}
              value={typeId}
              onChange={(event) => chooseType(event.target.value)}
            />
          </EuiFormRow>
          <EuiFormRow label="Name" fullWidth>
            <EuiFieldText fullWidth data-test-subj="connectorName" value={name} onChange={(event) => setName(event.target.value)} />
          </EuiFormRow>
          {form?.fields.map((field) => (
            <EuiFormRow
              key={`${typeId}-${field.key}`}
              label={field.label}
              helpText={field.target === 'secrets' ? 'Stored encrypted; never shown again.' : field.helpText}
              fullWidth
            >
              <FieldInput
                field={field}
                value={values[field.key] ?? ''}
                onChange={(value) => setValues((previous) => ({ ...previous, [field.key]: value }))}
              />
            </EuiFormRow>
          ))}
        </EuiForm>
      </EuiFlyoutBody>
      <EuiFlyoutFooter>
        <EuiFlexGroup justifyContent="spaceBetween">
          <EuiFlexItem grow={false}>
            <EuiButtonEmpty onClick={onClose}>Cancel</EuiButtonEmpty>
          </EuiFlexItem>
          <EuiFlexItem grow={false}>
            <EuiButton fill onClick={save} isLoading={saving} isDisabled={!form} data-test-subj="saveConnector">
              Save
            </EuiButton>
          </EuiFlexItem>
        </EuiFlexGroup>
      </EuiFlyoutFooter>
    </EuiFlyout>
  );
};
