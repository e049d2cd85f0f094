import type { HttpStart } from '@kbn/core/public';

/* Kibana's public connector API (snake_case on the wire); responses never carry secrets. */
export interface Connector {
  id: string;
  name: string;
  connector_type_id: string;
  is_preconfigured: boolean;
  is_system_action: boolean;
}

export interface ConnectorType {
  id: string;
  name: string;
  enabled: boolean;
  is_system_action_type: boolean;
}

export interface ExecuteResult {
  status: 'ok' | 'error';
  message?: string;
  service_message?: string;
}

const API = '/api/actions';

export const listConnectors = (http: HttpStart) => http.get<Connector[]>(`${API}/connectors`);
export const listConnectorTypes = (http: HttpStart) => http.get<ConnectorType[]>(`${API}/connector_types`);

export const createConnector = (
  http: HttpStart,
  body: { name: string; connector_type_id: string; config: Record<string, unknown>; secrets: Record<string, unknown> },
) => http.post<Connector & { config?: Record<string, unknown> }>(`${API}/connector`, { body: JSON.stringify(body) });

export const deleteConnector = (http: HttpStart, id: string) => http.delete<void>(`${API}/connector/${encodeURIComponent(id)}`);

export const getConnectorConfig = async (http: HttpStart, id: string) =>
  (await http.get<{ config?: Record<string, unknown> }>(`${API}/connector/${encodeURIComponent(id)}`)).config ?? {};

export const executeConnector = (http: HttpStart, id: string, params: Record<string, unknown>) =>
  http.post<ExecuteResult>(`${API}/connector/${encodeURIComponent(id)}/_execute`, { body: JSON.stringify({ params }) });
