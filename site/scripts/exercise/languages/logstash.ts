/**
 * Syntax highlighting for Logstash's pipeline configuration language (`*.conf`), as a Monaco
 * Monarch tokenizer. Token classes follow logstash-core's grammar.treetop: sections (`input`,
 * `filter`, `output`), plugins (a name before `{`), settings (a name before `=>`), conditionals
 * (`if` / `else if` / `else`) with their operators (`==` `!=` `<` `>` `<=` `>=` `=~` `!~`, `in`,
 * `not in`, `and` `or` `xor` `nand`, `!`), field references (`[a][b]`), regexps after `=~`,
 * quoted strings with sprintf references (`%{[@metadata][_id]}`), numbers, booleans, comments.
 * Highlighting only: the simulator's own parser (simulator/config/logstash) judges the file.
 */
import type * as MonacoNs from 'monaco-editor';

export const LOGSTASH_LANGUAGE = 'logstash';

export const logstashConfiguration: MonacoNs.languages.LanguageConfiguration = {
  comments: { lineComment: '#' },
  brackets: [
    ['{', '}'],
    ['[', ']'],
    ['(', ')'],
  ],
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '(', close: ')' },
    { open: '"', close: '"', notIn: ['string'] },
    { open: "'", close: "'", notIn: ['string'] },
  ],
  surroundingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '"', close: '"' },
  ],
  indentationRules: { increaseIndentPattern: /\{\s*(#.*)?$/, decreaseIndentPattern: /^\s*\}/ },
};

export const logstashTokens: MonacoNs.languages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.logstash',
  brackets: [
    { open: '{', close: '}', token: 'delimiter.curly' },
    { open: '[', close: ']', token: 'delimiter.square' },
    { open: '(', close: ')', token: 'delimiter.parenthesis' },
  ],
  tokenizer: {
    root: [
      [/#.*$/, 'comment'],
      [/\b(input|filter|output)\b(?=\s*\{)/, 'keyword.section'],
      [/\b(if|else)\b/, 'keyword.control'],
      [/\b(and|or|xor|nand|in|not)\b/, 'keyword.operator'],
      [/\b(true|false)\b/, 'keyword.constant'],
      // A plugin: a bare name before its block (`grok {`, `elasticsearch {`).
      [/[A-Za-z_][\w-]*(?=\s*\{)/, 'type.identifier'],
      // A setting: a bare name before `=>` (`match =>`, `document_id =>`).
      [/[A-Za-z_@][\w.@-]*(?=\s*=>)/, 'attribute.name'],
      [/=>/, 'delimiter'],
      // A regexp follows =~ and !~ only.
      [/(=~|!~)(\s*)(\/)/, ['operator', 'white', { token: 'regexp', next: '@regexp' }]],
      [/==|!=|<=|>=|<|>|!/, 'operator'],
      // A field reference: [name] or [a][b], no spaces or quotes inside (an array has them).
      [/(\[[^\]\s"',]+\])+/, 'variable'],
      [/-?\d+(\.\d+)?\b/, 'number'],
      [/"/, { token: 'string.quote', next: '@dstring' }],
      [/'/, { token: 'string.quote', next: '@sstring' }],
      [/[{}()[\]]/, '@brackets'],
      [/,/, 'delimiter'],
      [/[A-Za-z_][\w-]*/, 'identifier'],
      [/\s+/, 'white'],
    ],
    dstring: [
      [/%\{[^}"]*\}/, 'variable'],
      [/[^\\"%]+/, 'string'],
      [/\\./, 'string.escape'],
      [/%/, 'string'],
      [/"/, { token: 'string.quote', next: '@pop' }],
    ],
    sstring: [
      [/%\{[^}']*\}/, 'variable'],
      [/[^\\'%]+/, 'string'],
      [/\\./, 'string.escape'],
      [/%/, 'string'],
      [/'/, { token: 'string.quote', next: '@pop' }],
    ],
    regexp: [
      [/\\./, 'regexp.escape'],
      [/[^\\/]+/, 'regexp'],
      [/\//, { token: 'regexp', next: '@pop' }],
    ],
  },
};
