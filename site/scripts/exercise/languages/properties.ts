/**
 * Highlighting for Java `.properties` files (Kafka's server.properties, producer and consumer
 * configs): `#` and `!` comments, `key=value`, `key: value` and `key value` lines. A Monarch
 * tokenizer; the simulator's properties reader (properties-file) judges the content.
 */
import type * as MonacoNs from 'monaco-editor';

export const PROPERTIES_LANGUAGE = 'properties';

export const propertiesConfiguration: MonacoNs.languages.LanguageConfiguration = {
  comments: { lineComment: '#' },
};

export const propertiesTokens: MonacoNs.languages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.properties',
  tokenizer: {
    root: [
      [/^\s*[#!].*$/, 'comment'],
      [/^(\s*)([^=:\s#!][^=:\s]*)(\s*[=:]\s*|\s+)(-?\d+(?:\.\d+)?\s*)$/, ['white', 'attribute.name', 'delimiter', 'number']],
      [/^(\s*)([^=:\s#!][^=:\s]*)(\s*[=:]\s*|\s+)(true|false)(\s*)$/, ['white', 'attribute.name', 'delimiter', 'keyword.constant', 'white']],
      [/^(\s*)([^=:\s#!][^=:\s]*)(\s*[=:]\s*|\s+)(.*)$/, ['white', 'attribute.name', 'delimiter', 'string']],
      [/^(\s*)([^=:\s#!][^=:\s]*)\s*$/, ['white', 'attribute.name']],
    ],
  },
};
