/* What every built-in connector type is built with. */
export interface ConnectorTypeOptions {
  /** Upper bound of one call to the service (Kibana: `xpack.actions.responseTimeout`, 60s). */
  timeoutMs: number;
}
