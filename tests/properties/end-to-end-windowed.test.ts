/**
 * Windowed counts equal the truth for every window the job closed, under generated crashes of
 * Logstash and Flink: upstream copies are absorbed by a keyed dedupe on Filebeat's
 * `event_id`, Filebeat's id copied out of @metadata (checkpointed), replays after a restore by the deterministic document id.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseSpec } from '../../simulator/spec/index.js';
import { runSync } from '../../simulator/run/run.js';
import type { FlinkJobHandle } from '../../simulator/nodes/flink/handle.js';

const spec = (crashLogstash: number, crashFlink: number) => `
duration: 10s
drain: 20s
workload: { generator: access-log, rate: 100/s, files: 1, key: status }
nodes:
  filebeat: { type: beats, output: logstash, processors: [add_id] }
  logstash:
    type: logstash
    queue.type: persisted
    queue.checkpoint.writes: 1   # with the default 1024, writes since the last checkpoint die with the process [LS1]
    # @metadata never crosses Kafka: the id travels as a field, in the json codec's record.
    filter: [ { grok: { match: { message: "%{COMBINEDAPACHELOG}" } } }, { mutate: { add_field: { event_id: "%{[@metadata][_id]}" } } } ]
    output: { kafka: { node: kafka, topic_id: logs, acks: all, codec: json } }
  kafka: { type: kafka, topics: { logs: { partitions: 2 } } }
  flink:
    type: flink
    source: { node: kafka, topic: logs, idleness: 2s }
    execution.checkpointing.interval: 2s
    job:
      key-by: status
      window: { type: tumbling, size: 2s }
      watermark: { max-out-of-orderness: 1s }
      dedupe: { field: event_id }
    sink: { elasticsearch: { node: es, index: counts, bulk.flush.interval: 200ms, document-id: "{key}-{window.start}" } }
  es: { type: elasticsearch }
faults:
  - { crash: logstash, at: ${crashLogstash}ms, restart-after: 1s }
  - { crash: flink, at: ${crashFlink}ms, restart-after: 1s }
`;

describe('windowed counts', () => {
  it('equal the truth for every closed window', () => {
    fc.assert(
      fc.property(fc.integer({ min: 500, max: 9500 }), fc.integer({ min: 500, max: 9500 }), (a, b) => {
        const r = parseSpec(spec(a, b));
        if (!r.ok) throw new Error(JSON.stringify(r));
        const h = runSync(r.spec);
        const wm = (h.components.get('flink') as FlinkJobHandle).watermark();
        const closed = h.result.query!.windows.filter((w) => w.windowEndMs - 1 <= wm);
        expect(closed.length).toBeGreaterThan(0);
        // `idleness` lets the watermark pass a window while an idle partition's records are still
        // upstream (e.g. Filebeat waiting for an ACK from a crashed Logstash): such a window fires
        // without them, and they arrive late. So a closed window's answer plus its records still in
        // flight or dropped as late equals the truth — never more (the dedupe absorbs every copy).
        const counts = h.countsOf('es/counts');
        const held = h.heldRecords();
        const missing = new Map<string, number>();
        for (let rid = 0; rid < h.workload.total; rid++) {
          const fate = h.sim.ledger.fateKind(rid, counts[rid] ?? 0, held).kind;
          if (fate !== 'inFlight' && fate !== 'late') continue;
          const t = h.workload.eventTimeMs(rid);
          const cell = `${String(h.workload.truthField(rid, 'status'))}@${t - (t % 2000)}`;
          missing.set(cell, (missing.get(cell) ?? 0) + 1);
        }
        for (const w of closed) {
          const cell = `${w.key}@${w.windowStartMs}`;
          expect((w.answers['es/counts'] ?? 0) + (missing.get(cell) ?? 0), cell).toBe(w.truth);
        }
      }),
      { numRuns: 10 },
    );
  });
});
