/**
 * The code editor: Monaco (core only, plus the grammars of the files an exercise holds: YAML,
 * Logstash's config language, .properties, shell, SQL, JSON) with monaco-yaml for completion and
 * hover from JSON Schemas (pipeline.yaml's, and filebeat.yml's, logstash.yml's and world.yaml's in
 * a workspace), and markers from the simulator's own parser (errors and semantic warnings, each
 * with its hint). One model per file, in the language its name says; the island's tabs switch models.
 *
 * Monaco's workers come from Vite `?worker` imports (editor.worker for the editor service,
 * yaml.worker for the language server), which is the combination verified with
 * monaco-editor 0.52.2 + monaco-yaml 5.5.1.
 */
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';
import YamlWorker from 'monaco-yaml/yaml.worker?worker';
import type * as MonacoNs from 'monaco-editor';
import type { ConfigSchema, LockedPlace, SpecIssue } from '../../../workers/api.js';
import { languageOf, registerConfigLanguages } from './languages/index.js';
import { t, pageLang } from '../../i18n/index.js';
import { simText } from '../../i18n/sim/index.js';

type Monaco = typeof MonacoNs;

export interface EditorFile {
  name: string;
  text: string;
  readOnly: boolean;
}

export interface EditorHandle {
  show(name: string): void;
  value(name: string): string;
  setValue(name: string, text: string): void;
  setIssues(name: string, issues: readonly SpecIssue[]): void;
  /** Marks the settings the exercise locks (a lock in the margin, the reason on hover). */
  setLocked(name: string, places: readonly LockedPlace[]): void;
  setTheme(dark: boolean): void;
  focus(): void;
  /** Where the cursor goes when a problem in the list is picked. */
  reveal(name: string, line: number, column: number): void;
  dispose(): void;
}

let monacoPromise: Promise<Monaco> | undefined;

async function loadMonaco(schema: Record<string, unknown>, configSchemas: readonly ConfigSchema[]): Promise<Monaco> {
  monacoPromise ??= (async () => {
    (globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
      getWorker(_id: string, label: string) {
        return label === 'yaml' ? new YamlWorker() : new EditorWorker();
      },
    };
    const monaco = (await import('monaco-editor/esm/vs/editor/edcore.main.js')) as unknown as Monaco;
    await Promise.all([
      import('monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js'),
      import('monaco-editor/esm/vs/basic-languages/shell/shell.contribution.js'),
      import('monaco-editor/esm/vs/basic-languages/sql/sql.contribution.js'),
      import('monaco-editor/esm/vs/basic-languages/python/python.contribution.js'),
    ]);
    registerConfigLanguages(monaco);
    const { configureMonacoYaml } = await import('monaco-yaml');
    // Monaco's own dark theme draws comments in a green too dim for WCAG AA on its background.
    monaco.editor.defineTheme('pipeline-dark', { base: 'vs-dark', inherit: true, rules: [{ token: 'comment', foreground: '9CCB8A' }], colors: {} });
    monaco.editor.defineTheme('pipeline-light', { base: 'vs', inherit: true, rules: [{ token: 'comment', foreground: '2F6B1F' }], colors: {} });
    configureMonacoYaml(monaco, {
      enableSchemaRequest: false,
      completion: true,
      hover: true,
      // Validation comes from the simulator's parser (exact messages and hints), not the JSON Schema.
      validate: false,
      format: { enable: false },
      schemas: [
        { uri: 'https://pipeline-lab.local/pipeline.schema.json', fileMatch: ['**/pipeline.yaml', '**/*.pipeline.yaml'], schema: schema as never },
        ...configSchemas.map((c) => ({ uri: c.uri, fileMatch: c.fileMatch, schema: c.schema as never })),
      ],
    });
    return monaco;
  })();
  return monacoPromise;
}

const OWNER = 'pipeline-lab';

export async function createEditor(
  container: HTMLElement,
  files: readonly EditorFile[],
  schema: Record<string, unknown>,
  options: { dark: boolean; label: string; onChange: (name: string, text: string) => void; onRun?: () => void; configSchemas?: readonly ConfigSchema[] },
): Promise<EditorHandle> {
  const monaco = await loadMonaco(schema, options.configSchemas ?? []);
  const models = new Map<string, MonacoNs.editor.ITextModel>();
  for (const f of files) {
    const uri = monaco.Uri.parse(`file:///${container.id || 'exercise'}/${f.name}`);
    monaco.editor.getModel(uri)?.dispose();
    const model = monaco.editor.createModel(f.text, languageOf(f.name), uri);
    model.onDidChangeContent(() => options.onChange(f.name, model.getValue()));
    models.set(f.name, model);
  }
  const first = files[0];
  const editor = monaco.editor.create(container, {
    model: first ? models.get(first.name)! : null,
    readOnly: first?.readOnly ?? false,
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 14,
    tabSize: 2,
    insertSpaces: true,
    quickSuggestions: { other: true, comments: false, strings: true },
    theme: options.dark ? 'pipeline-dark' : 'pipeline-light',
    ariaLabel: options.label,
    // Tab inserts spaces by default; Ctrl-M toggles it so keyboard users can tab out (Monaco's own a11y switch).
    tabFocusMode: false,
    accessibilitySupport: 'auto',
  });
  // Monaco binds Ctrl/Cmd+Enter itself ("insert line below") and stops the key there, so the
  // island's own listener never hears it: the Run shortcut has to be an editor command.
  if (options.onRun) editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, options.onRun);
  const readOnly = new Map(files.map((f) => [f.name, f.readOnly]));
  const lockDecorations = new Map<string, string[]>();

  const model = (name: string) => {
    const m = models.get(name);
    if (!m) throw new Error(`no file ${name}`);
    return m;
  };

  const show = (name: string) => {
    editor.setModel(model(name));
    editor.updateOptions({ readOnly: readOnly.get(name) ?? false });
  };

  return {
    show,
    value: (name) => model(name).getValue(),
    setValue(name, text) {
      const m = model(name);
      if (m.getValue() === text) return;
      // pushEditOperations keeps the change on the undo stack (Ctrl-Z undoes a fault-panel edit too).
      m.pushEditOperations([], [{ range: m.getFullModelRange(), text }], () => null);
    },
    setIssues(name, issues) {
      const m = models.get(name);
      if (!m) return;
      monaco.editor.setModelMarkers(
        m,
        OWNER,
        issues.map((i) => ({
          severity: i.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
          message: i.hint ? `${simText(i.message, pageLang())}\n${simText(i.hint, pageLang())}` : simText(i.message, pageLang()),
          startLineNumber: i.line,
          startColumn: i.column,
          endLineNumber: i.endLine ?? i.line,
          endColumn: i.endColumn && (i.endLine ?? i.line) >= i.line && i.endColumn > i.column ? i.endColumn : m.getLineMaxColumn(Math.min(i.line, m.getLineCount())),
          source: i.file,
        })),
      );
    },
    setLocked(name, places) {
      const m = models.get(name);
      if (!m) return;
      const ids = lockDecorations.get(name) ?? [];
      lockDecorations.set(
        name,
        m.deltaDecorations(
          ids,
          places.map((p) => ({
            range: new monaco.Range(p.line, p.column, p.endLine, p.endColumn > p.column || p.endLine > p.line ? p.endColumn : m.getLineMaxColumn(Math.min(p.line, m.getLineCount()))),
            options: {
              inlineClassName: 'ex-locked-setting',
              linesDecorationsClassName: 'ex-locked-line',
              hoverMessage: { value: t('ex.locked.hover', { path: p.path }) },
            },
          })),
        ),
      );
    },
    setTheme: (dark) => monaco.editor.setTheme(dark ? 'pipeline-dark' : 'pipeline-light'),
    focus: () => editor.focus(),
    reveal(name, line, column) {
      show(name);
      editor.setPosition({ lineNumber: line, column });
      editor.revealLineInCenter(line);
      editor.focus();
    },
    dispose() {
      editor.dispose();
      for (const m of models.values()) m.dispose();
    },
  };
}
