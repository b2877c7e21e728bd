/**
 * Highlighting for JSON (an Elasticsearch index body, `PUT /logs`): keys, strings, numbers,
 * literals. A small Monarch tokenizer instead of Monaco's JSON language service, which needs a
 * worker of its own; the simulator's reader judges the content.
 */
import type * as MonacoNs from 'monaco-editor';

export const JSON_LANGUAGE = 'json';

export const jsonConfiguration: MonacoNs.languages.LanguageConfiguration = {
  brackets: [
    ['{', '}'],
    ['[', ']'],
  ],
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '"', close: '"', notIn: ['string'] },
  ],
};

export const jsonTokens: MonacoNs.languages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.json',
  brackets: [
    { open: '{', close: '}', token: 'delimiter.curly' },
    { open: '[', close: ']', token: 'delimiter.square' },
  ],
  tokenizer: {
    root: [
      [/"(?:[^"\\]|\\.)*"(?=\s*:)/, 'attribute.name'],
      [/"(?:[^"\\]|\\.)*"/, 'string'],
      [/-?\d+(\.\d+)?([eE][+-]?\d+)?/, 'number'],
      [/\b(true|false|null)\b/, 'keyword.constant'],
      [/[{}[\]]/, '@brackets'],
      [/[,:]/, 'delimiter'],
      [/\s+/, 'white'],
    ],
  },
};
