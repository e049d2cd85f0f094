/* The workflows plugin has no browser contracts or plugin dependencies yet; the types exist so that
 * other plugins and the rule-action connector can depend on them without changing call sites. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface WorkflowsPublicPluginSetup {}
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface WorkflowsPublicPluginStart {}
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface WorkflowsPublicPluginSetupDeps {}
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface WorkflowsPublicPluginStartDeps {}
