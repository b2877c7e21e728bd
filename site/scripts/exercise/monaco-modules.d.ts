// Monaco's ESM entry points without bundled typings: the core editor (no languages) has the
// same API surface as 'monaco-editor'; the YAML grammar only registers itself.
declare module 'monaco-editor/esm/vs/editor/edcore.main.js' {
  export * from 'monaco-editor';
}
declare module 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js';
declare module 'monaco-editor/esm/vs/basic-languages/shell/shell.contribution.js';
declare module 'monaco-editor/esm/vs/basic-languages/sql/sql.contribution.js';
declare module 'monaco-editor/esm/vs/basic-languages/python/python.contribution.js';
