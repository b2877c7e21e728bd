/**
 * Bytes on each link (issue 29, cost/wire-bytes.ts), worked out by hand for a two-line run, and
 * what a resend costs: a lost Beats batch or Bulk request sent again pays its bytes twice.
 *
 * Seed 1 writes two access-log lines at 0 s into /var/log/app/access-0.log:
 *   rid 0: 205 characters, six of them `"` (request, referrer, user agent quoted)
 *   rid 1: 218 characters, six `"` as well
 * Filebeat's event (one read at 0 s, no processors):
 *   {"message":<line>,"log":{"file":{"path":"/var/log/app/access-0.log"},"offset":N},"@timestamp":"2026-01-01T00:00:00.000Z","@metadata":{"beat":"filebeat"}}
 *   = 11 + (line + 6 escapes + 2 quotes) + 7 + 56 + 14 + 26 + 13 + 19 + 1
 *   → rid 0: 360 bytes, rid 1: 373 bytes.
 */
import { describe, it, expect } from 'vitest';
import { runYaml } from './flink-helpers.js';
import { evaluateCheck } from '../../simulator/exercise/check-eval.js';
import { parseCheck } from '../../simulator/exercise/check-parse.js';

const pipeline = (faults = '') => `
duration: 1s
drain: 120s
workload: { generator: access-log, rate: 2/s, files: 1 }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash:
    type: logstash
    output:
      kafka: { node: kafka, topic_id: logs }
  kafka: { type: kafka, brokers: 1, topics: { logs: { partitions: 1 } } }
  indexer:
    type: consumer
    source: { node: kafka, topic: logs, group.id: indexer, auto.offset.reset: earliest }
    output: { elasticsearch: { node: es, index: logs } }
  es: { type: elasticsearch }
${faults}`;

const LINES = 205 + 218;
// Two Beats batches (one event each): a 6-byte window frame and a 10-byte JSON frame header each, then the events.
const BEATS = 2 * 6 + 2 * 10 + 360 + 373;
// One Bulk request of two items: `{"index":{"_index":"logs"}}\n` (28) each, then the document and a newline.
// The kafka output's default plain codec wrote `<@timestamp> %{host} <line>` (the event has no host), which
// the indexer reads as `message`: {"message":"2026-01-01T00:00:00.000Z %{host} <line>"} = 11 + (24 + 1 + 7
// + 1 + line + 6 escapes + 2 quotes) + 1 = line + 53.
const BULK = 2 * 28 + (205 + 53 + 1) + (218 + 53 + 1);

describe('bytes on each link, by hand', () => {
  it('counts each link in its own encoding', () => {
    const h = runYaml(pipeline(), 1);
    expect(h.workload.text(0, 0).length).toBe(205);
    expect(h.workload.text(1, 0).length).toBe(218);
    expect(h.result.cost!.bytes).toEqual({
      kafkaIn: LINES,
      kafkaOut: LINES,
      links: { 'filebeat->logstash': BEATS, 'logstash->kafka': LINES, 'kafka->indexer': LINES, 'indexer->es': BULK },
      total: BEATS + 2 * LINES + BULK,
    });
    expect(BEATS).toBe(765);
    expect(BULK).toBe(587);
    // The same figure as a check reads it and as the diagram's last sample holds it.
    const parsed = parseCheck('cost.bytes.links["filebeat->logstash"] == 765B');
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(evaluateCheck({ source: '', name: '', expr: parsed.expr, at: { file: 'exercise.yaml', line: 1, column: 1 }, exactColumns: true }, h.result).pass).toBe(true);
    expect(h.result.samples.at(-1)!.stages['filebeat->logstash']!['bytes']).toBe(765);
  });

  it('pays again for a resend: a lost Beats batch is sent twice', () => {
    const h = runYaml(pipeline('faults:\n  - { link: filebeat->logstash, loss: 1, from: 0s, to: 5s }'), 1);
    const bytes = h.result.cost!.bytes;
    // Both batches lost once, resent after the timeout: every byte twice. Nothing downstream changes.
    expect(bytes.links['filebeat->logstash']).toBe(2 * BEATS);
    expect(bytes.links['logstash->kafka']).toBe(LINES);
    expect(bytes.links['indexer->es']).toBe(BULK);
    expect(h.result.outputs['es']!.exactlyOnce).toBe(2);
  });

  it('pays again for a Bulk request resent after a lost one, and a retried Kafka produce pays too', () => {
    const bulk = runYaml(pipeline('faults:\n  - { link: indexer->es, loss: 1, from: 0s, to: 5s }'), 1);
    expect(bulk.result.cost!.bytes.links['indexer->es']).toBe(2 * BULK);
    // A broker that is down when Logstash first sends: the producer sends again, the broker counts once.
    const retried = runYaml(pipeline('faults:\n  - { link: logstash->kafka, loss: 1, from: 0s, to: 5s }'), 1);
    const b = retried.result.cost!.bytes;
    expect(b.kafkaIn).toBe(LINES);
    expect(b.links['logstash->kafka']).toBeGreaterThanOrEqual(2 * LINES);
    expect(b.links['logstash->kafka']! % LINES).toBe(0);
  });
});
