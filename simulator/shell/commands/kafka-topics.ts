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
import type { RunHandle } from '../../run/run.js';
import { instantOf } from '../instant.js';

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

/** kafka-topics.sh's partition filters: with one, only matching partition lines print (no topic line). */
const FILTERS = ['under-replicated-partitions', 'under-min-isr-partitions', 'at-min-isr-partitions', 'unavailable-partitions'] as const;
type Filter = (typeof FILTERS)[number];

interface PartitionView {
  partition: number;
  leader: number | null;
  replicas: number[];
  isr: number[];
}

/**
 * Leaders and ISRs at the terminal's instant: the controller's view sampled each second (the
 * first broker's stage samples carry it); at the end of the run, the final state.
 */
function partitionsAt(handle: RunHandle, clusterId: string, topic: string, finalParts: readonly PartitionView[], atMs: number): PartitionView[] {
  if (atMs >= handle.result.simulatedMs) return [...finalParts];
  const samples = handle.result.samples;
  let i = samples.length - 1;
  while (i > 0 && samples[i]!.timeMs > atMs) i--;
  const stage = samples[i]?.stages[`${clusterId}/broker-1`];
  if (!stage) return [...finalParts];
  return finalParts.map((p) => {
    const leader = stage[`partition:${topic}-${p.partition}:leader`];
    const mask = stage[`partition:${topic}-${p.partition}:isr`];
    if (leader === undefined || mask === undefined) return p;
    return { ...p, leader: leader === 0 ? null : leader, isr: p.replicas.filter((b) => (mask & (1 << (b - 1))) !== 0) };
  });
}

function brokerLiveAt(handle: RunHandle, clusterId: string, broker: number, atMs: number): boolean {
  const samples = handle.result.samples;
  let i = samples.length - 1;
  while (i > 0 && samples[i]!.timeMs > atMs) i--;
  return (samples[i]?.stages[`${clusterId}/broker-${broker}`]?.['up'] ?? 1) === 1;
}

function matches(filter: Filter, p: PartitionView, minIsr: number, live: (b: number) => boolean): boolean {
  switch (filter) {
    case 'under-replicated-partitions':
      return p.isr.length < p.replicas.length;
    case 'under-min-isr-partitions':
      return p.isr.length < minIsr;
    case 'at-min-isr-partitions':
      return p.isr.length === minIsr;
    case 'unavailable-partitions':
      return p.leader === null || !live(p.leader);
  }
}

function partitionLine(name: string, p: PartitionView): string {
  return `\tTopic: ${name}\tPartition: ${p.partition}\tLeader: ${p.leader ?? 'none'}\tReplicas: ${p.replicas.join(',')}\tIsr: ${p.isr.join(',')}\tElr: \tLastKnownElr: `;
}

export const kafkaTopics: Command = {
  name: 'kafka-topics',
  summary: 'describe Kafka topics: partitions, leaders, replicas, in-sync replicas; --under-replicated-partitions at an instant',
  usage: [
    'kafka-topics --describe [--topic <topic>] [--under-replicated-partitions | --under-min-isr-partitions |',
    '             --at-min-isr-partitions | --unavailable-partitions]  |  kafka-topics --list',
    '  With a filter only the matching partitions print, as of the instant set with `at` (default: the end).',
  ].join('\n'),
  run(args, { handle, session }) {
    if (!handle) return fail(NO_RUN);
    const o = parseOptions(args, ['describe', 'list', ...FILTERS]);
    if (o.errors.length) return fail(o.errors.join('\n'));
    if (!o.flags.has('describe') && !o.flags.has('list')) {
      return fail(`Exactly one of --list or --describe must be specified.\nusage: ${this.usage}`);
    }
    const clusters = kafkaClusters(handle);
    if (clusters.length === 0) return fail('kafka-topics: this pipeline has no Kafka cluster.');
    const wanted = o.values.get('topic');
    const filters = FILTERS.filter((f) => o.flags.has(f));
    const atMs = instantOf(handle, session);
    const blocks: string[] = [];
    for (const { id, cluster } of clusters) {
      const spec = handle.spec.nodes[id] as NodeSpecOf<'kafka'>;
      for (const topic of cluster.describe().topics) {
        if (wanted !== undefined && topic.topic !== wanted) continue;
        if (filters.length > 0 && o.flags.has('describe')) {
          const minIsr = Number(topicConfigs(spec, topic.topic, session).find((e) => e.name === 'min.insync.replicas')?.value ?? spec['min.insync.replicas']);
          const parts = partitionsAt(handle, id, topic.topic, topic.partitions, atMs);
          const live = (b: number) => brokerLiveAt(handle, id, b, atMs);
          for (const p of parts) if (filters.some((f) => matches(f, p, minIsr, live))) blocks.push(partitionLine(topic.topic, p));
          continue;
        }
        blocks.push(o.flags.has('list') ? topic.topic : describeTopic(spec, topic.topic, topic, session));
      }
    }
    if (filters.length > 0) {
      if (wanted !== undefined && !clusters.some(({ cluster }) => cluster.describe().topics.some((t) => t.topic === wanted))) {
        return fail(`Error while executing topic command : Topic '${wanted}' does not exist as expected`);
      }
      return ok(blocks.join('\n'));
    }
    if (wanted !== undefined && blocks.length === 0) {
      return fail(`Error while executing topic command : Topic '${wanted}' does not exist as expected`);
    }
    return ok(blocks.join('\n'));
  },
  complete(args, { handle }) {
    if (args[args.length - 1] === '--topic' && handle) return kafkaClusters(handle).flatMap(({ cluster }) => cluster.describe().topics.map((t) => t.topic));
    return ['--describe', '--list', '--topic', '--bootstrap-server', ...FILTERS.map((f) => `--${f}`)];
  },
};
