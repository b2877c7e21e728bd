/**
 * `aws kinesis describe-stream-summary | list-shards | update-shard-count | split-shard |
 * merge-shards`, in the AWS CLI v2's JSON with the Kinesis API's field names
 * (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DescribeStreamSummary.html,
 * API_ListShards.html, API_UpdateShardCount.html, API_SplitShard.html, API_MergeShards.html).
 *
 * The shards are the run's final state — with the reshards of the run (closed parents carry
 * `ParentShardId`/`AdjacentParentShardId` and an `EndingSequenceNumber`) — plus the reshards typed
 * in this terminal, which apply to the stream as the run left it (the run is over: to reshard while
 * records flow, schedule the command in world.yaml `reshards:`).
 */
import type { RunHandle } from '../../../run/run.js';
import { sequenceNumberOf } from '../../../nodes/kinesis/stream.js';
import { Shard } from '../../../nodes/kinesis/shard.js';
import { operationOf, planReshard } from '../../../nodes/kinesis/reshard.js';
import { isReshardOperation, readReshardCommand, RESHARD_OPERATIONS, RESHARD_USAGE } from '../../../config/aws/reshard-command.js';
import { emptySession, ok, type ShellOutput, type ShellSession } from '../../types.js';
import { parseOptions } from '../../tokenize.js';
import { ACCOUNT, json, isoTimestamp, serviceError, streamArn, streams, usageError } from './cli.js';

interface ShardState { shardId: string; startingHashKey: string; endingHashKey: string; parentShardIds?: string[]; endingSequenceNumber?: string; lastSequenceNumber: string | null }
interface StreamState { shards: ShardState[] }

export const KINESIS_OPERATIONS = ['describe-stream-summary', 'list-shards', ...RESHARD_OPERATIONS] as const;

const OPERATION_NAMES: Record<string, string> = { 'describe-stream-summary': 'DescribeStreamSummary', 'list-shards': 'ListShards' };

/** A shard as the terminal shows it: the model's shard plus the sequence numbers it prints. */
interface ShardView { shard: Shard; ending: string | null; last: string | null }

/** The stream's shards after the run and after this terminal's reshards. */
function shardsNow(state: StreamState | undefined, name: string, session: ShellSession | undefined): ShardView[] {
  const views: ShardView[] = [];
  for (const [i, s] of (state?.shards ?? []).entries()) {
    const parents = (s.parentShardIds ?? []).map((id) => views.find((v) => v.shard.shardId === id)!.shard);
    const shard = new Shard(i, s.shardId, { startingHashKey: BigInt(s.startingHashKey), endingHashKey: BigInt(s.endingHashKey) }, parents);
    if (s.endingSequenceNumber !== undefined) shard.endingSeq = 0;
    views.push({ shard, ending: s.endingSequenceNumber ?? null, last: s.lastSequenceNumber });
  }
  for (const call of session?.reshards?.get(name) ?? []) applyTo(views, call, name);
  return views;
}

/** Applies one resharding call to the views; returns the service's refusal, if any. */
function applyTo(views: ShardView[], call: Parameters<typeof planReshard>[0], name: string): { code: string; message: string } | null {
  const plan = planReshard(call, views.map((v) => v.shard), name, ACCOUNT);
  if ('code' in plan) return plan;
  for (const parent of plan.close) {
    const v = views.find((x) => x.shard === parent)!;
    parent.endingSeq = 0;
    // Closed now: its last record's sequence number (or its first, if it never had one) ends it.
    v.ending = v.last ?? sequenceNumberOf(parent.index, 0);
  }
  for (const c of plan.children) {
    const index = views.length;
    views.push({ shard: new Shard(index, `shardId-${String(index).padStart(12, '0')}`, c.range, c.parents), ending: null, last: null });
  }
  return null;
}

export function kinesisCommand(handle: RunHandle, session: ShellSession | undefined, operation: string, args: readonly string[]): ShellOutput {
  if (isReshardOperation(operation)) return reshardCommand(handle, session, operation, args);
  const usage = `aws kinesis ${operation} --stream-name <value>`;
  const o = parseOptions(args, []);
  if (o.errors.length) return usageError(usage, o.errors.join('\n'));
  const name = o.values.get('stream-name') ?? /:stream\/(.+)$/.exec(o.values.get('stream-arn') ?? '')?.[1];
  if (name === undefined) return usageError(usage, 'the following arguments are required: --stream-name');
  const stream = streams(handle).find((s) => s.name === name);
  const op = OPERATION_NAMES[operation]!;
  if (!stream) return serviceError('ResourceNotFoundException', op, `Stream ${name} under account ${ACCOUNT} not found.`);
  const state = handle.result.state[stream.id] as StreamState | undefined;
  const views = shardsNow(state, name, session);
  if (operation === 'list-shards') {
    return ok(
      json({
        Shards: views.map(({ shard, ending }) => ({
          ShardId: shard.shardId,
          ...(shard.parents[0] ? { ParentShardId: shard.parents[0].shardId } : {}),
          ...(shard.parents[1] ? { AdjacentParentShardId: shard.parents[1].shardId } : {}),
          HashKeyRange: { StartingHashKey: shard.range.startingHashKey.toString(), EndingHashKey: shard.range.endingHashKey.toString() },
          SequenceNumberRange: { StartingSequenceNumber: sequenceNumberOf(shard.index, 0), ...(ending !== null ? { EndingSequenceNumber: ending } : {}) },
        })),
      }),
    );
  }
  return ok(
    json({
      StreamDescriptionSummary: {
        StreamName: stream.name,
        StreamARN: streamArn(stream.name),
        StreamStatus: 'ACTIVE',
        StreamModeDetails: { StreamMode: stream.spec.StreamModeDetails.StreamMode },
        RetentionPeriodHours: stream.spec.RetentionPeriodHours,
        StreamCreationTimestamp: isoTimestamp(0),
        EnhancedMonitoring: [{ ShardLevelMetrics: [] }],
        EncryptionType: 'NONE',
        OpenShardCount: views.filter((v) => v.shard.open).length,
        ConsumerCount: 0,
      },
    }),
  );
}

/** `update-shard-count` answers with the counts; `split-shard` and `merge-shards` print nothing. */
function reshardCommand(handle: RunHandle, session: ShellSession | undefined, operation: (typeof RESHARD_OPERATIONS)[number], args: readonly string[]): ShellOutput {
  const read = readReshardCommand(operation, args);
  if (!read.ok) return usageError(RESHARD_USAGE[operation], read.error);
  const stream = streams(handle).find((s) => s.name === read.streamName);
  if (!stream) return serviceError('ResourceNotFoundException', operationOf(read.call), `Stream ${read.streamName} under account ${ACCOUNT} not found.`);
  if (stream.spec.StreamModeDetails.StreamMode === 'ON_DEMAND') {
    return serviceError('ValidationException', operationOf(read.call), `${operationOf(read.call)} is not supported for stream ${read.streamName} under account ${ACCOUNT} in ON_DEMAND mode.`);
  }
  const views = shardsNow(handle.result.state[stream.id] as StreamState | undefined, read.streamName, session);
  const before = views.filter((v) => v.shard.open).length;
  const refused = applyTo(views, read.call, read.streamName);
  if (refused) return serviceError(refused.code, operationOf(read.call), refused.message);
  const base = session ?? emptySession(handle);
  const reshards = new Map(base.reshards ?? []);
  reshards.set(read.streamName, [...(reshards.get(read.streamName) ?? []), read.call]);
  const next: ShellSession = { ...base, reshards };
  const text =
    'UpdateShardCount' in read.call
      ? json({ StreamName: read.streamName, CurrentShardCount: before, TargetShardCount: read.call.UpdateShardCount.TargetShardCount, StreamARN: streamArn(read.streamName) })
      : '';
  return { text, status: 0, session: next };
}
