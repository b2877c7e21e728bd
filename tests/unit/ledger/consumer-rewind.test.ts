/**
 * Copies a consumer group makes by processing records again, and records it skips, are noted at the
 * group with why (issue #20): a coordinator crash, a slow handler under auto-commit, a crash (each
 * copy noted once), and a failed commit before processing.
 */
import { describe, it, expect } from 'vitest';
import { runSync } from '../../../simulator/run/run.js';
import { Ledger } from '../../../simulator/ledger/ledger.js';
import { GroupRewrites } from '../../../simulator/nodes/consumer/rewrites.js';
import { specOf } from '../../support/specs.js';
import { pipeline, type Reader } from '../../support/reader-pipelines.js';

const consumer = (commit: string, instances = 1): Reader => ({ kind: 'consumer', commit, processing: 'in-poll-loop', instances, documentId: false });

/** The slow-consumer exercise with auto-commit: 500 records at 30 ms each outlast max.poll.interval.ms. */
const slowAuto = `duration: 60s
drain: 120s
workload: { generator: access-log, rate: 50/s, files: 1, key: status }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash: { type: logstash, queue.type: persisted, output: { kafka: { node: kafka, topic_id: logs, acks: all } } }
  kafka: { type: kafka, brokers: 1, topics: { logs: { partitions: 1 } } }
  enricher:
    type: consumer
    source: { node: kafka, topic: logs, group.id: enricher, enable.auto.commit: true, auto.offset.reset: earliest, max.poll.records: 500, max.poll.interval.ms: 10s }
    commit: auto
    processing-time: 30ms
    output: { elasticsearch: { node: es, index: enriched } }
  es: { type: elasticsearch }
faults: []
`;

describe('a consumer group processing records again', () => {
  it('a join that waited out its coordinator\'s crash keeps the member: no removal, no copies (FC_SEED=1 of the placement property)', () => {
    const h = runSync(specOf(pipeline(consumer('auto'), [{ crash: 'kafka/broker-1', at: 2862, 'restart-after': 2639 }])), { seed: 1 });
    expect(h.result.log.filter((l) => l.text.includes('sent no heartbeat'))).toEqual([]);
    expect(h.result.outputs['es']!.duplicatedAt).toEqual({});
    expect(h.result.outputs['es']!.exactlyOnce).toBe(500);
  });

  it('auto-commit with a handler slower than max.poll.interval.ms: every repeat is noted at the group, once, with the committed offset it resumed at', () => {
    const h = runSync(specOf(slowAuto), { seed: 23, trace: 'all' });
    const es = h.result.outputs['es']!;
    expect(es.duplicated).toBeGreaterThan(0);
    expect(es.duplicatedAt).toEqual({ enricher: es.duplicated });
    expect(h.sim.ledger.notesAt.get('enricher')!.duplicated).toBe(es.extraCopies);
    const counts = h.countsOf('es');
    const rid = counts.findIndex((c) => c >= 2);
    expect(h.sim.ledger.traceOf(rid).map((s) => s.what)).toContainEqual(expect.stringMatching(/^copy: processed again: the group resumed logs-0 at its committed offset \d+, older than the \d+ it had already processed/));
  });

  it('a crash foresees the copies; writing them again later does not note them a second time', () => {
    const h = runSync(specOf(pipeline(consumer('auto', 2), [{ crash: 'reader', at: 4000, 'restart-after': 3000 }])), { seed: 1 });
    const es = h.result.outputs['es']!;
    expect(es.duplicated).toBeGreaterThan(0);
    expect(es.duplicatedAt).toEqual({ reader: es.duplicated });
    expect(h.sim.ledger.notesAt.get('reader')!.duplicated).toBe(es.extraCopies);
  });

  it('commit before processing that times out (coordinator down): the skipped batch is lost at the group, with why', () => {
    const faults = [{ crash: 'kafka/broker-1', at: 6011, 'restart-after': 200 }, { crash: 'logstash', at: 500, 'restart-after': 1501 }];
    const h = runSync(specOf(pipeline(consumer('before-processing'), faults)), { seed: 1 });
    const es = h.result.outputs['es']!;
    expect(es.lost).toBeGreaterThan(0);
    expect(es.lostAt).toEqual({ reader: es.lost });
    const rid = h.countsOf('es').findIndex((c) => c === 0);
    expect(h.sim.ledger.fateOf(rid, 0, h.heldRecords(), 'es')).toMatch(/^lost at reader: skipped: the offset commit before processing failed \(REQUEST_TIMED_OUT\)/);
  });
});

describe('GroupRewrites', () => {
  const rec = (partition: number, offset: number, rid: number) => ({ topic: 'logs', partition, offset, record: { rid, id: `r${rid}`, eventTimeMs: 0, fields: {} } });
  const why = () => 'again';

  it('notes a repeat once, whether a crash foresaw it first or the write came first', () => {
    const ledger = new Ledger();
    const g = new GroupRewrites(ledger, 'app');
    g.wrote(rec(0, 0, 7), why);
    g.foresee(7, 'crash');
    g.wrote(rec(0, 0, 7), why);
    expect(ledger.notesAt.get('app')!.duplicated).toBe(1);
    g.wrote(rec(0, 0, 7), why);
    g.foresee(7, 'crash');
    expect(ledger.notesAt.get('app')!.duplicated).toBe(2);
  });

  it('a copy made upstream (another offset) and a new record at a reused offset are not repeats', () => {
    const ledger = new Ledger();
    const g = new GroupRewrites(ledger, 'app');
    g.wrote(rec(0, 0, 1), why);
    g.wrote(rec(0, 1, 1), why);
    g.wrote(rec(0, 2, 2), why);
    g.wrote(rec(0, 1, 3), why);
    expect(ledger.notesAt.get('app')).toBeUndefined();
  });
});
