/**
 * Issue #20, "Fidelity and the ledger": every record that leaves the pipeline does so at a place,
 * for a reason, with the fate it really had (dead-lettered and late side output are not losses).
 */
import { describe, it, expect } from 'vitest';
import { run } from '../unit/collectors/helpers.js';
import { parseCheck } from '../../simulator/exercise/check-parse.js';
import { evaluateCheck } from '../../simulator/exercise/check-eval.js';
import { resolvePath } from '../../simulator/exercise/check-resolve.js';
import type { RunResult } from '../../simulator/run/result.js';
import { pipeline } from '../support/reader-pipelines.js';
import { runSync } from '../../simulator/run/run.js';
import { specOf } from '../support/specs.js';

/** A check as an exercise states it, evaluated against a run: whether it passes. */
function holds(source: string, result: RunResult): boolean {
  const parsed = parseCheck(source);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return evaluateCheck({ source, name: source, expr: parsed.expr, at: { file: 'exercise.yaml', line: 1, column: 1 }, exactColumns: true }, result).pass;
}

/** 5% garbled lines get `bytes: "n/a"`, which the `bytes: long` mapping rejects with 400. */
const rejected = (dlq: boolean) => `duration: 5s
drain: 60s
workload: { rate: 100/s, files: 1, malformed: 0.05 }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash:
    type: logstash
    dead_letter_queue.enable: ${dlq}
    filter:
      - grok: { match: { message: "%{COMBINEDAPACHELOG}" } }
      - mutate: { add_field: { bytes: "n/a" }, if: '"_grokparsefailure" in [tags]' }
    output:
      elasticsearch: { node: es, index: logs }
  es:
    type: elasticsearch
    mappings: { logs: { bytes: long } }
faults: []
`;

describe('Logstash elasticsearch output, documents rejected with 400', () => {
  it('without a DLQ each rejected document is logged as the plugin does ("Could not index event to Elasticsearch.")', () => {
    const h = run(rejected(false));
    const es = h.result.outputs['es']!;
    expect(es.lost).toBeGreaterThan(0);
    const lines = h.result.log.filter((l) => l.source === 'logstash' && l.text.startsWith('Could not index event to Elasticsearch.'));
    // One warning per rejected document (logstash-output-elasticsearch, handle_dlq_response without a DLQ writer).
    expect(lines.length).toBe(es.lost);
    expect(lines.every((l) => l.level === 'warn')).toBe(true);
    expect(lines[0]!.text).toMatch(/:status=>400, :action=>\["index", \{:_id=>nil, :_index=>"logs", :routing=>nil\}.*:response=>\{"index"=>\{.*"status"=>400, "error"=>\{"type"=>"mapper_parsing_exception", "reason"=>"failed to parse field \[bytes\]/);
  });

  it('with the DLQ on, the event goes to the DLQ with that reason and nothing is logged per document', () => {
    const h = run(rejected(true));
    expect(h.result.log.filter((l) => l.text.startsWith('Could not index event'))).toEqual([]);
  });
});

describe('dead-lettered documents have their own fate', () => {
  it('with the DLQ on, rejected documents are deadLettered at logstash, not lost', () => {
    const h = run(rejected(true));
    const es = h.result.outputs['es']!;
    const dlq = (h.result.state['logstash'] as { deadLetterQueue: { entries: number } }).deadLetterQueue;
    expect(es['deadLettered']).toBeGreaterThan(0);
    expect(es.lost).toBe(0);
    expect(es.lostAt).toEqual({});
    expect(es.exactlyOnce + (es['deadLettered'] as number)).toBe(es.generated);
    expect(dlq.entries).toBe(es['deadLettered']);
    expect(holds(`outputs.es.deadLettered == ${String(es['deadLettered'])}`, h.result)).toBe(true);
    const rid = [...Array(es.generated).keys()].find((r) => h.countsOf('es')[r] !== 1)!;
    expect(h.sim.ledger.fateOf(rid, 0, h.heldRecords(), 'es')).toMatch(/^dead-lettered at logstash: Elasticsearch rejected it \(400\)/);
  });

  it('without a DLQ they are lost at logstash, and deadLettered reads 0', () => {
    const es = run(rejected(false)).result.outputs['es']!;
    expect(es.lostAt).toEqual({ logstash: es.lost });
    expect(es['deadLettered']).toBe(0);
  });

  it('the check vocabulary knows both new fates', () => {
    // Described fields, not open sink statistics the solution's run would have to vouch for.
    for (const field of ['deadLettered', 'lateSideOutput']) {
      const r = resolvePath(['outputs', 'es', field]);
      expect(r).toMatchObject({ ok: true, unit: 'count' });
      expect(r.ok && r.open).toBeFalsy();
    }
  });
});

/** Every extra copy in every output was noted somewhere; every lost record too (none at "unknown"). */
function expectAllPlaced(h: ReturnType<typeof run>): void {
  for (const [id, o] of Object.entries(h.result.outputs)) {
    expect({ id, lostAt: o.lostAt['unknown'], duplicatedAt: o.duplicatedAt['unknown'] }).toEqual({ id, lostAt: undefined, duplicatedAt: undefined });
    expect(Object.values(o.lostAt).reduce((a, b) => a + b, 0)).toBe(o.lost);
    expect(Object.values(o.duplicatedAt).reduce((a, b) => a + b, 0)).toBe(o.duplicated);
  }
}

describe('auto-commit reprocessing after a consumer crash', () => {
  const spec = (processing: string) => `duration: 30s
drain: 90s
workload: { generator: access-log, rate: 100/s, files: 1 }
nodes:
  filebeat: { type: beats, output: kafka, topic: logs }
  kafka: { type: kafka, topics: { logs: { partitions: 3 } } }
  indexer:
    type: consumer
    source: { node: kafka, topic: logs, enable.auto.commit: true, auto.offset.reset: earliest, session.timeout.ms: 10s }
    commit: auto
    processing: ${processing}
    processing-time: 8ms
    output: { elasticsearch: { node: es, index: logs } }
  es: { type: elasticsearch }
faults:
  - { crash: indexer, at: 10s, restart-after: 2s }
`;
  it.each(['in-poll-loop', 'worker'])('processing %s: every record written since the last auto-commit is a copy made at the consumer', (processing) => {
    const h = run(spec(processing));
    const es = h.result.outputs['es']!;
    expect(es.duplicated).toBeGreaterThan(100);
    expect(es.duplicatedAt).toEqual({ indexer: es.duplicated });
    expectAllPlaced(h);
  });
});

describe('Flink windows that fire more than once', () => {
  const flink = (window: string, sink: string) => `duration: 20s
drain: 30s
workload: { generator: access-log, rate: 100/s, files: 1, key: status, late: { fraction: 0.1, max: 10s } }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash:
    type: logstash
    filter: [ { grok: { match: { message: "%{COMBINEDAPACHELOG}" } } } ]
    output: { kafka: { node: kafka, topic_id: logs, acks: all, codec: json } }
  kafka: { type: kafka, topics: { logs: { partitions: 1 } } }
  flink:
    type: flink
    source: { node: kafka, topic: logs, idleness: 2s }
    execution.checkpointing.interval: 5s
    job: { key-by: status, window: ${window}, watermark: { max-out-of-orderness: 1s }, allowed-lateness: 15s }
    sink: { elasticsearch: { node: es, index: counts${sink} } }
  es: { type: elasticsearch }
`;
  it('a late record re-fires its window: with generated ids the update is a new document, a copy made at flink', () => {
    const h = run(flink('{ type: tumbling, size: 2s }', ''));
    const es = h.result.outputs['es']!;
    expect(es.duplicated).toBeGreaterThan(0);
    expect(Object.keys(es.duplicatedAt)).toEqual(['flink']);
    expectAllPlaced(h);
  });

  it('with a document id the update overwrites: nothing counts twice', () => {
    const es = run(flink('{ type: tumbling, size: 2s }', ', document-id: "{key}-{window.start}"')).result.outputs['es']!;
    expect(es.duplicated).toBe(0);
    expect(es.lost).toBe(0);
  });

  it('session windows that merge after firing: every loss and copy is placed', () => {
    for (const sink of ['', ', document-id: "{key}-{window.start}"']) {
      const h = run(flink('{ type: session, gap: 300ms }', sink));
      expectAllPlaced(h);
    }
  });
});

describe('a window document overwritten by a smaller result after a restore', () => {
  // After the restore the watermark starts over: records that were late before the crash open the
  // window again, and its result (fewer records) replaces, by its document id, the one that counted more.
  const flink = (documentId: boolean, fault: object) =>
    pipeline({ kind: 'flink', window: '{ type: tumbling, size: 2s }', lateness: '0s', lateData: 'drop', mode: 'EXACTLY_ONCE', documentId }, [fault]);
  it('the records the old document counted and the new one does not are lost at es, where the overwrite destroyed them', () => {
    const h = run(flink(true, { crash: 'reader', at: 4022, 'restart-after': 200 }), 400);
    const es = h.result.outputs['es']!;
    expect(es.lost).toBeGreaterThan(0);
    expect(es.lostAt).toEqual({ es: es.lost });
    const rid = [...Array(es.generated).keys()].find((r) => h.sim.ledger.fateKind(r, h.countsOf('es')[r] ?? 0, h.heldRecords(), 'es').kind === 'lost')!;
    expect(h.sim.ledger.fateOf(rid, 0, h.heldRecords(), 'es')).toMatch(/^lost at es: document \S+ in counts overwritten by a result of its window that does not count it/);
  });
});

describe('a Flink job restored from a checkpoint writes again what its restored windows had already written', () => {
  // The ES sink is at-least-once (SEMANTICS §4 [FL8]): results written after the checkpoint's barrier
  // are written again after a restore, and with generated ids each is a new document. Records read
  // again from Kafka are noted as replays; the others come out of the restored window state, and the
  // sink notes those, once per repeat.
  const flink = (maxActions: number, fault: object) =>
    pipeline({ kind: 'flink', window: '{ type: tumbling, size: 2s }', lateness: '0s', lateData: 'drop', mode: 'EXACTLY_ONCE', documentId: false, maxActions }, [fault]);

  /** For every record with extra copies: its copy notes, which must be exactly one per extra copy. */
  function copyNotes(h: ReturnType<typeof run>): string[][] {
    const es = h.result.outputs['es']!;
    const counts = h.countsOf('es');
    const notes: string[][] = [];
    for (let rid = 0; rid < es.generated; rid++) {
      const c = counts[rid] ?? 0;
      if (c < 2) continue;
      const copies = h.sim.ledger.traceOf(rid).filter((s) => s.what.startsWith('copy: '));
      expect({ rid, notes: copies.length }).toEqual({ rid, notes: c - 1 });
      notes.push(copies.map((s) => `${s.where}: ${s.what}`));
    }
    return notes;
  }

  it('a bulk whose response is lost fails the job; the restored windows write its records again, a copy noted at the job', () => {
    const h = runSync(specOf(flink(1000, { link: 'reader->es', loss: 0.2, from: '1s', to: '9s' })), { seed: 7, trace: 'all' });
    const es = h.result.outputs['es']!;
    expect(h.result.log.some((l) => l.source === 'reader' && /bulk request \d+ got no response/.test(l.text))).toBe(true);
    expect(es.duplicated).toBeGreaterThan(0);
    expect(es.duplicatedAt).toEqual({ reader: es.duplicated });
    expectAllPlaced(h);
    const notes = copyNotes(h);
    const restored = notes.filter((n) => n.some((x) => x.includes('re-emitted after restore')));
    expect(restored.length).toBeGreaterThan(0);
    for (const n of restored) expect(n).toEqual([expect.stringMatching(/^reader: copy: re-emitted after restore from checkpoint \d+; the earlier bulk got no response and may have been applied$/)]);
    // The other copies are the records read again from Kafka, noted once there, not again at the sink.
    for (const n of notes.filter((x) => !restored.includes(x))) expect(n).toEqual(['reader: copy: replayed from Kafka after a restore from checkpoint']);
  });

  it('a bulk answered between checkpoints and a crash before the next: the restored windows write it again, a copy noted at the job', () => {
    // One bulk request per result: results go out as their windows fire, not only at the barrier.
    const h = runSync(specOf(flink(1, { crash: 'reader', at: 5300, 'restart-after': 1000 })), { seed: 7, trace: 'all' });
    const es = h.result.outputs['es']!;
    expect(es.duplicatedAt).toEqual({ reader: es.duplicated });
    expectAllPlaced(h);
    const restored = copyNotes(h).filter((n) => n.some((x) => x.includes('re-emitted after restore')));
    expect(restored.length).toBeGreaterThan(0);
    for (const n of restored) expect(n).toEqual([expect.stringMatching(/^reader: copy: re-emitted after restore from checkpoint \d+; already written to es, but the checkpoint's window state had not emitted it yet$/)]);
  });

  it('with a document id the restored windows overwrite their documents: no copies, and none noted', () => {
    const spec = pipeline({ kind: 'flink', window: '{ type: tumbling, size: 2s }', lateness: '0s', lateData: 'drop', mode: 'EXACTLY_ONCE', documentId: true, maxActions: 1 }, [{ crash: 'reader', at: 5300, 'restart-after': 1000 }]);
    const h = runSync(specOf(spec), { seed: 7, trace: 'all' });
    const es = h.result.outputs['es']!;
    expect(es.duplicated).toBe(0);
    const noted = [...Array(es.generated).keys()].filter((rid) => h.sim.ledger.traceOf(rid).some((s) => s.what.includes('re-emitted after restore')));
    expect(noted).toEqual([]);
  });
});
