/**
 * `kafka-topics --describe [--topic t]` / `--list`, printed like Apache Kafka's kafka-topics.sh:
 * a topic line with its configs, then one tab-indented line per partition with leader, replicas and ISR.
 * "Leader: none" means no in-sync replica is up: the partition is offline (SEMANTICS §3).
 */
import { ok, fail, NO_RUN, type Command, type ShellSession } from '../types.js';
import { topicConfigs } from './kafka-config-model.js';
import { parseOptions } from '../tokenize.js';
import { kafkaClusters } from '../view.js';
import type { KafkaClusterDescription } from '../../nodes/kafka/client-api.js';
import type { NodeSpecOf } from '../../spec/schema/pipeline.js';

/** A stable stand-in for Kafka's random topic UUID (base64, 22 chars), derived from the name. */
function topicId(name: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let h = 2166136261;
  let out = '';
  for (let i = 0; i < 22; i++) {
    h = Math.imul(h ^ (name.charCodeAt(i % name.length) + i), 16777619) >>> 0;
    out += alphabet[h % 64];
  }
  return out;
}

/**
 * `Configs:` lists what is not a Kafka default, as kafka-topics.sh does: the topic's own configs
 * (from the spec, or kafka-configs --alter in this terminal) and static broker settings it inherits.
 */
function describeTopic(spec: NodeSpecOf<'kafka'>, name: string, desc: KafkaClusterDescription['topics'][number], session: ShellSession | undefined): string {
  const t = spec.topics[name];
  const configs = topicConfigs(spec, name, session)
    .filter((e) => e.synonyms[0] !== undefined && e.synonyms[0].source !== 'DEFAULT_CONFIG')
    .map((e) => `${e.name}=${e.value}`);
  const rf = desc.partitions[0]?.replicas.length ?? t?.['replication.factor'] ?? 1;
  const head = `Topic: ${name}\tTopicId: ${topicId(name)}\tPartitionCount: ${desc.partitions.length}\tReplicationFactor: ${rf}\tConfigs: ${configs.join(',')}`;
  const rows = desc.partitions.map(
    (p) => `\tTopic: ${name}\tPartition: ${p.partition}\tLeader: ${p.leader ?? 'none'}\tReplicas: ${p.replicas.join(',')}\tIsr: ${p.isr.join(',')}\tElr: \tLastKnownElr: `,
  );
  return [head, ...rows].join('\n');
}

export const kafkaTopics: Command = {
  name: 'kafka-topics',
  summary: 'describe Kafka topics: partitions, leaders, replicas, in-sync replicas',
  usage: 'kafka-topics --describe [--topic <topic>]  |  kafka-topics --list',
  run(args, { handle, session }) {
    if (!handle) return fail(NO_RUN);
    const o = parseOptions(args, ['describe', 'list']);
    if (o.errors.length) return fail(o.errors.join('\n'));
    if (!o.flags.has('describe') && !o.flags.has('list')) {
      return fail(`Exactly one of --list or --describe must be specified.\nusage: ${this.usage}`);
    }
    const clusters = kafkaClusters(handle);
    if (clusters.length === 0) return fail('kafka-topics: this pipeline has no Kafka cluster.');
    const wanted = o.values.get('topic');
    const blocks: string[] = [];
    for (const { id, cluster } of clusters) {
      const spec = handle.spec.nodes[id] as NodeSpecOf<'kafka'>;
      for (const topic of cluster.describe().topics) {
        if (wanted !== undefined && topic.topic !== wanted) continue;
        blocks.push(o.flags.has('list') ? topic.topic : describeTopic(spec, topic.topic, topic, session));
      }
    }
    if (wanted !== undefined && blocks.length === 0) {
      return fail(`Error while executing topic command : Topic '${wanted}' does not exist as expected`);
    }
    return ok(blocks.join('\n'));
  },
  complete(args, { handle }) {
    if (args[args.length - 1] === '--topic' && handle) return kafkaClusters(handle).flatMap(({ cluster }) => cluster.describe().topics.map((t) => t.topic));
    return ['--describe', '--list', '--topic', '--bootstrap-server'];
  },
};
