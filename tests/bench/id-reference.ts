/**
 * The reference under the full pipeline: the least work any run that carries records as ids through
 * the same hops must do, timed alone. For every record of the spec's workload: Filebeat hands its id
 * on in batches; Logstash → Kafka draws the record's `status` (the message key) from the generator
 * and puts the id into its partition's id column (murmur2 of the key, as the Java client does);
 * Flink reads each partition, draws the event time and adds the id to its 10 s tumbling window's
 * count and lineage; Elasticsearch gets one document per (status, window); the ledger counts every
 * id of every document. No queues, acknowledgements, replicas, checkpoints, timers or text.
 *
 * What the simulator costs above this is its model of the five systems; this is the physical limit
 * of the design on this machine. No Node APIs.
 */
import { partitionForKey } from '../../simulator/nodes/kafka/partitioner.js';
import type { PipelineSpec } from '../../simulator/spec/schema/pipeline.js';
import { Workload } from '../../simulator/workload/workload.js';
import { RidList } from '../../simulator/core/rid-list.js';

export interface ReferenceRun {
  records: number;
  ms: number;
  documents: number;
}

const BATCH = 2048;
const PARTITIONS = 3;
const WINDOW_MS = 10_000;

export function idReference(spec: PipelineSpec): ReferenceRun {
  const w = new Workload(spec.workload, spec.seed, spec.duration);
  const t0 = performance.now();
  // Id columns that double as they fill: the simulator's own lineage list (core/rid-list.ts).
  const logs = Array.from({ length: PARTITIONS }, () => new RidList(1024));
  const batch = new Int32Array(BATCH);
  for (let start = 0; start < w.total; start += BATCH) {
    const n = Math.min(BATCH, w.total - start);
    for (let j = 0; j < n; j++) batch[j] = start + j;
    for (let j = 0; j < n; j++) {
      const rid = batch[j]!;
      const status = w.accessCapture(rid, 0, 'status') ?? '';
      logs[partitionForKey(status, PARTITIONS)]!.push(rid);
    }
  }
  const windows = new Map<string, RidList>();
  for (const log of logs) {
    const ids = log.view();
    for (let i = 0; i < ids.length; i++) {
      const rid = ids[i]!;
      const start = w.eventTimeMs(rid) - (w.eventTimeMs(rid) % WINDOW_MS);
      const cell = `${w.accessCapture(rid, 0, 'status')}-${start}`;
      let lineage = windows.get(cell);
      if (!lineage) windows.set(cell, (lineage = new RidList(1024)));
      lineage.push(rid);
    }
  }
  const documents = new Map<string, { count: number; lineage: Int32Array }>();
  const counted = new Uint8Array(w.total);
  for (const [id, list] of windows) {
    const lineage = list.view();
    documents.set(id, { count: lineage.length, lineage });
    for (let i = 0; i < lineage.length; i++) counted[lineage[i]!]!++;
  }
  const ms = performance.now() - t0;
  return { records: w.total, ms, documents: documents.size };
}
