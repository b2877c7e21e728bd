/**
 * Resharding in the terminal and in world.yaml: `aws kinesis update-shard-count | split-shard |
 * merge-shards` with the AWS CLI's option names (https://docs.aws.amazon.com/cli/latest/reference/kinesis/),
 * answered as the API does (API_UpdateShardCount.html: StreamName, CurrentShardCount,
 * TargetShardCount, StreamARN; SplitShard and MergeShards return nothing), and `list-shards` showing
 * closed parents with `EndingSequenceNumber` and children with `ParentShardId` /
 * `AdjacentParentShardId` (API_Shard.html).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSpec, terminal } from './fixtures.js';
import { compileWorkspace } from '../../../simulator/config/workspace/index.js';
import { readWorkspaceFolder } from '../../../simulator/cli/workspace-commands.js';

const EXAMPLES = join(import.meta.dirname, '../../../examples/workspaces');
const SPEC = readFileSync(join(EXAMPLES, 'aws-kinesis-firehose.spec.yaml'), 'utf8');

type Listed = { ShardId: string; ParentShardId?: string; AdjacentParentShardId?: string; HashKeyRange: { StartingHashKey: string; EndingHashKey: string }; SequenceNumberRange: { EndingSequenceNumber?: string } };

describe('aws kinesis resharding in the terminal', () => {
  it('update-shard-count 2 → 4, then merge two children: list-shards shows parents closed and the children\'s ranges', () => {
    const sh = terminal(runSpec(SPEC));
    const out = sh('aws kinesis update-shard-count --stream-name logs --target-shard-count 4 --scaling-type UNIFORM_SCALING');
    expect(out.status).toBe(0);
    expect(JSON.parse(out.text)).toEqual({ StreamName: 'logs', CurrentShardCount: 2, TargetShardCount: 4, StreamARN: 'arn:aws:kinesis:us-east-1:123456789012:stream/logs' });
    expect(sh('aws kinesis merge-shards --stream-name logs --shard-to-merge shardId-000000000003 --adjacent-shard-to-merge shardId-000000000004')).toMatchObject({ status: 0, text: '' });
    const shards = (JSON.parse(sh('aws kinesis list-shards --stream-name logs').text) as { Shards: Listed[] }).Shards;
    expect(shards.map((s) => [s.ShardId, s.ParentShardId ?? '', s.AdjacentParentShardId ?? '', s.SequenceNumberRange.EndingSequenceNumber ? 'closed' : 'open'])).toEqual([
      ['shardId-000000000000', '', '', 'closed'],
      ['shardId-000000000001', '', '', 'closed'],
      ['shardId-000000000002', 'shardId-000000000000', '', 'open'],
      ['shardId-000000000003', 'shardId-000000000000', '', 'closed'],
      ['shardId-000000000004', 'shardId-000000000001', '', 'closed'],
      ['shardId-000000000005', 'shardId-000000000001', '', 'open'],
      ['shardId-000000000006', 'shardId-000000000003', 'shardId-000000000004', 'open'],
    ]);
    // The merged child holds the middle half of the hash-key space.
    expect(shards[6]!.HashKeyRange).toEqual({ StartingHashKey: '85070591730234615865843651857942052864', EndingHashKey: '255211775190703847597530955573826158591' });
    // A parent closed by the terminal ends at the last record the run stored in it.
    expect(shards[0]!.SequenceNumberRange.EndingSequenceNumber).toMatch(/^49000000\d{48}$/);
    expect(JSON.parse(sh('aws kinesis describe-stream-summary --stream-name logs').text).StreamDescriptionSummary.OpenShardCount).toBe(3);
  });

  it('refusals: a hash key outside the shard, more than double the shards, a missing option', () => {
    const sh = terminal(runSpec(SPEC));
    expect(sh('aws kinesis split-shard --stream-name logs --shard-to-split shardId-000000000001 --new-starting-hash-key 5')).toMatchObject({ status: 254, text: expect.stringMatching(/^\nAn error occurred \(InvalidArgumentException\) when calling the SplitShard operation: NewStartingHashKey 5 used in SplitShard\(\) on shard shardId-000000000001/) });
    expect(sh('aws kinesis update-shard-count --stream-name logs --target-shard-count 5 --scaling-type UNIFORM_SCALING').text).toMatch(/\(LimitExceededException\) when calling the UpdateShardCount operation/);
    expect(sh('aws kinesis merge-shards --stream-name logs --shard-to-merge shardId-000000000000')).toMatchObject({ status: 252, text: expect.stringMatching(/aws: error: the following arguments are required: --adjacent-shard-to-merge$/) });
    expect(sh('aws kinesis update-shard-count --stream-name logs --target-shard-count 3 --scaling-type RANDOM').text).toMatch(/Invalid choice: 'RANDOM', valid choices are: UNIFORM_SCALING$/);
  });
});

describe('world.yaml reshards: the same commands during a run', () => {
  const files = () => readWorkspaceFolder(join(EXAMPLES, 'aws-kinesis-firehose'));
  const withReshards = (yaml: string) => {
    const f = files();
    f.set('world.yaml', `${f.get('world.yaml')!}reshards:\n${yaml}`);
    return compileWorkspace(f);
  };

  it('compiles each command into the stream node\'s schedule', () => {
    const o = withReshards('  - { at: 30s, run: aws kinesis split-shard --stream-name logs --shard-to-split shardId-000000000000 --new-starting-hash-key 42535295865117307932921825928971026432 }\n');
    expect(o.ok && o.spec.nodes.logs).toMatchObject({ type: 'kinesis', reshards: [{ at: 30_000, SplitShard: { ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '42535295865117307932921825928971026432' } }] });
  });

  it('a stream not in the template, or a command that is not a reshard, is refused in world.yaml', () => {
    const o = withReshards('  - { at: 30s, run: aws kinesis update-shard-count --stream-name log --target-shard-count 2 --scaling-type UNIFORM_SCALING }\n  - { at: 1m, run: aws kinesis list-shards --stream-name logs }\n');
    expect(o.ok ? [] : o.errors.map((e) => [e.file, e.line, e.message])).toEqual([
      ['world.yaml', 19, 'no AWS::Kinesis::Stream named log in aws/template.yaml'],
      ['world.yaml', 20, '`run` is an AWS CLI resharding command: aws kinesis update-shard-count | split-shard | merge-shards …'],
    ]);
  });
});
