/*
 * The one place that loads Monaco. Only the editor core, its contributions (hover, suggest, find …)
 * and the YAML grammar are bundled: the full `monaco-editor` entry would add every language and its worker.
 */
import 'monaco-editor/esm/vs/editor/editor.all.js';
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js';
import { configureMonacoYaml, type JSONSchema, type MonacoYaml } from 'monaco-yaml';

export { monaco };

/** Where the bundler put the workers: `<bundlesUrl>/editor.worker.js` and `<bundlesUrl>/yaml.worker.js`. */
export const setMonacoWorkersUrl = (bundlesUrl: string): void => {
  globalThis.MonacoEnvironment = {
    getWorker: (_workerId, label) => new Worker(`${bundlesUrl}/${label === 'yaml' ? 'yaml' : 'editor'}.worker.js`),
  };
};

const SCHEMA_URI = 'workflows://schema.json';
let monacoYaml: MonacoYaml | undefined;

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
  if (monacoYaml) monacoYaml.update(options);
  else monacoYaml = configureMonacoYaml(monaco, options);
};
