/**
 * `aws kinesis describe-stream-summary --stream-name X` and `aws kinesis list-shards --stream-name X`,
 * in the AWS CLI v2's JSON with the Kinesis API's field names
 * (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DescribeStreamSummary.html,
 * API_ListShards.html). The stream's shards and hash-key ranges come from the run's final state;
 * a stream is fully managed and never changes shape here (no resharding is simulated).
 */
import type { RunHandle } from '../../../run/run.js';
import { sequenceNumberOf } from '../../../nodes/kinesis/stream.js';
import { ok, type ShellOutput } from '../../types.js';
import { parseOptions } from '../../tokenize.js';
import { ACCOUNT, json, isoTimestamp, serviceError, streamArn, streams, usageError } from './cli.js';

interface ShardState { shardId: string; startingHashKey: string; endingHashKey: string }
interface StreamState { shards: ShardState[] }

export const KINESIS_OPERATIONS = ['describe-stream-summary', 'list-shards'] as const;

const OPERATION_NAMES: Record<(typeof KINESIS_OPERATIONS)[number], string> = { 'describe-stream-summary': 'DescribeStreamSummary', 'list-shards': 'ListShards' };

export function kinesisCommand(handle: RunHandle, operation: string, args: readonly string[]): ShellOutput {
  const usage = `aws kinesis ${operation} --stream-name <value>`;
  const o = parseOptions(args, []);
  if (o.errors.length) return usageError(usage, o.errors.join('\n'));
  const name = o.values.get('stream-name') ?? /:stream\/(.+)$/.exec(o.values.get('stream-arn') ?? '')?.[1];
  if (name === undefined) return usageError(usage, 'the following arguments are required: --stream-name');
  const stream = streams(handle).find((s) => s.name === name);
  const op = OPERATION_NAMES[operation as (typeof KINESIS_OPERATIONS)[number]];
  if (!stream) return serviceError('ResourceNotFoundException', op, `Stream ${name} under account ${ACCOUNT} not found.`);
  const state = handle.result.state[stream.id] as StreamState | undefined;
  const shards = state?.shards ?? [];
  if (operation === 'list-shards') {
    return ok(
      json({
        Shards: shards.map((s, i) => ({
          ShardId: s.shardId,
          HashKeyRange: { StartingHashKey: s.startingHashKey, EndingHashKey: s.endingHashKey },
          SequenceNumberRange: { StartingSequenceNumber: sequenceNumberOf(i, 0) },
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
        OpenShardCount: shards.length,
        ConsumerCount: 0,
      },
    }),
  );
}
