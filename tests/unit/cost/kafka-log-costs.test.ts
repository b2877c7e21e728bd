/**
 * A read_committed reader's latency and the log's extra writes, hand-computed from one partition:
 * producer 7 writes rids 0 and 1 in a transaction at 100 ms and commits it at 5000 ms; rid 2 is a
 * plain write at 300 ms; producer 8 writes rid 3 in a transaction it aborts. Records are created
 * 8 ms apart (rid × 8): between 4096 and 8191 ms the histogram's buckets are 4 ms wide, so these
 * latencies are exact.
 */
import { describe, it, expect } from 'vitest';
import { PartitionLog, type LogBatch } from '../../../simulator/nodes/kafka/partition-log.js';
import { clusterLogCosts, topicLatency } from '../../../simulator/cost/kafka-log-costs.js';
import type { KafkaCluster } from '../../../simulator/nodes/kafka/cluster.js';

function batch(baseOffset: number, appendTimeMs: number, rids: number[], producerId: number, transactional: boolean, control: LogBatch['control'] = null): LogBatch {
  return { baseOffset, appendTimeMs, records: rids.map((rid) => ({ rid, eventTimeMs: 0, fields: {} })), epoch: 0, producerId, producerEpoch: 0, baseSequence: -1, transactional, control };
}

function clusterWith(log: PartitionLog): KafkaCluster {
  return { topics: new Map([['out', { name: 'out', partitions: 1 }]]), bestReplica: () => ({ log }) } as unknown as KafkaCluster;
}

describe('Kafka log costs', () => {
  const log = new PartitionLog('out', 0);
  log.append(batch(0, 100, [0, 1], 7, true));
  log.append(batch(2, 300, [2], -1, false));
  log.append(batch(3, 400, [3], 8, true));
  log.append(batch(4, 5000, [], 7, true, 'commit'));
  log.append(batch(5, 5100, [], 8, true, 'abort'));
  log.highWatermark = log.logEndOffset;

  it('a transaction is readable at its commit marker; an aborted one never', () => {
    const latency = topicLatency(clusterWith(log), 'out', 1, (rid) => rid * 8).summary();
    // rid 0: 5000 − 0; rid 1: 5000 − 8; rid 2: 300 − 16. Nearest rank: p50 = 2nd of 3, p99 = 3rd.
    expect(latency).toEqual({ records: 3, p50: 4992, p99: 5000, max: 5000 });
  });

  it('counts the two markers and the aborted record as extra writes', () => {
    expect(clusterLogCosts(clusterWith(log))).toEqual({ markers: 2, abortedRecords: 1 });
  });
});
