/** `type: consumer` — a plain Kafka consumer application that writes to a sink (SEMANTICS §3). */
import { z } from 'zod';
import { duration, nodeRef } from './common.js';
import { kafkaSourceSchema } from './kafka.js';

export const sinkOutputSchema = z
  .strictObject({
    elasticsearch: z
      .strictObject({
        node: nodeRef('The `elasticsearch` node.'),
        index: z.string().default('logs').describe('Target index.'),
        document_id: z.string().optional().describe('Document id template (e.g. `%{[event_id]}`, a field of the record: a Logstash kafka output writes no `@metadata`); absent → auto ids, so a reprocessed record becomes a second document.'),
      })
      .optional(),
    s3: z
      .strictObject({
        node: nodeRef('The `s3` node.'),
        prefix: z.string().default('').describe('Key prefix.'),
      })
      .optional(),
  })
  .describe('Where processed records are written.');

export const consumerSchema = z
  .strictObject({
    type: z.literal('consumer').describe('A Kafka consumer application (poll → process → write → commit).'),
    source: kafkaSourceSchema,
    commit: z
      .enum(['before-processing', 'after-processing', 'auto'])
      .default('auto')
      .describe('`before-processing` commits what was polled first (at-most-once); `after-processing` commits once written (at-least-once); `auto` leaves it to `enable.auto.commit`.'),
    processing: z
      .enum(['in-poll-loop', 'worker'])
      .default('in-poll-loop')
      .describe('`in-poll-loop`: the next poll() comes only after the batch is written, so auto-commit commits finished work only (at-least-once). `worker`: each polled batch is handed to a worker thread and the loop polls again at once (one batch may wait); auto-commit then commits records still being processed, and a crash skips them (MISCONCEPTIONS 1).'),
    'processing-time': duration('Time to process one record (default 1ms). A crash part-way through a batch interrupts it.').default(1),
    'bulk.size': z.number().int().positive().default(100).describe('Records written to the sink per request, as they are processed (a crash loses the chunk being built).'),
    instances: z.number().int().positive().default(1).describe('Members in the group; partitions are shared among them.'),
    output: sinkOutputSchema,
  })
  .describe('A consumer application.');

export type ConsumerSpec = z.output<typeof consumerSchema>;
