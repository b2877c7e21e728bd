/** `type: flink` — a Flink job: Kafka source, checkpoints, event time, windows, sinks (SEMANTICS §4). */
import { z } from 'zod';
import { duration, nodeRef, recordKey } from './common.js';
import { kafkaSourceSchema, type KafkaSourceSpec } from './kafka.js';
import { jobSchema } from './job.js';

export const flinkSinkSchema = z
  .strictObject({
    elasticsearch: z
      .strictObject({
        node: nodeRef('The `elasticsearch` node.'),
        index: z.string().default('counts').describe('Target index.'),
        'document-id': z
          .string()
          .optional()
          .describe('Template: `{key}`, `{window.start}`, `{window.end}`, any record field, `{@metadata._id}`. Absent → auto ids: replays after a restore duplicate.'),
        'bulk.flush.max-actions': z.number().int().positive().default(1000).describe('Send a bulk request once this many actions are buffered (default 1000); the buffer is also flushed at every checkpoint.'),
        'bulk.flush.interval': duration('Also flush buffered actions this often (default: off — only by size and at checkpoints).').optional(),
      })
      .optional(),
    kafka: z
      .strictObject({
        node: nodeRef('The `kafka` node.'),
        topic: z.string().describe('Output topic.'),
        'delivery-guarantee': z.enum(['none', 'at-least-once', 'exactly-once']).default('none').describe('KafkaSink DeliveryGuarantee (default NONE).'),
        'transactional-id-prefix': z.string().optional().describe('Required with exactly-once; unique per application.'),
        'transaction.timeout.ms': duration('Producer transaction timeout; the KafkaSink builder default is 1h, above the broker maximum of 15m.').default(3_600_000),
      })
      .optional(),
    filesystem: z
      .strictObject({
        node: nodeRef('The `s3` node.'),
        path: z.string().default('').describe('Output path prefix; part files are finalized only on a completed checkpoint.'),
      })
      .optional(),
  })
  .describe('Where the job writes.');

/**
 * The Kinesis source of flink-connector-aws 5.x (`KinesisStreamsSource`, SQL `'connector' = 'kinesis'`):
 * per shard it keeps the sequence number it has read up to in Flink's checkpoints, and a restore
 * resumes there; without a checkpoint it starts at `source.init.position`.
 */
export const flinkKinesisSourceSchema = z
  .strictObject({
    connector: z.literal('kinesis').describe('Read a Kinesis data stream (flink-connector-aws 5.x `KinesisStreamsSource`).'),
    node: nodeRef('The `kinesis` stream node to read (SQL: the stream the `stream.arn` names).'),
    'source.init.position': z
      .enum(['LATEST', 'TRIM_HORIZON', 'AT_TIMESTAMP'])
      .default('LATEST')
      .describe('Where a job without a checkpoint starts in every shard (default LATEST: the records arriving from the job\'s start on; TRIM_HORIZON: the oldest record kept; AT_TIMESTAMP: the first record that arrived at or after `source.init.timestamp`). Ignored on a restore from a checkpoint.'),
    'source.init.timestamp': duration('With AT_TIMESTAMP: the arrival time (virtual time of the run) to start from.').optional(),
    'source.shard.discovery.interval': duration('How often the enumerator lists the shards to find the children of a reshard (default 10 s). A child is read from its first record, once its parents are read to their end.').default(10_000),
    'source.shard.get-records.max-record-count': z.number().int().min(1).max(10_000).default(10_000).describe('Most records one `GetRecords` call returns (default 10000).'),
    'source.reader.empty-records-fetch-interval': duration('Pause after a `GetRecords` call that returned nothing (default 250 ms).').default(250),
    idleness: duration('A shard with no records for this long stops holding back the watermark.').optional(),
  })
  .describe('Where a Flink job reads a Kinesis stream.');

export const flinkSourceSchema = z.union([kafkaSourceSchema, flinkKinesisSourceSchema]).describe('The job\'s source: a Kafka topic, or a Kinesis stream (`connector: kinesis`).');

export const deploySchema = z
  .strictObject({
    at: duration('When the new version is deployed.'),
    version: z.string().describe('A key of `versions`.'),
    mode: z
      .enum(['in-place', 'reprocess'])
      .default('in-place')
      .describe('`in-place`: the running job switches code from now on. `reprocess` (Kappa): a second job reads the retained log from the earliest offset into a new output; readers switch when it catches up.'),
    parallelism: z.number().int().min(1).max(32768).optional().describe('In place only: run the new version with this many subtasks — the job stops with a savepoint and restarts from it, its key groups spread over the new subtasks.'),
  })
  .describe('A scheduled deploy of another job version.');

export const flinkSchema = z
  .strictObject({
    type: z.literal('flink').describe('An Apache Flink job.'),
    source: flinkSourceSchema,
    'execution.checkpointing.interval': duration('Checkpoint period; absent → no checkpoints.').optional(),
    'execution.checkpointing.mode': z.enum(['EXACTLY_ONCE', 'AT_LEAST_ONCE']).default('EXACTLY_ONCE').describe('`EXACTLY_ONCE`: the keyed operator aligns barriers, so state reflects each record once. `AT_LEAST_ONCE`: alignment is skipped; records read after an early barrier end up in the snapshot and are counted twice after a restore. (Not the same as Flink\'s unaligned checkpoints, which stay exactly-once.)'),
    'execution.checkpointing.timeout': duration('A checkpoint that takes longer is abandoned (default 10m).').default(600_000),
    'restart-strategy': z
      .strictObject({
        type: z.enum(['fixed-delay', 'none']).default('fixed-delay').describe('Restart after a failure, or not at all.'),
        delay: duration('Wait before restarting (default 1s).').default(1000),
        attempts: z.number().int().positive().optional().describe('Give up after this many restarts.'),
      })
      .default({ type: 'fixed-delay', delay: 1000 })
      .describe('What happens after a failure.'),
    'processing-time': duration('Time to process one record (default 0).').default(0),
    'parallelism.default': z
      .number()
      .int()
      .min(1)
      .max(32768)
      .optional()
      .describe('Subtasks per operator (Flink default 1). Source subtask i reads the Kafka partitions KafkaSourceEnumerator assigns it (round-robin from a topic-derived start); each subtask spends `processing-time` per record on its own, so more subtasks than partitions adds nothing and leaves subtasks idle.'),
    'pipeline.max-parallelism': z
      .number()
      .int()
      .min(1)
      .max(32768)
      .optional()
      .describe('Number of key groups of keyed state (default: 1.5 × parallelism rounded up to a power of two, at least 128). Fixed for the job\'s lifetime: it caps later rescaling.'),
    job: jobSchema.optional(),
    versions: z.record(recordKey(), jobSchema).optional().describe('Other versions of the job, by name (e.g. `v2` with a bug fixed).'),
    deploy: z.array(deploySchema).optional().describe('Scheduled deploys of `versions`.'),
    sink: flinkSinkSchema,
  })
  .describe('Apache Flink (SEMANTICS §4).');

export type FlinkSpec = z.output<typeof flinkSchema>;
export type FlinkSinkSpec = z.output<typeof flinkSinkSchema>;
export type FlinkKinesisSourceSpec = z.output<typeof flinkKinesisSourceSchema>;

/** True when the job reads Kinesis rather than Kafka. */
export function isKinesisSource(source: KafkaSourceSpec | FlinkKinesisSourceSpec): source is FlinkKinesisSourceSpec {
  return (source as { connector?: string }).connector === 'kinesis';
}
