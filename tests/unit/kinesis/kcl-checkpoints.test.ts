/**
 * A KCL application: one lease per shard in the lease table; a lease not renewed for
 * `failoverTimeMillis` is taken over and processing resumes after the last checkpoint
 * (https://docs.aws.amazon.com/streams/latest/dev/kcl-concepts.html). Records processed after the
 * checkpoint are processed again — "consumer retries" are the main source of duplicates
 * (https://docs.aws.amazon.com/streams/latest/dev/kinesis-record-processor-duplicates.html);
 * checkpointing before processing turns that into loss. SEMANTICS-2 §6 scenario 2.
 */
import { describe, it, expect } from 'vitest';
import { run, output } from './helpers.js';
import { specOf } from '../../support/specs.js';
import { runSync } from '../../../simulator/run/run.js';

const kcl = (o: { checkpoint: string; faults: string[]; processing?: string; position?: string; workers?: number }) => `duration: 10s
drain: 120s
workload: { rate: 100/s, files: 1 }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash: { type: logstash, output: { kinesis: { node: stream } } }
  stream: { type: kinesis }
  indexer:
    type: kinesis-consumer
    source: { node: stream, initialPositionInStream: ${o.position ?? 'TRIM_HORIZON'} }
    checkpoint: ${o.checkpoint}
    processing-time: ${o.processing ?? '10ms'}
    instances: ${o.workers ?? 1}
    output: { elasticsearch: { node: es, index: logs } }
  es: { type: elasticsearch }
faults: [${o.faults.join(', ')}]
`;

describe('KCL leases and checkpoints', () => {
  it('checkpoint after processing, worker dies after the write reached Elasticsearch but before the checkpoint: the batch is written twice', () => {
    // Elasticsearch answers 4 s after a write (2 s each way). The batch of records 2–501 read at ~6 s
    // is written at ~8.5 s and indexed at ~10.5 s; the worker dies at 11.5 s, before the answer.
    const h = run(kcl({ checkpoint: 'after-processing', processing: '5ms', faults: ['{ link: indexer->es, delay: 2s, from: 0s, to: 60s }', '{ crash: indexer, at: 11500ms, restart-after: 1s }'] }));
    expect(output(h, 'es')).toMatchObject({ generated: 1000, exactlyOnce: 500, duplicated: 500, lost: 0, documents: 1500, duplicatedAt: { indexer: 500 } });
    const log = h.result.log.filter((l) => l.source === 'indexer').map((l) => [l.timeMs, l.text]);
    // The restarted worker has a new worker id: it takes the lease once the old owner's renewal is
    // failoverTimeMillis (10 s) old, and resumes after the checkpoint (the first batch, position 1).
    expect(log).toContainEqual([22_499, 'took lease shardId-000000000000; resuming after checkpoint 1']);
  });

  it('checkpoint before processing, worker dies mid-batch: the checkpointed but unwritten records are lost', () => {
    const es = output(run(kcl({ checkpoint: 'before-processing', faults: ['{ crash: indexer, at: 5500ms, restart-after: 1s }'] })), 'es');
    expect(es).toMatchObject({ exactlyOnce: 800, lost: 200, duplicated: 0, lostAt: { indexer: 200 } });
  });

  it('checkpoint after processing, worker dies mid-batch before writing: the batch is read again, nothing lost or copied', () => {
    const es = output(run(kcl({ checkpoint: 'after-processing', faults: ['{ crash: indexer, at: 5500ms, restart-after: 1s }'] })), 'es');
    expect(es).toMatchObject({ exactlyOnce: 1000, lost: 0, duplicated: 0 });
  });

  it('two workers share the two shards\' leases; when one dies the other takes its lease after failoverTimeMillis', () => {
    const yaml = kcl({ checkpoint: 'after-processing', workers: 2, faults: ['{ crash: indexer/worker-2, at: 5s }'] }).replace('stream: { type: kinesis }', 'stream: { type: kinesis, ShardCount: 2 }').replace('kinesis: { node: stream }', 'kinesis: { node: stream, randomized_partition_key: true }');
    const h = run(yaml);
    expect(output(h, 'es')).toMatchObject({ generated: 1000, lost: 0 });
    const taken = h.result.log.filter((l) => l.source === 'indexer/worker-1' && l.text.startsWith('took lease'));
    expect(taken.map((l) => l.text)).toEqual([
      'took lease shardId-000000000000; resuming at TRIM_HORIZON',
      'took lease shardId-000000000001; resuming at TRIM_HORIZON',
      expect.stringMatching(/^took lease shardId-00000000000[01]; resuming after checkpoint \d+$/),
    ]);
    expect(taken[2]!.timeMs).toBeGreaterThanOrEqual(5000 + 10_000 - 3334);
  });
});

describe('Kinesis retention (RetentionPeriodHours)', () => {
  // https://docs.aws.amazon.com/streams/latest/dev/kinesis-extended-retention.html: records are
  // kept 24 hours by default (up to 8760); older ones are deleted whether read or not. SEMANTICS-2 §6 scenario 3.
  const outage = (retention: string) =>
    kcl({ checkpoint: 'after-processing', faults: ['{ crash: indexer, at: 5s, restart-after: 30h }'] })
      .replace('drain: 120s', 'drain: 31h')
      .replace('stream: { type: kinesis }', `stream: { type: kinesis${retention} }`);

  // 31 simulated hours: sample the stages once a minute, not once a second, to keep the test fast.
  const slow = (yaml: string) => runSync(specOf(yaml), { sampleEveryMs: 60_000 });

  it('a consumer down 30 hours with the default 24 h: the records it had not read are deleted first', () => {
    // It had processed and checkpointed the first 101 records before dying at 5 s.
    const es = output(slow(outage('')), 'es');
    expect(es).toMatchObject({ generated: 1000, exactlyOnce: 101, lost: 899, lostAt: { stream: 899 } });
  });

  it('RetentionPeriodHours: 48 keeps them until the consumer is back', () => {
    expect(output(slow(outage(', RetentionPeriodHours: 48')), 'es')).toMatchObject({ exactlyOnce: 1000, lost: 0 });
  });
});
