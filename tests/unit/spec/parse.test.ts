import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseSpec, formatIssue } from '../../../simulator/spec/index.js';
import { BASE, errorsOf } from './base-spec.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/specs/${name}`, import.meta.url), 'utf8');

describe('the pipeline spec', () => {
  it('accepts every key of the DESIGN §3 example, with real defaults filled in', () => {
    for (const name of ['design-example.yaml', 'design-example-alternatives.yaml']) {
      const r = parseSpec(fixture(name), name);
      expect(r.ok, name).toBe(true);
      if (!r.ok) continue;
      expect(r.spec.duration).toBe(60_000);
      expect(r.spec.workload.rate).toBe(200);
      const fb = r.spec.nodes['filebeat'];
      expect(fb?.type === 'beats' && fb['queue.mem.events']).toBe(3200);
      expect(fb?.type === 'beats' && fb.timeout).toBe(30_000);
      const kafka = r.spec.nodes['kafka'];
      expect(kafka?.type === 'kafka' && kafka.topics['logs']?.['retention.ms']).toBe(7 * 86_400_000);
      expect(r.spec.faults).toHaveLength(4);
    }
  });

  it('names the line and column of an unknown key and suggests the real one', () => {
    const [e] = errorsOf(BASE.replace('acks: "1"', 'ack: "1"'));
    expect(formatIssue(e!)).toBe('pipeline.yaml:9:45: unknown key `ack` (did you mean `acks`?)');
  });

  it('reports a value of the wrong type where it stands', () => {
    const [e] = errorsOf(BASE.replace('partitions: 3', 'partitions: three'));
    expect(e!.line).toBe(13);
    expect(e!.column).toBe(27);
    expect(e!.message).toContain('expected number');
  });

  it('explains a bad duration and how to write one', () => {
    const [e] = errorsOf(`${BASE}duration: 10 seconds\n`);
    expect(e!.line).toBe(14);
    expect(e!.message).toContain('"10 seconds" is not a duration');
    expect(e!.message).toContain('e.g. 10s');
  });

  it('catches a reference to a node that does not exist, with a guess', () => {
    const [e] = errorsOf(BASE.replace('output: logstash', 'output: logstas'));
    expect(formatIssue(e!)).toBe('pipeline.yaml:5:13: no node called `logstas` (did you mean `logstash`?)');
  });

  it('catches a reference to a node of the wrong type', () => {
    const [e] = errorsOf(BASE.replace('output: logstash', 'output: filebeat'));
    expect(e!.message).toBe('`filebeat` is a beats node; this needs a logstash or kafka or elasticsearch node');
  });

  it('suggests the nearest enum value', () => {
    const [e] = errorsOf(BASE.replace('type: logstash', 'type: logstash\n    queue.type: persistent'));
    expect(e!.hint).toBe('did you mean "persisted"?');
  });

  it('suggests a node type for a misspelt one', () => {
    const [e] = errorsOf(BASE.replace('type: kafka', 'type: kafak'));
    expect(e!.message).toContain('unknown node type "kafak"');
    expect(e!.hint).toBe('did you mean "kafka"?');
  });

  it('catches a fault on a node that does not exist', () => {
    const [e] = errorsOf(`${BASE}faults:\n  - { crash: kafka/broker-4, at: 1s }\n`);
    expect(e!.line).toBe(15);
    expect(e!.message).toBe('no node or broker called `kafka/broker-4`');
  });

  it('reports YAML syntax errors with their position and a hint', () => {
    const [e] = errorsOf('nodes:\n  a: { type: s3\n');
    expect(e!.line).toBeGreaterThanOrEqual(2);
    expect(e!.hint).toBeDefined();
  });

  it('rejects a topic that readers name but the cluster lacks', () => {
    const [e] = errorsOf(BASE.replace('topic_id: logs', 'topic_id: log'));
    expect(e!.message).toBe('topic `log` is not defined on `kafka`');
    expect(e!.hint).toBe('did you mean `logs`?');
  });

  it('refuses enable.idempotence on the Logstash kafka output: the plugin has no such option (SEMANTICS-2 §1.1)', () => {
    const [e] = errorsOf(BASE.replace('acks: "1"', 'acks: all, enable.idempotence: true'));
    expect(e!.message).toBe('unknown key `enable.idempotence`');
  });

  it('warns that acks=1 leaves the client without idempotence, so retries can reorder', () => {
    const r = parseSpec(BASE, 'p.yaml');
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.message).join('\n')).toContain('with acks=1 the Kafka client is not idempotent');
    expect(parseSpec(BASE.replace('acks: "1"', 'acks: all'), 'p.yaml').warnings).toEqual([]);
  });

  it('accepts JSON as well as YAML', () => {
    const r = parseSpec(JSON.stringify({ nodes: { es: { type: 'elasticsearch' } }, duration: 5000 }), 'p.json');
    expect(r.ok).toBe(true);
  });
});
