/**
 * The Kafka part of a workspace: every host with a server.properties is one broker of one cluster
 * (internal node `kafka`; brokers numbered in host-name order, so `kafka-2` is `kafka/broker-2`),
 * topics come from `kafka-topics.sh --create` lines in `<host>/topics.sh`, and a topic a producer
 * writes to that nobody created is created with the broker defaults when auto.create.topics.enable
 * is true (its default).
 */
import type { SpecIssue } from '../../spec/issues.js';
import { Problems } from '../shared/issues.js';
import { parseHostPort, type HostPort } from '../shared/hosts.js';
import type { Loc } from '../logstash/ast.js';
import { readServerProperties, retentionMs, rollMs, CLUSTER_KEYS, type BrokerConfig } from '../kafka/broker.js';
import { readTopicsScript } from '../kafka/topics.js';
import type { Host } from './layout.js';

export const KAFKA_NODE = 'kafka';

export interface KafkaCluster {
  brokers: string[];
  node: Record<string, unknown>;
  topics: Record<string, Record<string, unknown>>;
  cluster: BrokerConfig['cluster'];
  /** The fault target of a broker host. */
  targetOf(host: string): string;
  /** Adds an auto-created topic, or says why the producer cannot write to it. */
  useTopic(topic: string, p: Problems, loc: Loc): void;
  /** The file each topic was created in, for relocating problems. */
  file: string;
}

type Resolve = (hp: HostPort, role: 'kafka', p: Problems, loc: Loc) => string | undefined;

export function compileKafka(hosts: Host[], files: ReadonlyMap<string, string>, name: (path: string) => string, resolve: Resolve, issues: SpecIssue[]): KafkaCluster | undefined {
  if (hosts.length === 0) return undefined;
  const brokers = hosts.map((h) => h.name).sort();
  let first: { config: BrokerConfig; path: string } | undefined;
  for (const host of hosts) {
    const path = `${host.name}/server.properties`;
    const p = new Problems(name(path));
    const config = readServerProperties(files.get(path) ?? '', p);
    if (!first) first = { config, path };
    else {
      const diff = Object.keys(config.cluster).filter((k) => config.cluster[k] !== first!.config.cluster[k]);
      if (diff.length > 0) p.error(undefined, `the brokers of one cluster must agree: ${name(path)} differs from ${name(first.path)} in ${diff.join(', ')}`, 'the simulator models these as cluster-wide settings');
    }
    issues.push(...p.list);
  }
  const cluster = first!.config.cluster;
  const defaultRetention = retentionMs(cluster);
  const topics: Record<string, Record<string, unknown>> = {};
  let topicsFile = name(`${brokers[0]}/server.properties`);
  for (const host of hosts) {
    const path = host.files.find((f) => f.endsWith('/topics.sh'));
    if (!path) continue;
    topicsFile = name(path);
    const p = new Problems(name(path));
    for (const cmd of readTopicsScript(files.get(path)!, p)) {
      const servers = cmd.bootstrap!.text.split(',').map((s) => parseHostPort(s.trim(), 9092));
      if (servers.some((s) => resolve(s, 'kafka', p, cmd.bootstrap!.loc) === undefined)) continue;
      const rf = cmd.replicationFactor ?? (cluster['default.replication.factor'] as number);
      if (rf > brokers.length) {
        p.error(cmd.loc, `Replication factor: ${rf} larger than available brokers: ${brokers.length}.`, `brokers: ${brokers.join(', ')}`);
        continue;
      }
      if (topics[cmd.topic]) {
        p.error(cmd.loc, `Topic '${cmd.topic}' already exists.`);
        continue;
      }
      const retention = cmd.configs.get('retention.ms');
      const minIsr = cmd.configs.get('min.insync.replicas');
      const cleanup = cmd.configs.get('cleanup.policy');
      const segmentMs = cmd.configs.get('segment.ms');
      const segmentBytes = cmd.configs.get('segment.bytes');
      topics[cmd.topic] = {
        partitions: cmd.partitions ?? cluster['num.partitions'],
        'replication.factor': rf,
        // retention.ms -1 keeps records forever: longer than any run.
        'retention.ms': retention ? (Number(retention.value) < 0 ? 2 ** 52 : Number(retention.value)) : defaultRetention < 0 ? 2 ** 52 : defaultRetention,
        'segment.ms': segmentMs ? Number(segmentMs.value) : rollMs(cluster),
        'segment.bytes': segmentBytes ? Number(segmentBytes.value) : cluster['log.segment.bytes'],
        ...(minIsr ? { 'min.insync.replicas': Number(minIsr.value) } : {}),
        'cleanup.policy': cleanup?.value ?? (cluster['log.cleanup.policy'] === 'compact' ? 'compact' : 'delete'),
      };
      // TopicConfig validators: retention.ms atLeast(-1) (-1 = forever), min.insync.replicas atLeast(1),
      // segment.ms atLeast(1), segment.bytes atLeast(1 MiB) since Kafka 4.0 (KIP-1030).
      for (const [key, c, least] of [['retention.ms', retention, -1], ['min.insync.replicas', minIsr, 1], ['segment.ms', segmentMs, 1], ['segment.bytes', segmentBytes, 1_048_576]] as const) {
        if (c && !/^-?\d+$/.test(c.value)) p.error(c.loc, `Invalid value ${c.value} for configuration ${key}: Not a number of type ${key === 'retention.ms' || key === 'segment.ms' ? 'LONG' : 'INT'}`);
        else if (c && Number(c.value) < least) p.error(c.loc, `Invalid value ${c.value} for configuration ${key}: Value must be at least ${least}`);
      }
      if (cleanup && !['delete', 'compact'].includes(cleanup.value)) p.error(cleanup.loc, `Invalid value ${cleanup.value} for configuration cleanup.policy: String must be one of: compact, delete`);
    }
    issues.push(...p.list);
  }
  const node: Record<string, unknown> = { type: 'kafka', brokers: brokers.length, topics };
  for (const key of CLUSTER_KEYS) node[key] = cluster[key];
  return {
    brokers,
    node,
    topics,
    cluster,
    file: topicsFile,
    targetOf: (host) => (brokers.length === 1 ? KAFKA_NODE : `${KAFKA_NODE}/broker-${brokers.indexOf(host) + 1}`),
    useTopic(topic, p, loc) {
      if (topics[topic]) return;
      if (cluster['auto.create.topics.enable'] === false) {
        p.error(loc, `Topic ${topic} not present in metadata after 60000 ms.`, 'create it in topics.sh, or set auto.create.topics.enable=true');
        return;
      }
      p.warn(loc, `topic ${topic} is not created in topics.sh: the broker creates it on first use with num.partitions=${String(cluster['num.partitions'])} and default.replication.factor=${String(cluster['default.replication.factor'])}`);
      topics[topic] = { partitions: cluster['num.partitions'], 'replication.factor': cluster['default.replication.factor'], 'retention.ms': defaultRetention < 0 ? 2 ** 52 : defaultRetention, 'cleanup.policy': 'delete' };
    },
  };
}
