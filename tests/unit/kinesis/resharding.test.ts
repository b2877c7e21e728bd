/**
 * Resharding (simulator/nodes/kinesis/reshard.ts):
 * - SplitShard: the parent's hash keys from NewStartingHashKey up go to one child, the lower ones
 *   to the other (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_SplitShard.html);
 * - MergeShards joins two adjacent ranges (API_MergeShards.html);
 * - UpdateShardCount UNIFORM_SCALING makes equal-sized shards, within double / half the open count
 *   (API_UpdateShardCount.html);
 * - parents are closed with an EndingSequenceNumber and stay readable; records now go to the
 *   children (https://docs.aws.amazon.com/streams/latest/dev/kinesis-using-sdk-java-after-resharding.html);
 * - the KCL processes a parent to its end (SHARD_END) before its children, so a partition key's
 *   records keep their order (https://docs.aws.amazon.com/streams/latest/dev/kinesis-record-processor-scaling.html).
 */
import { describe, it, expect } from 'vitest';
import { run, output, logstashToStream } from './helpers.js';

const HALF = '170141183460469231731687303715884105728';
const split = (at: string, key = HALF) => `{ at: ${at}, SplitShard: { ShardToSplit: shardId-000000000000, NewStartingHashKey: "${key}" } }`;

const kcl = (reshards: string[], partitionKey = 'event_partition_keys: [status]') => `duration: 20s
drain: 120s
workload: { rate: 100/s, files: 1 }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash: { type: logstash, output: { kinesis: { node: stream, ${partitionKey} } } }
  stream: { type: kinesis, reshards: [${reshards.join(', ')}] }
  indexer:
    type: kinesis-consumer
    source: { node: stream, initialPositionInStream: TRIM_HORIZON }
    output: { elasticsearch: { node: es, index: logs } }
  es: { type: elasticsearch }
faults: []
`;

type ShardState = { shardId: string; startingHashKey: string; endingHashKey: string; written: number; parentShardIds?: string[]; endingSequenceNumber?: string };
const shardsOf = (h: ReturnType<typeof run>) => (h.result.state.stream as { shards: ShardState[] }).shards;

describe('Kinesis resharding', () => {
  it('SplitShard at the midpoint: the parent is closed at its last record, the children split its hash-key range', () => {
    const h = run(kcl([split('5s')]));
    const shards = shardsOf(h);
    expect(shards.map((s) => [s.shardId, s.startingHashKey, s.endingHashKey, s.parentShardIds ?? null])).toEqual([
      ['shardId-000000000000', '0', '340282366920938463463374607431768211455', null],
      ['shardId-000000000001', '0', '170141183460469231731687303715884105727', ['shardId-000000000000']],
      ['shardId-000000000002', HALF, '340282366920938463463374607431768211455', ['shardId-000000000000']],
    ]);
    // The parent took the first five seconds' records and nothing after; its EndingSequenceNumber is its last one.
    expect(shards[0]!.written).toBe(401);
    expect(shards[0]!.endingSequenceNumber).toBe(`49000000${'0'.repeat(45)}401`);
    expect(shards[1]!.written + shards[2]!.written).toBe(1599);
  });

  it('the KCL reads the parent to SHARD_END before its children: every record once, no key out of order', () => {
    const h = run(kcl([split('5s'), '{ at: 12s, UpdateShardCount: { TargetShardCount: 3 } }']));
    expect(output(h, 'es')).toMatchObject({ generated: 2000, exactlyOnce: 2000, lost: 0, duplicated: 0, reordered: 0 });
    const log = h.result.log.filter((l) => l.source === 'indexer').map((l) => `${l.timeMs} ${l.text}`);
    expect(log).toContain('5421 shardId-000000000000 reached its end: checkpointed SHARD_END; child shard(s) shardId-000000000001, shardId-000000000002 may be processed now');
    // Shard 4 (the middle third after 2 → 3) has both old shards as parents: its lease is taken at
    // 12.8 s, but its records are read only after both parents reached SHARD_END.
    const leases = (h.result.state.indexer as { leases: { leaseKey: string; checkpoint: string | null; parentShardIds?: string[] }[] }).leases;
    expect(leases.map((l) => [l.leaseKey, l.checkpoint === 'SHARD_END' ? 'SHARD_END' : 'open', l.parentShardIds ?? []])).toEqual([
      ['shardId-000000000000', 'SHARD_END', []],
      ['shardId-000000000001', 'SHARD_END', ['shardId-000000000000']],
      ['shardId-000000000002', 'SHARD_END', ['shardId-000000000000']],
      ['shardId-000000000003', 'open', ['shardId-000000000001']],
      ['shardId-000000000004', 'open', ['shardId-000000000001', 'shardId-000000000002']],
      ['shardId-000000000005', 'open', ['shardId-000000000002']],
    ]);
  });

  it('UpdateShardCount 1 → 2 doubles the write capacity from the moment it is made', () => {
    // 1,500 records a second for 10 s with random keys; the KPL fails throttled records at once.
    const yaml = (reshards: string) => logstashToStream({ rate: '1500/s', kinesisOutput: 'randomized_partition_key: true, fail_if_throttled: true', stream: `reshards: [${reshards}]` });
    const before = output(run(yaml('')), 'stream');
    const after = output(run(yaml('{ at: 5s, UpdateShardCount: { TargetShardCount: 2, ScalingType: UNIFORM_SCALING } }')), 'stream');
    // One shard takes 1,000 a second: about a third is refused for the whole run (a batch that
    // straddles a second's boundary lets two more in) …
    expect(before).toMatchObject({ generated: 15_000, exactlyOnce: 10_002, lost: 4998, lostAt: { logstash: 4998 } });
    // … and, with a second shard from 5 s, only in the seconds before it (the lines reach the stream
    // a little after they are written: four seconds' worth of 500 refusals).
    expect(after).toMatchObject({ generated: 15_000, exactlyOnce: 13_000, lost: 2000, lostAt: { logstash: 2000 } });
  });

  it('refused calls leave the stream as it was, with the service\'s error', () => {
    const h = run(kcl([split('2s', '0'), '{ at: 3s, UpdateShardCount: { TargetShardCount: 3 } }', '{ at: 4s, MergeShards: { ShardToMerge: shardId-000000000000, AdjacentShardToMerge: shardId-000000000007 } }']));
    expect(shardsOf(h)).toHaveLength(1);
    expect(h.result.log.filter((l) => l.source === 'stream' && l.level === 'error').map((l) => l.text)).toEqual([
      'An error occurred (InvalidArgumentException) when calling the SplitShard operation: NewStartingHashKey 0 used in SplitShard() on shard shardId-000000000000 in stream stream under account 123456789012 is not both greater than one plus the shard\'s StartingHashKey 0 and less than the shard\'s EndingHashKey 340282366920938463463374607431768211455.',
      'An error occurred (LimitExceededException) when calling the UpdateShardCount operation: UpdateShardCount failed for stream stream under account 123456789012: TargetShardCount 3 is more than double or less than half the current open shard count 1.',
      'An error occurred (ResourceNotFoundException) when calling the MergeShards operation: Could not find shard shardId-000000000007 in stream stream under account 123456789012.',
    ]);
  });

  it('MergeShards of two adjacent shards: one child over both ranges; a closed shard cannot be merged again', () => {
    const merge = '{ at: 8s, MergeShards: { ShardToMerge: shardId-000000000001, AdjacentShardToMerge: shardId-000000000002 } }';
    const again = '{ at: 9s, MergeShards: { ShardToMerge: shardId-000000000001, AdjacentShardToMerge: shardId-000000000003 } }';
    const h = run(kcl([split('4s'), merge, again]));
    const shards = shardsOf(h);
    expect(shards[3]).toMatchObject({ shardId: 'shardId-000000000003', startingHashKey: '0', endingHashKey: '340282366920938463463374607431768211455', parentShardIds: ['shardId-000000000001', 'shardId-000000000002'] });
    expect(h.result.log.find((l) => l.source === 'stream' && l.level === 'error')?.text).toMatch(/^An error occurred \(InvalidArgumentException\) when calling the MergeShards operation: Shard shardId-000000000001 .* has already been merged or split/);
    expect(output(h, 'es')).toMatchObject({ exactlyOnce: 2000, reordered: 0 });
  });
});
