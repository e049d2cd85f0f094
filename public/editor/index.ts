export { YamlEditor, type YamlEditorHandle, type YamlEditorProps } from './yaml_editor';
export { setWorkflowSchema } from './monaco';
