/**
 * Audit of the Flink model through the real run path (SEMANTICS §4, MISCONCEPTIONS 8, 9, 11, 20):
 * idle partitions and idleness, late data (dropped / allowed lateness / side output),
 * AT_LEAST_ONCE double counting after a restore, the KafkaSink's transaction timeout against a long
 * outage, FileSink without checkpoints, and an exhausted restart strategy.
 */
import { describe, it, expect } from 'vitest';
import { runYaml } from './flink-helpers.js';

type Operators = { watermark: number | null; numLateRecordsDropped: number; lateSideOutput: number; windowsFired: number };
const operators = (h: ReturnType<typeof runYaml>) => (h.result.state['flink'] as { instances: { operators: Operators; status: string }[] }).instances[0]!;

const grokToKafka = (key = '') => `
  filebeat: { type: beats, output: logstash }
  logstash:
    type: logstash
    filter: [ { grok: { match: { message: "%{COMBINEDAPACHELOG}" } } } ]
    output: { kafka: { node: kafka, topic_id: logs, acks: all${key}, codec: json } }`;

describe('an idle partition holds the watermark back (MISCONCEPTIONS 8)', () => {
  const spec = (idleness: string) => `
duration: 20s
drain: 20s
workload: { generator: access-log, rate: 100/s, files: 1, key: status }
nodes:
${grokToKafka(', message_key: "constant"')}
  kafka: { type: kafka, topics: { logs: { partitions: 2 } } }
  flink:
    type: flink
    source: { node: kafka, topic: logs${idleness} }
    execution.checkpointing.interval: 5s
    job: { key-by: status, window: { type: tumbling, size: 5s }, watermark: { max-out-of-orderness: 1s } }
    sink: { elasticsearch: { node: es, index: counts, document-id: "{key}-{window.start}" } }
  es: { type: elasticsearch }
`;
  it('one key → one partition gets everything, the other nothing: no window ever fires', () => {
    const h = runYaml(spec(''));
    const out = h.result.outputs['es']!;
    const wm = operators(h).operators.watermark;
    expect(wm === null || wm < 0).toBe(true); // never advanced (Long.MIN_VALUE in Flink)
    expect(operators(h).operators.windowsFired).toBe(0);
    expect(out.exactlyOnce).toBe(0);
    expect(out.inFlight).toBe(out.generated); // stuck in window state, not lost
  });

  it('idleness releases it: windows fire; only the last window waits (all partitions idle at the end)', () => {
    const h = runYaml(spec(', idleness: 2s'));
    const out = h.result.outputs['es']!;
    expect(operators(h).operators.windowsFired).toBeGreaterThan(0);
    expect(out.exactlyOnce).toBeGreaterThan(out.generated * 0.6);
    expect(out.lost).toBe(0);
  });
});

describe('late records (MISCONCEPTIONS 9)', () => {
  const spec = (extra: string) => `
duration: 20s
drain: 30s
workload: { generator: access-log, rate: 100/s, files: 1, key: status, late: { fraction: 0.1, max: 10s } }
nodes:
${grokToKafka()}
  kafka: { type: kafka, topics: { logs: { partitions: 1 } } }
  flink:
    type: flink
    source: { node: kafka, topic: logs, idleness: 2s }
    execution.checkpointing.interval: 5s
    job: { key-by: status, window: { type: tumbling, size: 2s }, watermark: { max-out-of-orderness: 1s }${extra} }
    sink: { elasticsearch: { node: es, index: counts, document-id: "{key}-{window.start}" } }
  es: { type: elasticsearch }
`;
  it('allowed lateness 0: late records are dropped silently — only numLateRecordsDropped counts them', () => {
    const h = runYaml(spec(''));
    const out = h.result.outputs['es']!;
    expect(out.late).toBeGreaterThan(50);
    expect(operators(h).operators.numLateRecordsDropped).toBe(out.late);
    expect(h.result.log.filter((l) => l.source === 'flink' && /late/i.test(l.text))).toEqual([]);
    // The window counts undercount the truth.
    const q = h.result.query!;
    expect(q.windows.some((w) => (w.answers['es'] ?? 0) < w.truth)).toBe(true);
  });

  it('allowed-lateness keeps the windows and re-fires them: no late drops, updated documents', () => {
    const h = runYaml(spec(', allowed-lateness: 15s'));
    const out = h.result.outputs['es']!;
    expect(out.late).toBe(0);
    expect(operators(h).operators.numLateRecordsDropped).toBe(0);
    expect(out.versionsAbove1).toBeGreaterThan(0); // re-fired windows overwrite their document
  });

  it('late-data: side-output routes them to the side output instead of dropping them silently', () => {
    const h = runYaml(spec(', late-data: side-output'));
    const out = h.result.outputs['es']!;
    // Their own fate, not `late` (dropped): a check can tell the two apart.
    expect(operators(h).operators.lateSideOutput).toBe(out.lateSideOutput);
    expect(operators(h).operators.numLateRecordsDropped).toBe(0);
    expect(out.lateSideOutput).toBeGreaterThan(50);
    expect(out.late).toBe(0);
    const rid = [...Array(out.generated).keys()].find((r) => h.countsOf('es')[r] === 0 && !h.heldRecords().has(r))!;
    expect(h.sim.ledger.fateOf(rid, 0, h.heldRecords(), 'es')).toMatch(/^late: routed to the side output at flink/);
  });
});

describe('AT_LEAST_ONCE checkpoints double-count windowed state after a restore', () => {
  const spec = (mode: string, crash: string) => `
duration: 12s
drain: 20s
workload: { generator: access-log, rate: 200/s, files: 2, key: status }
nodes:
${grokToKafka()}
  kafka: { type: kafka, topics: { logs: { partitions: 4 } } }
  flink:
    type: flink
    source: { node: kafka, topic: logs, idleness: 1s }
    execution.checkpointing.interval: 2s
    execution.checkpointing.mode: ${mode}
    processing-time: 1ms
    job: { key-by: status, window: { type: tumbling, size: 2s } }
    sink: { elasticsearch: { node: es, index: counts, document-id: "{key}-{window.start}" } }
  es: { type: elasticsearch }
faults:
  - { crash: flink, at: ${crash}, restart-after: 500ms }
`;
  const overcount = (h: ReturnType<typeof runYaml>) => {
    let over = 0;
    let under = 0;
    for (const w of h.result.query!.windows) {
      const a = w.answers['es/counts'];
      if (a === undefined || a === null || w.windowEndMs > 11_000) continue;
      over += Math.max(0, a - w.truth);
      under += Math.max(0, w.truth - a);
    }
    return { over, under };
  };
  it('EXACTLY_ONCE (aligned barriers): every closed window holds the true count after the restore', () => {
    for (const crash of ['4500ms', '8700ms']) expect(overcount(runYaml(spec('EXACTLY_ONCE', crash)))).toEqual({ over: 0, under: 0 });
  });
  it('AT_LEAST_ONCE (no alignment): records after the barrier are in the snapshot and counted again', () => {
    const r = overcount(runYaml(spec('AT_LEAST_ONCE', '4500ms')));
    expect(r.over).toBeGreaterThan(0);
    expect(r.under).toBe(0);
  });
});

describe('KafkaSink exactly-once: a job down longer than transaction.timeout.ms loses pre-committed data (MISCONCEPTIONS 11)', () => {
  // The checkpoint at 5 s completes (its transaction is pre-committed), but the job is cut off
  // before the commit reaches Kafka and then crashes; on restore it commits that transaction again.
  const spec = (down: string) => `
duration: 12s
drain: 60s
workload: { generator: access-log, rate: 100/s, files: 1 }
nodes:
  filebeat: { type: beats, output: kafka, topic: logs }
  kafka: { type: kafka, brokers: 1, topics: { logs: { partitions: 2 }, out: { partitions: 1 } } }
  flink:
    type: flink
    source: { node: kafka, topic: logs }
    execution.checkpointing.interval: 5s
    sink:
      kafka: { node: kafka, topic: out, delivery-guarantee: exactly-once, transactional-id-prefix: app, transaction.timeout.ms: 10s }
  committed:
    type: consumer
    source: { node: kafka, topic: out, group.id: c, isolation.level: read_committed, enable.auto.commit: false, auto.offset.reset: earliest }
    commit: after-processing
    output: { elasticsearch: { node: es, index: committed } }
  es: { type: elasticsearch }
faults:
  - { partition: [flink], from: 5015ms, to: 6s }
  - { crash: flink, at: 5900ms, restart-after: ${down} }
`;
  it('down 15 s > 10 s timeout: the coordinator aborted it; the re-commit fails and the records are lost', () => {
    const h = runYaml(spec('15s'));
    const out = h.result.outputs['es']!;
    expect(h.result.log.some((l) => l.source === 'flink' && l.text.includes('re-commit') && l.text.includes('lost'))).toBe(true);
    expect(out.lost).toBeGreaterThan(300);
    expect(out.lostAt['flink']).toBe(out.lost);
    expect(out.duplicated).toBe(0);
  });
  it('down 1 s: the re-commit succeeds; every record once', () => {
    const out = runYaml(spec('1s')).result.outputs['es']!;
    expect(out.lost).toBe(0);
    expect(out.exactlyOnce).toBe(out.generated);
  });
});

describe('KafkaSink defaults (MISCONCEPTIONS 11)', () => {
  it('delivery-guarantee defaults to none: plain sends, no transactions (nothing waits for a checkpoint)', () => {
    const h = runYaml(`
duration: 10s
drain: 30s
workload: { generator: access-log, rate: 100/s, files: 1 }
nodes:
  filebeat: { type: beats, output: kafka, topic: logs }
  kafka: { type: kafka, brokers: 1, topics: { logs: { partitions: 2 }, out: { partitions: 1 } } }
  flink:
    type: flink
    source: { node: kafka, topic: logs }
    execution.checkpointing.interval: 2s
    sink: { kafka: { node: kafka, topic: out } }
`);
    const sink = (h.result.state['flink'] as { instances: { sink: { deliveryGuarantee: string; committedTransactions: number } }[] }).instances[0]!.sink;
    expect(sink.deliveryGuarantee).toBe('none');
    expect(sink.committedTransactions).toBe(0);
    expect(h.result.outputs['kafka/out']!.exactlyOnce).toBe(h.result.outputs['kafka/out']!.generated);
  });
});

describe('FileSink finalizes part files only on checkpoints (MISCONCEPTIONS 20)', () => {
  const spec = (checkpoint: string, faults = '') => `
duration: 10s
drain: 30s
workload: { generator: access-log, rate: 100/s, files: 1 }
nodes:
  filebeat: { type: beats, output: kafka, topic: logs }
  kafka: { type: kafka, brokers: 1, topics: { logs: { partitions: 2 } } }
  flink:
    type: flink
    source: { node: kafka, topic: logs }
${checkpoint}
    sink: { filesystem: { node: lake, path: out/ } }
  lake: { type: s3 }
${faults}
`;
  it('checkpointing off: nothing is ever finished', () => {
    const out = runYaml(spec('')).result.outputs['lake']!;
    expect(out.exactlyOnce).toBe(0);
    expect(out.inFlight).toBe(out.generated);
  });
  it('checkpointing on, with a crash: every record finished once, no duplicates', () => {
    const out = runYaml(spec('    execution.checkpointing.interval: 2s', 'faults:\n  - { crash: flink, at: 5500ms, restart-after: 1s }')).result.outputs['lake']!;
    expect(out.exactlyOnce).toBe(out.generated);
    expect(out.duplicated).toBe(0);
  });
});

describe('restart-strategy attempts exhausted', () => {
  it('the job stays FAILED and the unread records stay in flight in Kafka', () => {
    const h = runYaml(`
duration: 10s
drain: 30s
workload: { generator: access-log, rate: 100/s, files: 1 }
nodes:
  filebeat: { type: beats, output: kafka, topic: logs }
  kafka: { type: kafka, brokers: 1, topics: { logs: { partitions: 2 } } }
  flink:
    type: flink
    source: { node: kafka, topic: logs }
    execution.checkpointing.interval: 2s
    restart-strategy: { type: fixed-delay, delay: 500ms, attempts: 2 }
    sink: { elasticsearch: { node: es, index: logs } }
  es: { type: elasticsearch }
faults:
  - { crash: flink, at: 3s, restart-after: 1s }
  - { crash: flink, at: 5s, restart-after: 1s }
  - { crash: flink, at: 7s, restart-after: 1s }
`);
    expect(h.result.log.some((l) => l.source === 'flink' && l.text.includes('restart attempts (2) exhausted'))).toBe(true);
    expect(operators(h).status).toBe('failed');
    const out = h.result.outputs['es']!;
    expect(out.inFlight).toBeGreaterThan(out.generated / 2);
    expect(out.exactlyOnce + out.duplicated + out.inFlight).toBe(out.generated);
  });
});
