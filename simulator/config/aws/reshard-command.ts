/**
 * The AWS CLI's three resharding commands, read into the API call they make — one reader for the
 * terminal (`aws kinesis split-shard …`) and for world.yaml's `reshards:` schedule:
 *
 *   aws kinesis update-shard-count --stream-name logs --target-shard-count 2 --scaling-type UNIFORM_SCALING
 *   aws kinesis split-shard --stream-name logs --shard-to-split shardId-000000000000 --new-starting-hash-key 170141183460469231731687303715884105728
 *   aws kinesis merge-shards --stream-name logs --shard-to-merge shardId-000000000001 --adjacent-shard-to-merge shardId-000000000002
 *
 * Option names from the AWS CLI reference (https://docs.aws.amazon.com/cli/latest/reference/kinesis/);
 * `--stream-arn` may name the stream instead of `--stream-name`.
 */
import { parseOptions } from '../../shell/tokenize.js';
import type { ReshardCall } from '../../nodes/kinesis/reshard.js';

export const RESHARD_OPERATIONS = ['update-shard-count', 'split-shard', 'merge-shards'] as const;
export type ReshardOperation = (typeof RESHARD_OPERATIONS)[number];

export const RESHARD_USAGE: Readonly<Record<ReshardOperation, string>> = {
  'update-shard-count': 'aws kinesis update-shard-count --stream-name <value> --target-shard-count <value> --scaling-type UNIFORM_SCALING',
  'split-shard': 'aws kinesis split-shard --stream-name <value> --shard-to-split <value> --new-starting-hash-key <value>',
  'merge-shards': 'aws kinesis merge-shards --stream-name <value> --shard-to-merge <value> --adjacent-shard-to-merge <value>',
};

const REQUIRED: Readonly<Record<ReshardOperation, readonly string[]>> = {
  'update-shard-count': ['target-shard-count', 'scaling-type'],
  'split-shard': ['shard-to-split', 'new-starting-hash-key'],
  'merge-shards': ['shard-to-merge', 'adjacent-shard-to-merge'],
};

export type ReadCommand = { ok: true; streamName: string; call: ReshardCall } | { ok: false; error: string };

export const isReshardOperation = (op: string): op is ReshardOperation => (RESHARD_OPERATIONS as readonly string[]).includes(op);

/** Reads the options after `aws kinesis <operation>`; `error` is the CLI's own complaint. */
export function readReshardCommand(operation: ReshardOperation, args: readonly string[]): ReadCommand {
  const o = parseOptions(args, []);
  if (o.errors.length) return { ok: false, error: o.errors.join('\n') };
  const known = new Set(['stream-name', 'stream-arn', ...REQUIRED[operation]]);
  const unknown = [...o.values.keys()].filter((k) => !known.has(k)).map((k) => `--${k}`);
  if (unknown.length || o.positional.length) return { ok: false, error: `Unknown options: ${[...unknown, ...o.positional].join(', ')}` };
  const streamName = o.values.get('stream-name') ?? /:stream\/(.+)$/.exec(o.values.get('stream-arn') ?? '')?.[1];
  const missing = REQUIRED[operation].filter((k) => !o.values.has(k)).map((k) => `--${k}`);
  if (streamName === undefined) missing.unshift('--stream-name');
  if (missing.length) return { ok: false, error: `the following arguments are required: ${missing.join(', ')}` };
  const v = (k: string) => o.values.get(k)!;
  if (operation === 'update-shard-count') {
    const n = v('target-shard-count');
    if (!/^\d+$/.test(n)) return { ok: false, error: `argument --target-shard-count: invalid int value: '${n}'` };
    if (v('scaling-type') !== 'UNIFORM_SCALING') return { ok: false, error: `argument --scaling-type: Invalid choice: '${v('scaling-type')}', valid choices are: UNIFORM_SCALING` };
    return { ok: true, streamName: streamName!, call: { UpdateShardCount: { TargetShardCount: Number(n), ScalingType: 'UNIFORM_SCALING' } } };
  }
  if (operation === 'split-shard') return { ok: true, streamName: streamName!, call: { SplitShard: { ShardToSplit: v('shard-to-split'), NewStartingHashKey: v('new-starting-hash-key') } } };
  return { ok: true, streamName: streamName!, call: { MergeShards: { ShardToMerge: v('shard-to-merge'), AdjacentShardToMerge: v('adjacent-shard-to-merge') } } };
}
