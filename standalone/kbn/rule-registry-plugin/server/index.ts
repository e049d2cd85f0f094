/* The slice of Kibana's @kbn/rule-registry-plugin server contract the plugin uses; filled in by the host work. */
export {};
