import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import type { SourcePosition, ValidationFinding } from '../../common/api';
import { monaco, setMonacoWorkersUrl } from './monaco';

/** Markers from the last save; Monaco's own schema markers use monaco-yaml's owner. */
const SERVER_MARKER_OWNER = 'workflows-server';

let modelCount = 0;

export interface YamlEditorHandle {
  /** Moves the cursor to a 1-based line and column, scrolls there and focuses the editor. */
  revealPosition(position: SourcePosition): void;
}

export interface YamlEditorProps {
  value: string;
  onChange(value: string): void;
  /** URL the Monaco workers are served from. */
  bundlesUrl: string;
  /** Findings of the last save, shown as markers until the text changes. */
  findings?: ValidationFinding[];
  height?: number | string;
  'aria-label'?: string;
}

const toMarker = (model: monaco.editor.ITextModel, finding: ValidationFinding): monaco.editor.IMarkerData => {
  const line = Math.min(Math.max(finding.line, 1), model.getLineCount());
  const column = Math.min(Math.max(finding.column, 1), model.getLineMaxColumn(line));
  const word = model.getWordAtPosition({ lineNumber: line, column });
  return {
    severity: finding.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
    message: finding.message,
    source: finding.code,
    startLineNumber: line,
    startColumn: column,
    endLineNumber: line,
    endColumn: word && word.endColumn > column ? word.endColumn : model.getLineMaxColumn(line),
  };
};

export const YamlEditor = forwardRef<YamlEditorHandle, YamlEditorProps>(function YamlEditor(
  { value, onChange, bundlesUrl, findings, height = 480, 'aria-label': ariaLabel },
  ref,
) {
  const container = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const latestValue = useRef(value);
  latestValue.current = value;
  /** The last text the editor itself reported; a prop equal to it is an echo of typing, not news. */
  const lastEmitted = useRef(value);

  useEffect(() => {
    if (!container.current) return;
    setMonacoWorkersUrl(bundlesUrl);
    // Each editor gets its own document so monaco-yaml validates each on its own.
    const model = monaco.editor.createModel(latestValue.current, 'yaml', monaco.Uri.parse(`inmemory://workflows/${++modelCount}.yaml`));
    const editor = monaco.editor.create(container.current, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      tabSize: 2,
      insertSpaces: true,
      wordWrap: 'on',
      fixedOverflowWidgets: true,
      ariaLabel,
    });
    const subscription = model.onDidChangeContent(() => {
      monaco.editor.setModelMarkers(model, SERVER_MARKER_OWNER, []);
      lastEmitted.current = model.getValue();
      onChangeRef.current(lastEmitted.current);
    });
    editorRef.current = editor;
    return () => {
      subscription.dispose();
      editor.dispose();
      model.dispose();
      editorRef.current = null;
    };
  }, [bundlesUrl, ariaLabel]);

  // Only text set from outside (a workflow loaded from the server) replaces the model's. A prop
  // that merely echoes an earlier keystroke arrives late while typing goes on; applying it would
  // throw away what was typed since and move the cursor.
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model || value === lastEmitted.current) return;
    lastEmitted.current = value;
    if (model.getValue() !== value) model.setValue(value);
  }, [value]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model)
      monaco.editor.setModelMarkers(
        model,
        SERVER_MARKER_OWNER,
        (findings ?? []).map((finding) => toMarker(model, finding)),
      );
  }, [findings]);

  useImperativeHandle(
    ref,
    () => ({
      revealPosition: ({ line, column }) => {
        const editor = editorRef.current;
        if (!editor) return;
        editor.setPosition({ lineNumber: line, column });
        editor.revealPositionInCenter({ lineNumber: line, column });
        editor.focus();
      },
    }),
    [],
  );

  return <div ref={container} style={{ height }} data-test-subj="workflowYamlEditor" />;
});
