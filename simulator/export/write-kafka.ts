/**
 * The `type: kafka` node → one server.properties per broker (KRaft combined mode, every broker a
 * controller voter) and topics.sh with one `kafka-topics.sh --create` per topic.
 */
import type { KafkaSpec } from '../spec/schema/kafka.js';
import { lines } from './text.js';

const WEEK_MS = 604_800_000;
/** The compiler reads `retention.ms=-1` (forever) as 2^52 ms. */
const FOREVER = 2 ** 52;

/** Cluster-wide settings and their Apache Kafka 4.0 defaults, in the order server.properties lists them. */
const CLUSTER: readonly [keyof KafkaSpec, unknown][] = [
  ['min.insync.replicas', 1],
  ['unclean.leader.election.enable', false],
  ['replica.lag.time.max.ms', 30_000],
  ['transaction.max.timeout.ms', 900_000],
  ['group.initial.rebalance.delay.ms', 3000],
  ['log.retention.check.interval.ms', 300_000],
  ['offsets.retention.minutes', 10_080],
];

export function writeServerProperties(node: KafkaSpec, brokers: readonly string[], index: number): string {
  const host = brokers[index]!;
  return lines(
    `# Apache Kafka 4.0, broker ${index + 1} of ${brokers.length}, KRaft combined mode (broker and controller).`,
    'process.roles=broker,controller',
    `node.id=${index + 1}`,
    `controller.quorum.voters=${brokers.map((b, i) => `${i + 1}@${b}:9093`).join(',')}`,
    'listeners=PLAINTEXT://:9092,CONTROLLER://:9093',
    `advertised.listeners=PLAINTEXT://${host}:9092`,
    'controller.listener.names=CONTROLLER',
    'log.dirs=/var/lib/kafka/data',
    ...CLUSTER.filter(([k, def]) => node[k] !== def).map(([k]) => `${k}=${String(node[k])}`),
  );
}

export function writeTopicsSh(node: KafkaSpec, brokers: readonly string[]): string {
  const creates = Object.entries(node.topics).map(([name, t]) => {
    const configs: string[] = [];
    if (t['retention.ms'] !== WEEK_MS) configs.push(`retention.ms=${t['retention.ms'] >= FOREVER ? -1 : t['retention.ms']}`);
    if (t['segment.ms'] !== WEEK_MS) configs.push(`segment.ms=${t['segment.ms']}`);
    if (t['segment.bytes'] !== 1_073_741_824) configs.push(`segment.bytes=${t['segment.bytes']}`);
    if (t['min.insync.replicas'] !== undefined) configs.push(`min.insync.replicas=${t['min.insync.replicas']}`);
    if (t['cleanup.policy'] !== 'delete') configs.push(`cleanup.policy=${t['cleanup.policy']}`);
    return `kafka-topics.sh --bootstrap-server ${brokers[0]}:9092 --create --topic ${name} --partitions ${t.partitions} --replication-factor ${t['replication.factor']}${configs.map((c) => ` --config ${c}`).join('')}`;
  });
  return lines('#!/bin/sh', '# The topics of this cluster, created once the brokers are up.', 'set -e', ...creates);
}
