/**
 * A `type: consumer` node → consumer.properties (the KafkaConsumer's settings, under Kafka's names,
 * only those that differ from the client's defaults) and app.yaml (what the application's code does).
 */
import { stringify } from 'yaml';
import type { ConsumerSpec } from '../spec/schema/consumer.js';
import type { ElasticsearchSpec } from '../spec/schema/sinks.js';
import { formatDuration } from '../spec/units.js';
import { lines } from './text.js';
import type { HostNames } from './hosts.js';

/** Apache Kafka 4.0 consumer defaults of the settings the simulator models. */
const CLIENT_DEFAULTS: Record<string, unknown> = {
  'isolation.level': 'read_uncommitted',
  'enable.auto.commit': true,
  'auto.commit.interval.ms': 5000,
  'auto.offset.reset': 'latest',
  'max.poll.records': 500,
  'max.poll.interval.ms': 300_000,
  'session.timeout.ms': 45_000,
};

export function writeConsumerProperties(node: ConsumerSpec, hosts: HostNames): string {
  const s = node.source;
  const set = Object.entries(CLIENT_DEFAULTS).filter(([k, def]) => s[k as keyof typeof s] !== def).map(([k]) => `${k}=${String(s[k as keyof typeof s])}`);
  return lines(
    '# Apache Kafka 4.0 KafkaConsumer; keys not written keep the client\'s defaults.',
    `bootstrap.servers=${hosts.brokers().map((b) => `${b}:9092`).join(',')}`,
    s['group.id'] !== undefined ? `group.id=${s['group.id']}` : undefined,
    ...set,
    s['partition.assignment.strategy'] === 'roundrobin' ? 'partition.assignment.strategy=org.apache.kafka.clients.consumer.RoundRobinAssignor' : undefined,
    'key.deserializer=org.apache.kafka.common.serialization.StringDeserializer',
    'value.deserializer=org.apache.kafka.common.serialization.StringDeserializer',
  );
}

export function writeAppYaml(node: ConsumerSpec, hosts: HostNames): string {
  const app: Record<string, unknown> = { subscribe: node.source.topic, commit: node.commit };
  if (node.processing !== 'in-poll-loop') app.processing = node.processing;
  if (node['processing-time'] !== 1) app['processing-time'] = formatDuration(node['processing-time']);
  if (node['bulk.size'] !== 100) app['bulk.size'] = node['bulk.size'];
  if (node.instances !== 1) app.instances = node.instances;
  const o = node.output;
  if (o.elasticsearch) {
    const { node: es, ...rest } = o.elasticsearch;
    app.output = { elasticsearch: { hosts: [`http://${hosts.of(es)}:9200`], ...rest } };
  } else if (o.s3) app.output = { s3: { prefix: o.s3.prefix } };
  return `# What this application's code does (not Kafka settings): the topic it reads, when it commits, where it writes.\n${stringify(app)}`;
}

export function writeElasticsearchYml(id: string): string {
  return lines('cluster.name: pipeline-lab', `node.name: ${id}`);
}

/** `mappings: { index: { field: type } }` → one `PUT /<index>` body per index. */
export function writeIndexBodies(node: ElasticsearchSpec): Map<string, string> {
  const out = new Map<string, string>();
  for (const [index, fields] of Object.entries(node.mappings)) {
    const properties = Object.fromEntries(Object.entries(fields).map(([f, type]) => [f, { type }]));
    out.set(`${index}.json`, `${JSON.stringify({ mappings: { properties } }, null, 2)}\n`);
  }
  return out;
}
