/**
 * `kafka-console-consumer --topic t [--from-beginning] [--partition p] [--max-messages n]`.
 *
 * Reads the retained log the way a fresh consumer without a group would: from the log start
 * with --from-beginning, else from the end (so, like the real tool on an idle topic, nothing).
 * It stops at the high watermark — consumers never see records not yet replicated to the ISR
 * (SEMANTICS §3). Partitions are printed one after another: Kafka fetches per partition, so
 * order holds within a partition only, which is exactly what a learner should notice here.
 */
import { ok, fail, NO_RUN, type Command } from '../types.js';
import { parseOptions } from '../tokenize.js';
import { kafkaClusters } from '../view.js';
import type { Rec } from '../../core/record.js';
import { EncodedRec } from '../../core/event-codec.js';
import type { KafkaClusterHandle } from '../../nodes/kafka/client-api.js';

/**
 * The cluster's partition logs, when it exposes them (the simulator's KafkaCluster does): they give
 * the records themselves, with offsets, and skip aborted transactions for read_committed.
 */
interface LogAccess {
  bestReplica(topic: string, partition: number): { log: { read(offset: number, limit: number, max: number, skipAborted: boolean): { entries: { offset: number; record: Rec }[] } } } | undefined;
}

function hasLogs(c: KafkaClusterHandle): c is KafkaClusterHandle & LogAccess {
  return typeof (c as Partial<LogAccess>).bestReplica === 'function';
}

/**
 * The value as the console consumer prints it: what a Logstash output's codec wrote (a line for
 * `plain`, JSON for `json`: core/event-codec.ts), else the event as JSON without @metadata.
 */
function valueOf(rec: Rec): string {
  if (rec instanceof EncodedRec) return rec.valueText();
  const { '@metadata': _meta, ...rest } = rec.fields as Record<string, unknown>;
  return JSON.stringify(rest);
}

/** Without --max-messages the real tool prints everything; a terminal in a page stops here. */
const DEFAULT_LIMIT = 50;

export const kafkaConsoleConsumer: Command = {
  name: 'kafka-console-consumer',
  summary: 'print records of a topic: --topic t [--from-beginning] [--partition p] [--max-messages n]',
  usage: 'kafka-console-consumer --topic <topic> [--from-beginning] [--partition <p>] [--max-messages <n>] [--isolation-level read_committed] [--property print.offset=true] [--property print.partition=true]',
  run(args, { handle }) {
    if (!handle) return fail(NO_RUN);
    const o = parseOptions(args, ['from-beginning']);
    const props = new Set(args.filter((a, i) => args[i - 1] === '--property'));
    const showPartition = props.has('print.partition=true');
    const showOffset = props.has('print.offset=true');
    const committedOnly = o.values.get('isolation-level') === 'read_committed';
    if (o.errors.length) return fail(o.errors.join('\n'));
    const topic = o.values.get('topic');
    if (topic === undefined) return fail(`Exactly one of --include/--topic is required.\nusage: ${this.usage}`);
    const found = kafkaClusters(handle).find(({ cluster }) => cluster.describe().topics.some((t) => t.topic === topic));
    if (!found) return fail(`WARN [Consumer clientId=console-consumer] Error while fetching metadata: {${topic}=UNKNOWN_TOPIC_OR_PARTITION}`);
    const { cluster } = found;
    const count = cluster.partitionsFor(topic);
    const partitionArg = o.values.get('partition');
    const partition = partitionArg === undefined ? undefined : Number(partitionArg);
    if (partition !== undefined && !(Number.isInteger(partition) && partition >= 0 && partition < count)) {
      return fail(`kafka-console-consumer: topic ${topic} has partitions 0–${count - 1}; there is no partition ${partitionArg}.`);
    }
    const maxArg = o.values.get('max-messages');
    const max = maxArg === undefined ? DEFAULT_LIMIT : Number(maxArg);
    if (!Number.isInteger(max) || max < 1) return fail('--max-messages expects a whole number ≥ 1');
    if (!o.flags.has('from-beginning')) {
      return ok('Processed a total of 0 messages\n(a new consumer starts at the log end; add --from-beginning to read what the topic retains)');
    }
    const starts = cluster.logStartOffsets(topic);
    const hw = cluster.highWatermarks(topic);
    const lines: string[] = [];
    let available = 0;
    for (let p = 0; p < count; p++) {
      if (partition !== undefined && p !== partition) continue;
      const from = starts[p] ?? 0;
      let offset = from;
      const end = hw[p] ?? 0;
      available += Math.max(0, end - from);
      if (hasLogs(cluster)) {
        const { entries } = cluster.bestReplica(topic, p)?.log.read(from, end, max - lines.length, committedOnly) ?? { entries: [] };
        for (const e of entries) {
          const prefix = `${showPartition ? `Partition:${p}\t` : ''}${showOffset ? `Offset:${e.offset}\t` : ''}`;
          lines.push(prefix + valueOf(e.record));
        }
      } else {
        cluster.recordsFrom(topic, p, from, (rid) => {
          if (offset >= end) return;
          offset++;
          if (lines.length < max) lines.push(rid >= 0 ? valueOf(handle.workload.record(rid)) : '(aggregate)');
        });
      }
    }
    const more = available > lines.length && maxArg === undefined ? `\n… ${available - lines.length} more retained; pass --max-messages ${available} to print them all` : '';
    return ok(`${lines.join('\n')}${lines.length ? '\n' : ''}Processed a total of ${lines.length} messages${more}`);
  },
  complete(args, { handle }) {
    if (args[args.length - 1] === '--topic' && handle) return kafkaClusters(handle).flatMap(({ cluster }) => cluster.describe().topics.map((t) => t.topic));
    return ['--topic', '--from-beginning', '--partition', '--max-messages', '--isolation-level', '--property', '--bootstrap-server'];
  },
};
