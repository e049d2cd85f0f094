/* The slice of Kibana's @kbn/alerting-plugin server contract the plugin uses; filled in by the host work. */
export {};
