/**
 * Flink's Kinesis source (flink-connector-aws 5.x KinesisStreamsSource) over the simulated stream.
 * apache/flink-connector-aws v5.1.0, docs/content/docs/connectors/datastream/kinesis.md:
 * - "Configuring Starting Position": LATEST (default), TRIM_HORIZON, AT_TIMESTAMP; "The configured
 *   starting position is ignored if application is restarting from checkpoint or savepoint."
 * - "Fault Tolerance …": the source checkpoints each shard's progress and a restore re-consumes from it.
 * - "Record ordering": a shard's parents are read completely before the shard itself.
 * KinesisStreamsSourceEnumerator: LATEST becomes AT_TIMESTAMP of the moment the job starts; shards
 * discovered later start at TRIM_HORIZON; `source.shard.discovery.interval` defaults to 10 s.
 *
 * Every run: 100 lines/s for 10 s from one log file, Logstash's kinesis output (partition key: status)
 * into a one-shard stream, a Flink job copying them to Elasticsearch (auto ids, flushed every second
 * and at each checkpoint). Unless said otherwise the Flink cluster dies at 5 s and is back at 7 s; the
 * restart strategy starts the job 1 s later, at 8 s.
 */
import { describe, expect, it } from 'vitest';
import { run, output } from '../kinesis/helpers.js';

const HALF = '170141183460469231731687303715884105728';
const CRASH = '{ crash: flink, at: 5s, restart-after: 2s }';

function job(o: { position?: string; source?: string; checkpointing?: string; faults?: string[]; stream?: string; duration?: string }): string {
  return `duration: ${o.duration ?? '10s'}
drain: 60s
workload: { rate: 100/s, files: 1 }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash: { type: logstash, output: { kinesis: { node: stream, event_partition_keys: [status] } } }
  stream: { type: kinesis${o.stream ? `, ${o.stream}` : ''} }
  flink:
    type: flink
    source: { connector: kinesis, node: stream${o.position ? `, source.init.position: ${o.position}` : ''}${o.source ? `, ${o.source}` : ''} }
    restart-strategy: { type: fixed-delay, delay: 1s }${o.checkpointing ? `\n    execution.checkpointing.interval: ${o.checkpointing}` : ''}
    sink: { elasticsearch: { node: es, index: logs, bulk.flush.interval: 1s } }
  es: { type: elasticsearch }
faults: [${(o.faults ?? [CRASH]).join(', ')}]
`;
}
const flinkLog = (h: ReturnType<typeof run>) => h.result.log.filter((l) => l.source === 'flink').map((l) => [l.timeMs, l.text] as const);

describe('Flink reads Kinesis: where a (re)started job begins', () => {
  it('no crash, default LATEST from the job\'s start: every line is copied once', () => {
    expect(output(run(job({ faults: [] })), 'es')).toMatchObject({ generated: 1000, exactlyOnce: 1000, lost: 0, duplicated: 0, inFlight: 0 });
  });

  it('no checkpointing, LATEST: the restarted job starts at the records arriving from 8 s — the 400 lines of 4–8 s are lost at flink', () => {
    // 100 lines read but not yet flushed to Elasticsearch when the cluster died (4–5 s), and the 300
    // written while the job was down (5–8 s): the new start is AT_TIMESTAMP(8 s), past all of them.
    expect(output(run(job({})), 'es')).toMatchObject({ generated: 1000, exactlyOnce: 600, lost: 400, lostAt: { flink: 400 }, duplicated: 0, inFlight: 0 });
  });

  it('no checkpointing, TRIM_HORIZON: nothing is lost, but the 301 lines written before the crash are copied again', () => {
    expect(output(run(job({ position: 'TRIM_HORIZON' })), 'es')).toMatchObject({ generated: 1000, exactlyOnce: 699, duplicated: 301, duplicatedAt: { flink: 301 }, lost: 0, inFlight: 0 });
  });

  it('no checkpointing, AT_TIMESTAMP 3 s: the restart reads again from the lines that arrived at 3 s — 100 already flushed are copied twice', () => {
    expect(output(run(job({ position: 'AT_TIMESTAMP', source: 'source.init.timestamp: 3s' })), 'es')).toMatchObject({ generated: 1000, exactlyOnce: 900, duplicated: 100, lost: 0, inFlight: 0 });
  });

  it('checkpointing every second: the restore resumes at the checkpointed sequence number and ignores LATEST — nothing lost, nothing copied', () => {
    const h = run(job({ checkpointing: '1s' }));
    expect(output(h, 'es')).toMatchObject({ generated: 1000, exactlyOnce: 1000, lost: 0, duplicated: 0, inFlight: 0 });
    expect(flinkLog(h)).toContainEqual([8000, 'job restored from checkpoint 4: sources rewound to {"p0":301}']);
  });
});

describe('Flink reads Kinesis: resharding, parents before children', () => {
  const split = `reshards: [{ at: 5s, SplitShard: { ShardToSplit: shardId-000000000000, NewStartingHashKey: "${HALF}" } }]`;

  it('a split while the job runs: the parent is read to its end, the children are handed out at the next discovery (10 s)', () => {
    const h = run(job({ position: 'TRIM_HORIZON', duration: '20s', stream: split, faults: [] }));
    expect(output(h, 'es')).toMatchObject({ generated: 2000, exactlyOnce: 2000, lost: 0, duplicated: 0, reordered: 0, inFlight: 0 });
    expect(flinkLog(h)).toEqual([
      [5052, 'Kinesis source: shardId-000000000000 read to its end (EndingSequenceNumber reached)'],
      [10_000, 'Kinesis source: shardId-000000000001 assigned; its parent shard(s) shardId-000000000000 are read to their end'],
      [10_000, 'Kinesis source: shardId-000000000002 assigned; its parent shard(s) shardId-000000000000 are read to their end'],
      [10_000, 'job discovered new shards of stream (1 → subtask 0, 2 → subtask 0): read from their first record (TRIM_HORIZON)'],
    ]);
  });

  it('a split while the job is down: restored, it finishes the parent from its checkpoint before it reads either child', () => {
    const h = run(job({ checkpointing: '1s', duration: '20s', stream: split, faults: ['{ crash: flink, at: 4s, restart-after: 4s }'] }));
    expect(output(h, 'es')).toMatchObject({ generated: 2000, exactlyOnce: 2000, lost: 0, duplicated: 0, reordered: 0, inFlight: 0 });
    const log = flinkLog(h).filter(([t]) => t >= 9000);
    expect(log).toEqual([
      [9000, 'job restored from checkpoint 3: sources rewound to {"p0":201}'],
      [9000, 'job discovered shards 1, 2 of stream at start: read from their first record (TRIM_HORIZON)'],
      [9004, 'Kinesis source: shardId-000000000000 read to its end (EndingSequenceNumber reached)'],
      [9004, 'Kinesis source: shardId-000000000001 assigned; its parent shard(s) shardId-000000000000 are read to their end'],
      [9004, 'Kinesis source: shardId-000000000002 assigned; its parent shard(s) shardId-000000000000 are read to their end'],
    ]);
  });
});

describe('Flink reads Kinesis: a checkpoint does not outlive retention', () => {
  // Checkpoints every second; the cluster dies at 5 s (checkpoint 4 holds sequence position 301) and
  // comes back after the stream's RetentionPeriodHours (24, the default) or just before it.
  const late = (restartAfter: string) => job({ checkpointing: '1s', faults: [`{ crash: flink, at: 5s, restart-after: ${restartAfter} }`] }).replace('drain: 60s', 'drain: 26h');

  it('back after 23 h: the restore resumes at the checkpoint, every line is still in the stream', () => {
    const h = run(late('23h'));
    expect(output(h, 'es')).toMatchObject({ generated: 1000, exactlyOnce: 1000, lost: 0, duplicated: 0 });
    expect(flinkLog(h)).toContainEqual([82_806_000, 'job restored from checkpoint 4: sources rewound to {"p0":301}']);
  });

  it('back after 25 h: the lines after the checkpoint expired from the shard before the job read them again — lost, 599 of them at the stream', () => {
    // ("If the restored checkpoint or savepoint is stale … the source does not fail, and will start reading from the earliest possible event.")
    // 100 lines had been read and were waiting for the next flush when the cluster died: noted at flink.
    expect(output(run(late('25h')), 'es')).toMatchObject({ generated: 1000, exactlyOnce: 301, lost: 699, lostAt: { flink: 100, stream: 599 }, duplicated: 0, inFlight: 0 });
  });
});
