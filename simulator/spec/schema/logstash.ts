/** `type: logstash` — inputs → queue → workers running filters and outputs (SEMANTICS §2). */
import { z } from 'zod';
import { duration, nodeRef, positiveInt } from './common.js';

/**
 * The plugin's `time_file` is a number of minutes (default 15) [S3O1]. A duration with a unit
 * (`5s`) is the simulator's shorthand, so runs need not last quarter-hours.
 */
const s3TimeFile = z
  .union([z.number().min(0).transform((minutes) => minutes * 60_000), duration('A duration with a unit, e.g. `5s`.')])
  .prefault(15)
  .describe('Rotate the temporary file this long after it was created: minutes as in the plugin (default 15), or a duration such as `5s`.');

const conditional = z
  .string()
  .describe('A Logstash conditional, e.g. `"_grokparsefailure" in [tags]` or `[status] == "404"`.');

const filterSchema = z
  .union([
    z.strictObject({
      grok: z.strictObject({
        match: z.record(z.string(), z.union([z.string(), z.array(z.string())])).describe('Field → pattern(s), e.g. `message: "%{COMBINEDAPACHELOG}"`.'),
        tag_on_failure: z.array(z.string()).default(['_grokparsefailure']).describe('Tags added when no pattern matches; the event is kept.'),
        break_on_match: z.boolean().default(true).describe('Stop at the first matching pattern.'),
        if: conditional.optional(),
      }),
    }),
    z.strictObject({
      date: z.strictObject({
        match: z.array(z.string()).min(2).describe('`[field, format, …]`, e.g. `[timestamp, "dd/MMM/yyyy:HH:mm:ss Z"]`.'),
        target: z.string().default('@timestamp').describe('Field that receives the parsed time.'),
        tag_on_failure: z.array(z.string()).default(['_dateparsefailure']).describe('Tags added when parsing fails; `@timestamp` keeps the ingest time.'),
        if: conditional.optional(),
      }),
    }),
    z.strictObject({
      mutate: z.strictObject({
        rename: z.record(z.string(), z.string()).optional().describe('Old field → new field.'),
        convert: z.record(z.string(), z.enum(['integer', 'float', 'string', 'boolean'])).optional().describe('Field → type.'),
        remove_field: z.array(z.string()).optional().describe('Fields to delete.'),
        add_field: z.record(z.string(), z.string()).optional().describe('Field → value (may use `%{field}` references).'),
        add_tag: z.array(z.string()).optional().describe('Tags to add.'),
        if: conditional.optional(),
      }),
    }),
    z.strictObject({
      json: z.strictObject({
        source: z.string().default('message').describe('Field holding a JSON string to parse into fields.'),
        if: conditional.optional(),
      }),
    }),
    z.strictObject({
      drop: z
        .strictObject({ if: conditional.optional() })
        .describe('Drops the event (when the condition holds). Dropping is always explicit in Logstash.'),
    }),
  ])
  .describe('One Logstash filter plugin.');

export const logstashOutputSchema = z
  .strictObject({
    elasticsearch: z
      .strictObject({
        node: nodeRef('The `elasticsearch` node.'),
        index: z.string().default('logs').describe('Target index.'),
        document_id: z.string().optional().describe('Document id template, e.g. `%{[@metadata][_id]}`. Without it every retry or replay creates a new document.'),
        action: z.enum(['index', 'create']).default('index').describe('`index` overwrites a document with the same id; `create` fails with 409 if it exists.'),
      })
      .optional(),
    kafka: z
      .strictObject({
        node: nodeRef('The `kafka` node.'),
        topic_id: z.string().describe('Topic to write to.'),
        acks: z.enum(['0', '1', 'all', '-1']).default('1').describe('Producer `acks`, always passed to the client; the plugin defaults to "1" (leader only). The plugin has no idempotence option: the client is idempotent only with `acks: all` (and `retries` unset or at least 1).'),
        retries: z.number().int().min(0).optional().describe('Unset: the plugin resends failed events until they are written. `retries: N`: N+1 send rounds, each resending only the events that failed, then the rest is dropped (lost). `retries: 0` also turns the client\'s idempotence off.'),
        'max.in.flight.requests.per.connection': positiveInt('Unacknowledged requests per connection (default 5).').default(5),
        'delivery.timeout.ms': duration('Upper bound on the time to report success or failure of a send (default 120s).').default(120_000),
        message_key: z.string().optional().describe('Key template, e.g. `%{status}`; same key → same partition.'),
        batch_size: positiveInt('Producer batch size in bytes (default 16384).').default(16384),
        max_request_size: positiveInt('Largest record the producer sends, in bytes (default 1048576); a larger event is dropped at once, whatever `retries` says.').default(1_048_576),
        linger_ms: z.number().int().min(0).default(5).describe('How long the producer waits to fill a batch (ms).'),
        // logstash-integration-kafka outputs/kafka.rb `default :codec, 'plain'`; the codecs' `encode`
        // (core/event-codec.ts): @metadata is written by neither.
        codec: z
          .union([z.enum(['plain', 'json']), z.strictObject({ plain: z.strictObject({ format: z.string().describe('A `%{field}` template: the line written for each event.') }) })])
          .default('plain')
          .describe('What each record\'s value holds. `plain` (the default): one line, `<@timestamp> <host> <message>` (or `{ plain: { format: "%{message}" } }`), so a reader gets that text as `message` and no other field. `json`: the event\'s fields as JSON. Neither writes `@metadata`: copy what a later stage needs into a field first.'),
      })
      .optional(),
    s3: z
      .strictObject({
        node: nodeRef('The `s3` node.'),
        prefix: z.string().default('').describe('Key prefix of the objects written.'),
        time_file: s3TimeFile,
        size_file: z.number().int().min(0).default(5_242_880).describe('Rotate the temporary file once it holds this many bytes (default 5242880).'),
        rotation_strategy: z.enum(['size_and_time', 'size', 'time']).default('size_and_time').describe('Which of `size_file` and `time_file` rotate the file (default both).'),
        retry_count: z.number().int().min(0).optional().describe('Upload retries before the plugin gives up and deletes the temporary file (its events are lost). Unset: retry forever.'),
        retry_delay: z.number().min(0).default(1).describe('Seconds between upload attempts (default 1).'),
        restore: z.boolean().default(true).describe('At startup, upload the temporary files a crashed Logstash left behind (default true).'),
      })
      .superRefine((s3, ctx) => {
        // logstash-output-s3 `register` refuses these (SEMANTICS-2 §2.1 [S3O1]).
        const sizeOk = s3.size_file > 0;
        const timeOk = s3.time_file > 0;
        const bad = s3.rotation_strategy === 'size' ? !sizeOk : s3.rotation_strategy === 'time' ? !timeOk : !sizeOk && !timeOk;
        if (bad) ctx.addIssue({ code: 'custom', path: ['rotation_strategy'], message: `rotation_strategy ${s3.rotation_strategy} needs ${s3.rotation_strategy === 'size' ? 'size_file' : s3.rotation_strategy === 'time' ? 'time_file' : 'time_file or size_file'} above 0` });
      })
      .optional(),
    kinesis: z
      .strictObject({
        // logstash-output-kinesis (samcday/logstash-output-kinesis, lib/logstash/outputs/kinesis.rb): each
        // event is handed to the Kinesis Producer Library (KPL) and the plugin returns at once; it never
        // looks at a record's result. Options below are the plugin's, with its defaults.
        node: nodeRef('The `kinesis` node (the stream).'),
        stream_name: z.string().optional().describe('The stream\'s name (default: the node\'s `Name`).'),
        region: z.string().default('us-east-1').describe('AWS region (required by the plugin; informational here).'),
        event_partition_keys: z.array(z.string()).default([]).describe('Fields tried in order; the first present one is the partition key. None given or none present → the key is `-`, so every record goes to the same shard.'),
        randomized_partition_key: z.boolean().default(false).describe('A random UUID per event as the partition key: records spread over all shards.'),
        max_pending_records: positiveInt('When the KPL holds more unfinished records than this, the plugin blocks the pipeline until all are finished (default 1000).').default(1000),
        record_ttl: z.number().int().positive().default(30_000).describe('KPL `RecordTtl` (ms, default 30000): a record not written within this time fails, and the plugin ignores the failure — it is lost.'),
        fail_if_throttled: z.boolean().default(false).describe('KPL `FailIfThrottled`: a throttled record (`ProvisionedThroughputExceededException`) fails at once instead of being retried — lost, as the plugin ignores failures.'),
        record_max_buffered_time: z.number().int().min(0).default(100).describe('KPL `RecordMaxBufferedTime` (ms, default 100): how long a record waits to be batched into a `PutRecords` call.'),
        collection_max_count: z.number().int().min(1).max(500).default(500).describe('KPL `CollectionMaxCount`: most records per `PutRecords` call (default and API maximum 500).'),
        request_timeout: z.number().int().positive().default(6000).describe('KPL `RequestTimeout` (ms, default 6000): a call without an answer is treated as failed and its records are retried — the first call may have written them, so the retry can store a second copy.'),
      })
      .optional(),
  })
  .describe('Logstash outputs; every event goes to each one given.');

export const logstashSchema = z
  .strictObject({
    type: z.literal('logstash').describe('Logstash: receives from Beats, filters, and writes to outputs.'),
    'queue.type': z.enum(['memory', 'persisted']).default('memory').describe('`memory` (lost if Logstash dies) or `persisted` (on-disk pages, replayed after a restart: at-least-once).'),
    'queue.max_events': z.number().int().min(0).default(0).describe('Most events the persisted queue holds (0 = unlimited).'),
    'queue.checkpoint.writes': positiveInt('Force a persisted-queue checkpoint after this many writes (default 1024). Written but not checkpointed events can be lost on a crash.').default(1024),
    'queue.checkpoint.acks': positiveInt('Checkpoint after this many ACKs (default 1024).').default(1024),
    'queue.checkpoint.interval': duration('Checkpoint at least this often (default 1000ms).').default(1000),
    'pipeline.workers': positiveInt('Worker threads running filters and outputs (default: CPU cores; 2 here).').default(2),
    'pipeline.batch.size': positiveInt('Events a worker takes per batch (default 125).').default(125),
    'pipeline.batch.delay': duration('How long a worker waits to fill a batch (default 50ms).').default(50),
    'processing-time': duration('Simulated CPU time per event in filters (default 0).').default(0),
    'dead_letter_queue.enable': z.boolean().default(false).describe('Keep documents Elasticsearch rejects with 400/404 instead of dropping them.'),
    'dead_letter_queue.max_bytes': z.number().int().positive().default(1_073_741_824).describe('DLQ size limit (default 1024mb); beyond it new entries are dropped.'),
    input: z
      .enum(['beats', 'tcp', 'udp'])
      .default('beats')
      .describe('`beats` ACKs its sender once events are in the queue; `tcp`/`udp` have no application ACK.'),
    filter: z.array(filterSchema).default([]).describe('Filter plugins, applied in order.'),
    output: logstashOutputSchema,
  })
  .describe('Logstash (SEMANTICS §2).');

export type LogstashSpec = z.output<typeof logstashSchema>;
export type LogstashFilterSpec = z.output<typeof filterSchema>;
