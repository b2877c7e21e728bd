/** The shape of a keyed, windowed aggregation: shared by Flink jobs and Lambda's batch job. */
import { z } from 'zod';
import { duration } from './common.js';

export const windowSchema = z
  .union([
    z.strictObject({
      type: z.literal('tumbling').describe('Fixed, non-overlapping windows.'),
      size: duration('Window length, e.g. 10s.'),
    }),
    z.strictObject({
      type: z.literal('sliding').describe('Overlapping windows: each record lands in size/slide windows.'),
      size: duration('Window length.'),
      slide: duration('How far each next window starts after the previous one.'),
    }),
    z.strictObject({
      type: z.literal('session').describe('Per-key windows that close after a gap of inactivity; nearby sessions merge.'),
      gap: duration('Inactivity that ends a session.'),
    }),
  ])
  .describe('Event-time window; intervals are [start, end).');

export const aggregateSchema = z
  .string()
  .regex(/^(count|sum:[\w.@]+|avg:[\w.@]+)$/, 'write count, sum:<field> or avg:<field>')
  .describe('`count`, `sum:<field>` or `avg:<field>`.');

export const jobSchema = z
  .strictObject({
    where: z.string().optional().describe('Keep only records matching this Logstash-style condition (e.g. `[status] != "404"`). Handy to model a buggy job version.'),
    'key-by': z.string().optional().describe('Field to key by; windows and state are per key.'),
    window: windowSchema.optional(),
    aggregate: aggregateSchema.default('count'),
    watermark: z
      .strictObject({
        'max-out-of-orderness': duration('Bounded out-of-orderness: watermark = max event time seen − this − 1ms.').default(0),
        interval: duration('How often watermarks are emitted (`pipeline.auto-watermark-interval`, default 200ms).').default(200),
      })
      .optional()
      .describe('Watermark strategy.'),
    'allowed-lateness': duration('Keep window state this long after the watermark passes its end; a late record re-fires the window.').default(0),
    'late-data': z.enum(['drop', 'side-output']).default('drop').describe('Records for windows past their lateness are dropped (counted) or sent to a side output.'),
    'local-global': z
      .boolean()
      .optional()
      .describe("The SQL planner's two-phase window aggregation: each source subtask pre-aggregates its records per key and window slice (local), and only those partial results are shuffled by key to the global aggregate. A hot key's records are then counted where they are read, not all on the subtask owning the key."),
    dedupe: z
      .strictObject({
        field: z.string().describe('Field holding a stable record id, e.g. `event_id` (Logstash writes no `@metadata` into Kafka: copy `@metadata._id` into a field there), or `@metadata._id` when Filebeat writes to Kafka itself.'),
        ttl: duration('How long an id is remembered (default 1h).').default(3_600_000),
      })
      .optional()
      .describe('Drop records whose id was already seen (keyed state, checkpointed).'),
  })
  .describe('The job: filter, key, window and aggregate. Absent → records pass through unchanged.');

export type JobSpec = z.output<typeof jobSchema>;
export type WindowSpec = z.output<typeof windowSchema>;
