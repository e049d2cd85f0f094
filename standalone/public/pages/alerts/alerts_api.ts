import type { HttpStart } from '@kbn/core/public';
import type { AlertReference } from '@kbn/ui-actions-plugin/public';

/** The rule registry's internal search route, which Kibana's alerts table calls too. */
export const RAC_FIND_URL = '/internal/rac/alerts/find';

/** One alert as the search returns it: `_source` keeps Elasticsearch's flattened dotted keys. */
export interface AlertHit extends AlertReference {
  _source: Record<string, unknown>;
}

export interface AlertsPage {
  total: number;
  alerts: AlertHit[];
}

export const findAlerts = async (http: HttpStart, { from, size }: { from: number; size: number }): Promise<AlertsPage> => {
  const { hits } = await http.post<{ hits: { total: { value: number }; hits: AlertHit[] } }>(RAC_FIND_URL, {
    body: JSON.stringify({ from, size, sort: [{ '@timestamp': { order: 'desc' } }] }),
  });
  return { total: hits.total.value, alerts: hits.hits };
};

export const toReference = ({ _id, _index }: AlertReference): AlertReference => ({ _id, _index });

/** A field's value as text; arrays are joined, missing values are a dash. */
export const fieldText = (source: Record<string, unknown>, field: string): string => {
  const value = source[field];
  if (value === undefined || value === null || value === '') return '—';
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
};
