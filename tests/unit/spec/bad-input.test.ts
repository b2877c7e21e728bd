/**
 * Hostile or odd YAML (issue #20, "Bad input"): every shape here once gave a message in the
 * YAML library's or JavaScript's words, or passed and then broke the run. Each must now be
 * refused at a line and column, in the spec's own terms, with a hint.
 */
import { describe, it, expect } from 'vitest';
import { parseSpec, formatIssue, type SpecIssue } from '../../../simulator/spec/index.js';
import { unstructuredReason } from '../../fuzz/structured.js';
import { BASE, errorsOf as rejected } from './base-spec.js';

/** The spec's errors, each of which must be structured: no message may read like a stack trace or a library's internals. */
function errorsOf(text: string): SpecIssue[] {
  const errors = rejected(text);
  for (const e of errors) expect(unstructuredReason(e), formatIssue(e)).toBeUndefined();
  return errors;
}

describe('bad YAML gets a located message in the spec\'s terms', () => {
  it('deep nesting is refused without "Maximum call stack size exceeded"', () => {
    const [e] = errorsOf(`nodes: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    expect(e!.message).toContain('nested too deeply');
    expect(e!.line).toBe(1);
    expect(e!.hint).toBeDefined();
  });

  it('moderately deep nesting that YAML can read is still refused before validation', () => {
    const [e] = errorsOf(`nodes:\n  a: ${'['.repeat(300)}${']'.repeat(300)}\n`);
    expect(e!.message).toContain('nested too deeply');
    expect(e!.line).toBe(2);
  });

  it('an alias bomb names the aliases, not a ReferenceError', () => {
    const bomb = 'a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n';
    const [e] = errorsOf(bomb);
    expect(e!.message).toContain('aliases');
    expect(e!.line).toBeGreaterThan(1);
    expect(e!.hint).toBeDefined();
  });

  it('an alias with no anchor names the alias where it stands', () => {
    const [e] = errorsOf(`${BASE}name: *nope\n`.replace('name: t\n', ''));
    expect(formatIssue(e!)).toMatch(/^pipeline\.yaml:13:7: `\*nope` refers to no anchor/);
    expect(e!.hint).toContain('&nope');
  });

  it('two YAML documents are explained without "YAML.parseAllDocuments()"', () => {
    const [e] = errorsOf(`${BASE}---\nname: other\n`);
    expect(e!.line).toBe(14);
    expect(e!.message).toContain('second YAML document');
    expect(e!.hint).toContain('---');
  });

  it('.nan is named as YAML wrote it, not "got number null"', () => {
    const [e] = errorsOf(BASE.replace('partitions: 3', 'partitions: .nan'));
    expect(formatIssue(e!)).toBe('pipeline.yaml:13:27: `nodes.kafka.topics.logs.partitions`: expected number, got `.nan` (not a number) (write a finite number, e.g. 3)');
  });

  it('duration: true and duration: .inf say what a duration looks like', () => {
    for (const [value, shown] of [['true', 'true'], ['.inf', '.inf'], ['-.inf', '-.inf']] as const) {
      const [e] = errorsOf(`${BASE}duration: ${value}\n`);
      expect(e!.line, value).toBe(14);
      expect(e!.column, value).toBe(11);
      expect(e!.message, value).toBe(`\`duration\`: expected a duration such as 250ms, 10s, 5m or 7d, got \`${shown}\``);
      expect(e!.hint, value).toBeDefined();
    }
  });

  it('!!binary and other tags are refused where they stand', () => {
    const [e] = errorsOf(BASE.replace('type: kafka', 'type: !!binary aGVsbG8='));
    // Marked on the value the tag is attached to (the YAML library's node range starts there).
    expect(formatIssue(e!)).toMatch(/^pipeline\.yaml:11:20: the YAML tag `!!binary` is not used in pipeline specs/);
    const [f] = errorsOf(BASE.replace('  kafka:\n    type: kafka', '  kafka: !!binary aGVsbG8=\n  other:\n    type: kafka'));
    expect(f!.message).toContain('`!!binary`');
    expect(f!.line).toBe(10);
  });

  it('a tag with a broken % escape is not a URIError (found by npm run fuzz)', () => {
    const [e] = errorsOf('!!binary%beats');
    expect(e!.line).toBe(1);
  });

  it('an HTML or non-ASCII node id gets the schema\'s own message, at the key', () => {
    for (const [id, fix] of [['<b>x</b>', 'b-x-b'], ['café', 'cafe']] as const) {
      const [e] = errorsOf(`${BASE}  ${id}:\n    type: s3\n`);
      expect(formatIssue(e!)).toBe(`pipeline.yaml:14:3: \`${id}\` is not a valid node id: node ids start with a letter and use letters, digits, - and _ (rename it, e.g. \`${fix}\`)`);
    }
  });
});

describe('JavaScript\'s built-in names as ids', () => {
  it('`__proto__` and `constructor` as node ids are refused at the key instead of vanishing', () => {
    for (const id of ['__proto__', 'constructor', 'toString']) {
      const [e] = errorsOf(`${BASE}  ${id}:\n    type: s3\n`);
      expect(e!.line, id).toBe(14);
      expect(e!.column, id).toBe(3);
      expect(e!.message, id).toContain(`\`${id}\` is a reserved name`);
    }
  });

  it('`__proto__` as a topic name is refused at the key', () => {
    const [e] = errorsOf(BASE.replace('logs: { partitions: 3 }', 'logs: { partitions: 3 }\n      __proto__: { partitions: 1 }'));
    expect(e!.line).toBe(14);
    expect(e!.message).toContain('`__proto__` is a reserved name');
  });
});

const FLINK = (source: string, sink: string, extra = '') => `${BASE.replace('logs: { partitions: 3 }', 'logs: { partitions: 3 }\n      enriched: {}')}  job:
    type: flink
    source: { node: kafka, topic: ${source} }
    sink:
      kafka: { node: kafka, topic: ${sink} }
${extra}`;

describe('loops through Kafka topics', () => {
  it('a Flink job that writes the topic it reads is refused, naming the loop', () => {
    const [e] = errorsOf(FLINK('logs', 'logs'));
    expect(formatIssue(e!)).toMatch(/^pipeline\.yaml:19:36: `job` writes topic `logs` on `kafka`, which it reads itself/);
    expect(e!.hint).toBeDefined();
  });

  it('two jobs in a loop are refused, naming every step', () => {
    const two = FLINK('logs', 'enriched', `  back:
    type: flink
    source: { node: kafka, topic: enriched }
    sink:
      kafka: { node: kafka, topic: logs }
`);
    const errors = errorsOf(two);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('kafka/logs → job → kafka/enriched → back → kafka/logs');
  });

  it('a chain of jobs without a loop still passes', () => {
    expect(parseSpec(FLINK('logs', 'enriched'), 'pipeline.yaml').ok).toBe(true);
  });
});

describe('references to built-in names', () => {
  it('a reference to `constructor` is a missing node, not "a undefined node"', () => {
    const [e] = errorsOf(BASE.replace('output: logstash', 'output: constructor'));
    expect(formatIssue(e!)).toMatch(/^pipeline\.yaml:5:13: no node called `constructor`/);
  });

  it('a topic called `toString` is not defined just because objects have a toString', () => {
    const [e] = errorsOf(BASE.replace('topic_id: logs', 'topic_id: toString'));
    expect(e!.message).toBe('topic `toString` is not defined on `kafka`');
  });
});

const WINDOWED = BASE.replace('logs: { partitions: 3 }', 'logs: { partitions: 3 }\n  es: { type: elasticsearch }').replace(/\n$/, '') + `
  job:
    type: flink
    source: { node: kafka, topic: logs }
    job: { window: WINDOW }
    sink:
      elasticsearch: { node: es }
`;

describe('the validator\'s own words, found by the fuzzer', () => {
  it('a node with no `type` says so, not "unknown node type undefined"', () => {
    const [e] = errorsOf(`${BASE}  lake: { output: kafka }\n`);
    expect(formatIssue(e!)).toBe('pipeline.yaml:14:9: this node has no `type` (add `type:` with one of: beats, logstash, kafka, consumer, flink, elasticsearch, s3, batch, serving)');
  });

  it('a bound reads as a bound, not "Too small: expected number to be >0"', () => {
    const [e] = errorsOf(BASE.replace('partitions: 3', 'partitions: 0'));
    expect(e!.message).toBe('`nodes.kafka.topics.logs.partitions`: must be greater than 0, got 0');
  });

  it('a window of no known type offers every type, not "Invalid input"', () => {
    const [e] = errorsOf(WINDOWED.replace('WINDOW', '{ type: hopping, size: 10s }'));
    expect(e!.message).toBe('`nodes.job.job.window.type`: "hopping" is not allowed; use one of "tumbling", "sliding", "session"');
    const [f] = errorsOf(WINDOWED.replace('WINDOW', '{ size: 10s }'));
    expect(f!.message).toBe('`nodes.job.job.window.type`: missing required value; use one of "tumbling", "sliding", "session"');
  });
});
