/**
 * Resharding a provisioned stream: `SplitShard`, `MergeShards` and `UpdateShardCount`, after the
 * Kinesis API reference and the developer guide's resharding pages:
 * - https://docs.aws.amazon.com/kinesis/latest/APIReference/API_SplitShard.html — the parent's
 *   hash keys from `NewStartingHashKey` up go to one child, the lower ones to the other; the value
 *   must lie in the parent's range.
 * - https://docs.aws.amazon.com/kinesis/latest/APIReference/API_MergeShards.html — two shards whose
 *   hash-key ranges are adjacent become one child holding both ranges.
 * - https://docs.aws.amazon.com/kinesis/latest/APIReference/API_UpdateShardCount.html —
 *   `UNIFORM_SCALING` to equal-sized shards, at most double and at least half the open shard count.
 * - https://docs.aws.amazon.com/streams/latest/dev/kinesis-using-sdk-java-after-resharding.html —
 *   the parents are closed (they keep their records until retention deletes them, readable, with an
 *   `EndingSequenceNumber`), and records for their hash keys go to the children from then on.
 *
 * Simplifications, said here once: a reshard takes effect at the instant it is called (the real
 * stream is `UPDATING` for seconds to minutes, writes still going to the parents meanwhile), and
 * `UpdateShardCount` goes straight to the uniform target — AWS gets there through splits and merges
 * and "can cause short-lived shards to be created"; here each new shard's parents are the old open
 * shards whose ranges overlap its own, which keeps the same rule for readers: parents first.
 */
import { evenHashKeyRanges, type HashKeyRange } from './hash-key.js';
import type { Shard } from './shard.js';

export type ReshardCall =
  | { readonly UpdateShardCount: { readonly TargetShardCount: number; readonly ScalingType: 'UNIFORM_SCALING' } }
  | { readonly SplitShard: { readonly ShardToSplit: string; readonly NewStartingHashKey: string } }
  | { readonly MergeShards: { readonly ShardToMerge: string; readonly AdjacentShardToMerge: string } };

/** What a reshard does: the open shards it closes and the children it creates. */
export interface ReshardPlan {
  readonly close: readonly Shard[];
  readonly children: readonly { readonly range: HashKeyRange; readonly parents: readonly Shard[] }[];
}

export interface ReshardError {
  readonly code: 'InvalidArgumentException' | 'ResourceNotFoundException' | 'LimitExceededException';
  readonly message: string;
}

export const operationOf = (call: ReshardCall): 'UpdateShardCount' | 'SplitShard' | 'MergeShards' =>
  'UpdateShardCount' in call ? 'UpdateShardCount' : 'SplitShard' in call ? 'SplitShard' : 'MergeShards';

/** The AWS CLI's rendering of a refused call. */
export function cliErrorText(call: ReshardCall, e: ReshardError): string {
  return `An error occurred (${e.code}) when calling the ${operationOf(call)} operation: ${e.message}`;
}

/** Checks `call` against the stream's shards (all of them, open and closed) and plans it. */
export function planReshard(call: ReshardCall, shards: readonly Shard[], streamName: string, account: string): ReshardPlan | ReshardError {
  const open = shards.filter((s) => s.open).sort((a, b) => (a.range.startingHashKey < b.range.startingHashKey ? -1 : 1));
  const find = (id: string): Shard | ReshardError => {
    const s = shards.find((x) => x.shardId === id);
    if (!s) return { code: 'ResourceNotFoundException', message: `Could not find shard ${id} in stream ${streamName} under account ${account}.` };
    if (!s.open) return { code: 'InvalidArgumentException', message: `Shard ${id} in stream ${streamName} under account ${account} has already been merged or split, and thus is not eligible for merging or splitting.` };
    return s;
  };
  if ('SplitShard' in call) {
    const parent = find(call.SplitShard.ShardToSplit);
    if ('code' in parent) return parent;
    const key = /^\d+$/.test(call.SplitShard.NewStartingHashKey) ? BigInt(call.SplitShard.NewStartingHashKey) : null;
    // The lower child must hold at least one hash key, so the new start lies above the parent's start.
    if (key === null || key <= parent.range.startingHashKey || key > parent.range.endingHashKey) {
      return { code: 'InvalidArgumentException', message: `NewStartingHashKey ${call.SplitShard.NewStartingHashKey} used in SplitShard() on shard ${parent.shardId} in stream ${streamName} under account ${account} is not both greater than one plus the shard's StartingHashKey ${parent.range.startingHashKey} and less than the shard's EndingHashKey ${parent.range.endingHashKey}.` };
    }
    return {
      close: [parent],
      children: [
        { range: { startingHashKey: parent.range.startingHashKey, endingHashKey: key - 1n }, parents: [parent] },
        { range: { startingHashKey: key, endingHashKey: parent.range.endingHashKey }, parents: [parent] },
      ],
    };
  }
  if ('MergeShards' in call) {
    const a = find(call.MergeShards.ShardToMerge);
    if ('code' in a) return a;
    const b = find(call.MergeShards.AdjacentShardToMerge);
    if ('code' in b) return b;
    const [low, high] = a.range.startingHashKey < b.range.startingHashKey ? [a, b] : [b, a];
    if (a === b || low.range.endingHashKey + 1n !== high.range.startingHashKey) {
      return { code: 'InvalidArgumentException', message: `Shards ${a.shardId} and ${b.shardId} in stream ${streamName} under account ${account} are not an adjacent pair of shards eligible for merging` };
    }
    return { close: [a, b], children: [{ range: { startingHashKey: low.range.startingHashKey, endingHashKey: high.range.endingHashKey }, parents: [a, b] }] };
  }
  const target = call.UpdateShardCount.TargetShardCount;
  if (target > open.length * 2 || target * 2 < open.length) {
    return { code: 'LimitExceededException', message: `UpdateShardCount failed for stream ${streamName} under account ${account}: TargetShardCount ${target} is more than double or less than half the current open shard count ${open.length}.` };
  }
  if (target === open.length && open.every((s, i) => s.range.startingHashKey === evenHashKeyRanges(target)[i]!.startingHashKey)) {
    return { code: 'InvalidArgumentException', message: `Stream ${streamName} under account ${account} already has ${target} uniformly sized open shards.` };
  }
  return {
    close: open,
    children: evenHashKeyRanges(target).map((range) => ({
      range,
      parents: open.filter((s) => s.range.startingHashKey <= range.endingHashKey && s.range.endingHashKey >= range.startingHashKey),
    })),
  };
}
