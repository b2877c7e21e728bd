/** `type: beats` — Filebeat: harvesters, an in-memory queue, batches, ACKs and a registry (SEMANTICS §1). */
import { z } from 'zod';
import { duration, nodeRef, positiveInt } from './common.js';

export const beatsSchema = z
  .strictObject({
    type: z.literal('beats').describe('Filebeat: tails log files and ships lines, at-least-once.'),
    output: z
      .union([
        nodeRef('Where events go: a `logstash`, `kafka` or `elasticsearch` node (Filebeat allows exactly one output).'),
        z.array(nodeRef('A Logstash node, one of `output.logstash.hosts`.')).min(1),
      ])
      .describe('Where events go: one `logstash`, `kafka` or `elasticsearch` node (Filebeat allows exactly one output), or a list of `logstash` nodes — the hosts of `output.logstash.hosts`.'),
    loadbalance: z
      .boolean()
      .optional()
      .describe('With several Logstash hosts (`output.logstash.loadbalance`, default false): false sends everything to one host and moves to another only when its connection fails; true sends batches to all hosts in parallel, and a failed batch may be resent through any of them.'),
    worker: positiveInt('With `loadbalance: true`: connections per Logstash host (`output.logstash.worker`, default 1). Batches are spread over hosts × worker connections.').optional(),
    topic: z.string().optional().describe('With a Kafka output: the topic to write to (Filebeat `output.kafka.topic`).'),
    index: z.string().optional().describe('With an Elasticsearch output: the index (Filebeat `output.elasticsearch.index`).'),
    'queue.mem.events': positiveInt('Events the in-memory queue holds (default 3200). When full, harvesters stop reading: backpressure.').default(3200),
    bulk_max_size: positiveInt('Most events in one batch sent to the output (default 2048).').default(2048),
    pipelining: z.number().int().min(0).default(2).describe('Batches that may be in flight unacknowledged to Logstash (default 2).'),
    timeout: duration('How long to wait for an ACK before the batch is sent again (default 30s). A resend after a lost ACK duplicates. When the output process dies its host resets the connection and the batch fails at once; behind a partition only this timeout ends the wait.').default(30_000),
    'backoff.init': duration('First wait before reconnecting after a failure (default 1s); doubles each time.').default(1000),
    'backoff.max': duration('Longest wait between reconnection attempts (default 60s).').default(60_000),
    'filebeat.registry.flush': duration('How often the registry (read offsets of ACKed events) is written to disk (default 1s). After a crash Filebeat resumes from the last flushed offsets.').default(1000),
    processors: z
      .array(z.enum(['add_id', 'fingerprint']))
      .default([])
      .describe('Sets `@metadata._id` for a sink to use as document id. `add_id` makes the id when the event is created: resends keep it, a line read again after a Filebeat restart gets a new one. `fingerprint` hashes host, file, offset and message: the same id for every read. The last one listed writes the id.'),
    scan_frequency: duration('How often a new or rotated file is looked for (default 10s).').default(10_000),
    close_inactive: duration('Close a file handle after no new line for this long (default 5m).').default(300_000),
  })
  .describe('Filebeat (SEMANTICS §1): at-least-once to any acknowledging output.');

export type BeatsSpec = z.output<typeof beatsSchema>;

/** The nodes a Filebeat sends to: its one output, or each host of a Logstash output with several hosts. */
export function beatsOutputs(spec: Pick<BeatsSpec, 'output'>): string[] {
  return typeof spec.output === 'string' ? [spec.output] : spec.output;
}
