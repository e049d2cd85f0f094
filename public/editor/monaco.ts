/*
 * The one place that loads Monaco. The package's main entry, not `editor.api.js` alone: only the main
 * entry keeps `editor.createWebWorker({ moduleId, label })` working, which monaco-yaml uses to start
 * its worker (without it the YAML requests reach the plain editor worker and fail).
 */
import * as monaco from 'monaco-editor';
import { configureMonacoYaml, type JSONSchema, type MonacoYaml } from 'monaco-yaml';

export { monaco };

/** Where the bundler put the workers: `<bundlesUrl>/editor.worker.js` and `<bundlesUrl>/yaml.worker.js`. */
export const setMonacoWorkersUrl = (bundlesUrl: string): void => {
  globalThis.MonacoEnvironment = {
    getWorker: (_workerId, label) => new Worker(`${bundlesUrl}/${label === 'yaml' ? 'yaml' : 'editor'}.worker.js`),
  };
};

const SCHEMA_URI = 'workflows://schema.json';
/** The marker owner monaco-yaml reports its diagnostics under. */
const YAML_MARKER_OWNER = 'yaml';
let monacoYaml: MonacoYaml | undefined;

/**
 * yaml-language-server reports schema violations as warnings (VS Code's habit). The server rejects
 * the very same violations, so the editor shows them as errors: red, like the save would answer.
 */
const showSchemaViolationsAsErrors = () =>
  monaco.editor.onDidChangeMarkers((uris) => {
    for (const resource of uris) {
      const model = monaco.editor.getModel(resource);
      const markers = monaco.editor.getModelMarkers({ resource, owner: YAML_MARKER_OWNER });
      // Re-setting fires this listener again; by then no warning is left, which ends the round trip.
      if (model && markers.some(({ severity }) => severity === monaco.MarkerSeverity.Warning)) {
        monaco.editor.setModelMarkers(
          model,
          YAML_MARKER_OWNER,
          markers.map((marker) => ({ ...marker, severity: monaco.MarkerSeverity.Error })),
        );
      }
    }
  });

/**
 * Points monaco-yaml at the workflow language's JSON Schema, for every YAML model: unknown keys and
 * wrong types get underlined, completion and hover come from the schema's descriptions.
 * monaco-yaml allows one configured instance per page, so later calls update it.
 */
export const setWorkflowSchema = (schema: JSONSchema): void => {
  const options = {
    enableSchemaRequest: false,
    hover: true,
    completion: true,
    validate: true,
    format: { enable: true },
    schemas: [{ uri: SCHEMA_URI, fileMatch: ['*'], schema }],
  };
  if (monacoYaml) {
    monacoYaml.update(options);
    return;
  }
  monacoYaml = configureMonacoYaml(monaco, options);
  showSchemaViolationsAsErrors();
};
