/**
 * What a topic's logs cost, read off the batches the leaders kept when the run ended — no
 * bookkeeping during the run:
 * - end-to-end latency to a `read_committed` reader: a record of a transaction becomes readable
 *   when its COMMIT marker is written (the last stable offset moves past it); any other record
 *   when it is appended. The leader's append time stands for the moment the high watermark
 *   passes it (the followers' next fetch), which the log does not keep.
 * - extra writes: transaction markers (one offset each) and records of aborted transactions
 *   (written, never read by a read_committed reader).
 */
import { ridsOf } from '../core/record.js';
import type { KafkaCluster } from '../nodes/kafka/cluster.js';
import { batchCount, ridAt, type LogBatch } from '../nodes/kafka/partition-log.js';
import { VisibilityRecorder } from './visibility.js';

export interface TopicLogCosts {
  markers: number;
  abortedRecords: number;
}

function retainedBatches(cluster: KafkaCluster, topic: string, partition: number): LogBatch[] {
  const log = cluster.bestReplica(topic, partition)?.log;
  return log ? log.batchesFrom(log.logStartOffset, Number.POSITIVE_INFINITY) : [];
}

function visitRids(batch: LogBatch, visit: (rid: number) => void): void {
  for (let j = 0; j < batch.records.length; j++) {
    const rid = ridAt(batch.records, j);
    if (rid >= 0) visit(rid);
    // An aggregate (a window's result) carries the rids it counts.
    else for (const r of ridsOf(batch.records.at(j)!)) visit(r);
  }
}

/** Walks one partition: `visible(batch, atMs)` for data a read_committed reader gets, `aborted(batch)` for data it never will. */
function walkPartition(batches: readonly LogBatch[], visible: (b: LogBatch, atMs: number) => void, aborted: (b: LogBatch) => void, marker: () => void): void {
  // Producer id → its open transaction's data batches, waiting for their marker.
  const open = new Map<number, LogBatch[]>();
  for (const b of batches) {
    if (b.control) {
      marker();
      const waiting = open.get(b.producerId) ?? [];
      open.delete(b.producerId);
      for (const w of waiting) {
        if (b.control === 'commit') visible(w, b.appendTimeMs);
        else aborted(w);
      }
    } else if (b.transactional) {
      let list = open.get(b.producerId);
      if (!list) open.set(b.producerId, (list = []));
      list.push(b);
    } else visible(b, b.appendTimeMs);
  }
}

/** Latency of a topic read with isolation.level=read_committed, created → readable. */
export function topicLatency(cluster: KafkaCluster, topic: string, partitions: number, createdMs: (rid: number) => number): VisibilityRecorder {
  const recorder = new VisibilityRecorder(createdMs);
  for (let p = 0; p < partitions; p++) {
    walkPartition(retainedBatches(cluster, topic, p), (b, atMs) => visitRids(b, (rid) => recorder.observe(rid, atMs)), () => {}, () => {});
  }
  return recorder;
}

/** Markers and aborted records over every topic of the cluster. */
export function clusterLogCosts(cluster: KafkaCluster): TopicLogCosts {
  const costs: TopicLogCosts = { markers: 0, abortedRecords: 0 };
  for (const t of cluster.topics.values()) {
    for (let p = 0; p < t.partitions; p++) {
      walkPartition(retainedBatches(cluster, t.name, p), () => {}, (b) => (costs.abortedRecords += batchCount(b)), () => costs.markers++);
    }
  }
  return costs;
}
