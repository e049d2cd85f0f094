/* The slice of Kibana's @kbn/cases-plugin server contract the plugin uses; filled in by the host work. */
export {};
