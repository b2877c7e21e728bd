import { describe, it, expect } from 'vitest';
import { readYaml } from '../../../simulator/spec/parse.js';
import { formatIssue } from '../../../simulator/spec/issues.js';
import { unclosedOpener } from '../../../simulator/spec/yaml-first-error.js';

const errors = (text: string) => {
  const r = readYaml(text, 'x.yaml');
  return r.ok ? [] : r.errors.map(formatIssue);
};

describe('a YAML error is reported once, where it starts', () => {
  it('an unclosed quote in a hint: at the quote, not at the end of the file', () => {
    expect(errors('title: T\ngoal: G\nchecks:\n  - outputs.es.lost == 0\nhints:\n  - "Set it\n  - two\n  - three\n')).toEqual(['x.yaml:6:5: this quote " is never closed (add the closing " where the value ends)']);
  });

  it('an unclosed brace in a pipeline: one error at the brace, none for the lines after it', () => {
    expect(errors('nodes:\n  es: { type: elasticsearch\n  fb: { type: beats }\n  ls: { type: logstash }\nfaults: []\n')).toEqual(['x.yaml:2:7: this `{` is never closed (add the closing `}` where the value ends)']);
  });

  it('other errors: only the first', () => {
    expect(errors('title: T\n  goal: G\nchecks:\n  - a\n')).toEqual([expect.stringMatching(/^x\.yaml:1:8: Nested mappings/)]);
  });

  it('quotes inside plain words, comments and closed strings are not openers', () => {
    expect(unclosedOpener("a: it's fine # don't\nb: 'x''y' [1]\n", 40)).toBeUndefined();
    expect(unclosedOpener('a: [1, "]" \n', 12)).toEqual({ offset: 3, char: '[' });
  });
});
