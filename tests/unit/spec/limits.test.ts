/** Limits that fail fast (simulator/spec/limits.ts): refused at validation, located at the setting responsible. */
import { describe, it, expect } from 'vitest';
import { parseSpec } from '../../../simulator/spec/index.js';
import { estimateRun, LIMITS } from '../../../simulator/spec/limits.js';
import { CARELESS, ALLOWED } from './careless-specs.js';

describe('limits that fail fast', () => {
  for (const c of CARELESS) {
    it(`refuses ${c.name} with one located error naming the limit`, () => {
      const r = parseSpec(c.text, 'pipeline.yaml');
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.errors).toHaveLength(1);
      const e = r.errors[0]!;
      expect({ file: e.file, line: e.line, column: e.column, path: e.path }).toEqual({ file: 'pipeline.yaml', line: c.line, column: c.column, path: c.path });
      expect(e.message).toMatch(c.message);
      expect(e.hint).toMatch(c.hint);
    });
  }

  it('accepts the same pipeline at an ordinary size', () => {
    expect(parseSpec(ALLOWED, 'pipeline.yaml').ok).toBe(true);
  });

  it('allows exactly the limit and refuses one record more', () => {
    const at = (rate: number) => ALLOWED.replace('rate: 200/s', `rate: ${rate}/s`).replace('drain: 60s', 'drain: 0s').replace('duration: 60s', 'duration: 100s');
    const recordErrors = (text: string) => {
      const r = parseSpec(text, 'p.yaml');
      return r.ok ? [] : r.errors.filter((e) => e.message.includes('records per run'));
    };
    expect(recordErrors(at(LIMITS.records / 100))).toEqual([]);
    expect(recordErrors(at(LIMITS.records / 100 + 0.01))).toHaveLength(1);
  });

  it('counts the stores that keep every record: topics, and sinks not fed by windowed jobs', () => {
    const r = parseSpec(ALLOWED, 'p.yaml');
    if (!r.ok) throw new Error('expected ok');
    const est = estimateRun(r.spec);
    expect(est).toMatchObject({ records: 12_000, stores: 2, brokers: 3, partitionReplicas: 9, samples: 121 });
    // Near the records limit in 13 stores (12 topics and a sink): refused by the retained-bytes estimate.
    const topics = Array.from({ length: 11 }, (_, i) => `      t${i}: {}`).join('\n');
    const manyStores = ALLOWED.replace('rate: 200/s', `rate: ${Math.floor(LIMITS.records / 60)}/s`).replace('    topics:\n', `    topics:\n${topics}\n`);
    const refused = parseSpec(manyStores, 'p.yaml');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors.map((e) => [e.path, e.message.replace(/ and [\d,]+ stage samples.*/, '')])).toEqual([['workload.rate', 'this run would keep about 16,000 MB alive (9,999,960 records in 13 stores that keep every record,']]);
    // The same records in two stores are allowed: a further store costs far less than the first (BYTES_PER_EXTRA_STORE).
    expect(parseSpec(ALLOWED.replace('rate: 200/s', `rate: ${Math.floor(LIMITS.records / 60)}/s`), 'p.yaml').ok).toBe(true);
  });

  it('refuses more consumer instances, log files and max-events than the limits', () => {
    const consumer = `workload: { files: 5000 }
max-events: 50000000
nodes:
  kafka: { type: kafka, topics: { logs: {} } }
  app:
    type: consumer
    instances: 1000
    source: { node: kafka, topic: logs }
    output: { elasticsearch: { node: es, index: x } }
  es: { type: elasticsearch }
`;
    const r = parseSpec(consumer, 'p.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.path, e.line, e.message.replace(/;.*/, '')])).toEqual([
      ['workload.files', 1, '5,000 log files'],
      ['nodes.app.instances', 7, '1,000 consumer instances'],
      ['max-events', 2, 'max-events 50,000,000 is above the limit of 20,000,000 events per run'],
    ]);
  });

  it('refuses a consumer group whose members × partitions go beyond the limit, at `instances`', () => {
    const group = (instances: number) => `nodes:
  kafka: { type: kafka, topics: { logs: { partitions: 1000 } } }
  app:
    type: consumer
    instances: ${instances}
    source: { node: kafka, topic: logs }
    output: { elasticsearch: { node: es, index: x } }
  es: { type: elasticsearch }
`;
    expect(parseSpec(group(50), 'p.yaml').ok).toBe(true);
    const r = parseSpec(group(100), 'p.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      expect.objectContaining({ path: 'nodes.app.instances', line: 5, column: 16, message: '100 consumer instances reading 1,000 partitions make 100,000 member-partitions; the limit is 50,000 per group', hint: "lower `instances` to 50 or fewer, or the topic's `partitions`" }),
    ]);
  });

  it('refuses a sliding window that puts each record in too many windows, at its `slide`, and Logstash workers beyond the limit', () => {
    const text = `workload: { rate: 200/s }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash:
    type: logstash
    pipeline.workers: 100000
    output: { kafka: { node: kafka, topic_id: logs, acks: all } }
  kafka: { type: kafka, topics: { logs: {} } }
  flink:
    type: flink
    source: { node: kafka, topic: logs }
    job: { key-by: status, window: { type: sliding, size: 1h, slide: 1ms }, aggregate: count }
    sink: { elasticsearch: { node: es, index: c } }
  es: { type: elasticsearch }
`;
    const r = parseSpec(text, 'p.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.path, e.line, e.column, e.message, e.hint])).toEqual([
      ['nodes.logstash.pipeline.workers', 6, 23, '100,000 pipeline workers; the limit is 256', 'Logstash runs one worker per CPU core by default: a handful shows the same behaviour'],
      [
        'nodes.flink.job.window.slide',
        12,
        70,
        'a 1h window sliding by 1ms puts each record in 3,600,000 windows: 43,200,000,000 window assignments for 12,000 records; the limit is 100,000,000',
        'raise `slide` to at least 432ms, or shorten `size`',
      ],
    ]);
    expect(parseSpec(text.replace('slide: 1ms', 'slide: 1s').replace('100000', '8'), 'p.yaml').ok).toBe(true);
  });
});
