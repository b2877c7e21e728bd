/**
 * The pipeline spec: the public contract instructors and learners write (DESIGN §3).
 * One Zod schema validates it, exports the editor's JSON Schema and documents every knob.
 */
import { z } from 'zod';
import { duration, positiveInt, recordKey } from './common.js';
import { workloadSchema } from './workload.js';
import { beatsSchema } from './beats.js';
import { logstashSchema } from './logstash.js';
import { kafkaSchema } from './kafka.js';
import { consumerSchema } from './consumer.js';
import { flinkSchema } from './flink.js';
import { elasticsearchSchema, s3Schema } from './sinks.js';
import { batchSchema, servingSchema } from './lambda.js';
import { faultSchema } from './faults.js';
import { operationSchema } from './operations.js';
import { kinesisSchema, kinesisConsumerSchema } from './kinesis.js';
import { firehoseSchema } from './firehose.js';
import { windowSchema, aggregateSchema } from './job.js';
import { warehouseSchema } from './warehouse.js';
import { catalogSchema } from './catalog.js';

export const nodeSchema = z
  .discriminatedUnion('type', [
    beatsSchema,
    logstashSchema,
    kafkaSchema,
    consumerSchema,
    flinkSchema,
    elasticsearchSchema,
    s3Schema,
    batchSchema,
    servingSchema,
    kinesisSchema,
    kinesisConsumerSchema,
    firehoseSchema,
  ])
  .describe('A node: `type` says which system it is.');

export const NODE_TYPES = ['beats', 'logstash', 'kafka', 'consumer', 'flink', 'elasticsearch', 's3', 'batch', 'serving', 'kinesis', 'kinesis-consumer', 'firehose'] as const;

export const querySchema = z
  .strictObject({
    'key-by': z.string().optional().describe('Field to group by (default: `workload.key`).'),
    window: windowSchema.optional().describe('Event-time window (default: the first windowed job).'),
    aggregate: aggregateSchema.optional(),
  })
  .describe('The question whose true answer the ledger computes and each output\'s answer is compared with.');

export const pipelineSchema = z
  .strictObject({
    $schema: z.string().optional().describe('JSON Schema reference for editors; ignored by the simulator.'),
    name: z.string().optional().describe('A name for this pipeline.'),
    seed: z.number().int().min(0).max(4294967295).default(1).describe('Seed of all randomness; the CLI\'s --seed overrides it.'),
    duration: duration('How long the sources produce (default 60s).').default(60_000),
    drain: duration('How long the run may continue after that for in-flight work to settle (default 120s).').default(120_000),
    'max-events': positiveInt('Stop after this many simulation events (a guard for runaway specs; default 10 million, at most 20 million). The run then ends as `budget`, with what was done counted and the rest in flight.').default(10_000_000),
    workload: workloadSchema.prefault({}),
    nodes: z.record(recordKey().regex(/^[A-Za-z][\w-]*$/, 'node ids start with a letter and use letters, digits, - and _'), nodeSchema).describe('Node id → node. Edges come from `output`, `source` and `node` references.'),
    faults: z.array(faultSchema).default([]).describe('What goes wrong, and when.'),
    operations: z.array(operationSchema).default([]).describe('What the operators do during the run, as the real commands, each at its time.'),
    query: querySchema.optional(),
    warehouse: warehouseSchema.optional(),
    catalog: catalogSchema.optional(),
  })
  .describe('A Pipeline Lab pipeline.');

export type PipelineSpec = z.output<typeof pipelineSchema>;
export type NodeSpec = z.output<typeof nodeSchema>;
export type NodeType = NodeSpec['type'];
export type NodeSpecOf<T extends NodeType> = Extract<NodeSpec, { type: T }>;
