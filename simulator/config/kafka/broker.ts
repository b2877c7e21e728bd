/**
 * server.properties: broker settings with Apache Kafka 4.0 defaults (the "Broker Configs" reference,
 * generated from KafkaConfig / ServerLogConfigs / ReplicationConfigs). Times are in ms unless the
 * name says otherwise (`*.hours`, `*.minutes`). An unknown key makes Kafka log
 * "The configuration 'x' was supplied but isn't a known config." and go on: a warning here.
 */
import { closest } from '../../spec/suggest.js';
import type { Problems } from '../shared/issues.js';
import { readProperties, type PropertyEntry } from './properties.js';

type Kind = 'int' | 'long' | 'boolean' | 'string' | 'list' | readonly string[];
/** `min`: the broker's `atLeast(n)` validator (KafkaConfig refuses to start below it). */
interface BrokerSetting { kind: Kind; default: string | null; doc: string; cluster?: boolean; min?: number }

const b = (kind: Kind, def: string | null, doc: string, cluster = false, min?: number): BrokerSetting => ({ kind, default: def, doc, cluster, ...(min !== undefined ? { min } : {}) });

export const BROKER_SETTINGS: Readonly<Record<string, BrokerSetting>> = {
  'node.id': b('int', null, 'This server\'s id in KRaft mode.'),
  'broker.id': b('int', '-1', 'Broker id (ZooKeeper mode; node.id in KRaft).'),
  'process.roles': b('list', null, 'broker, controller, or both.'),
  'controller.quorum.voters': b('list', null, 'id@host:port of the controllers.'),
  'controller.quorum.bootstrap.servers': b('list', null, 'host:port of the controllers.'),
  'controller.listener.names': b('list', null, 'Listeners the controller uses.'),
  'inter.broker.listener.name': b('string', null, 'Listener brokers talk to each other on.'),
  listeners: b('list', 'PLAINTEXT://:9092', 'Addresses to listen on.'),
  'advertised.listeners': b('list', null, 'Addresses clients are told to use (default: listeners).'),
  'listener.security.protocol.map': b('string', 'PLAINTEXT:PLAINTEXT,SSL:SSL,SASL_PLAINTEXT:SASL_PLAINTEXT,SASL_SSL:SASL_SSL', 'Listener name → protocol.'),
  'num.network.threads': b('int', '3', 'Network threads.'),
  'num.io.threads': b('int', '8', 'Request handler threads.'),
  'socket.send.buffer.bytes': b('int', '102400', 'Socket send buffer.'),
  'socket.receive.buffer.bytes': b('int', '102400', 'Socket receive buffer.'),
  'socket.request.max.bytes': b('int', '104857600', 'Largest request.'),
  'log.dirs': b('string', null, 'Data directories (default log.dir, /tmp/kafka-logs).'),
  'log.dir': b('string', '/tmp/kafka-logs', 'Data directory.'),
  'num.partitions': b('int', '1', 'Partitions of an automatically created topic.', true, 1),
  'default.replication.factor': b('int', '1', 'Replication factor of an automatically created topic.', true),
  'auto.create.topics.enable': b('boolean', 'true', 'Create a topic when a client first writes to or reads from it.', true),
  'delete.topic.enable': b('boolean', 'true', 'Allow deleting topics.'),
  'min.insync.replicas': b('int', '1', 'With acks=all, a write fails unless this many replicas are in sync.', true, 1),
  'unclean.leader.election.enable': b('boolean', 'false', 'Let an out-of-sync replica become leader.', true),
  'replica.lag.time.max.ms': b('long', '30000', 'A follower not caught up for this long leaves the ISR.', true),
  'transaction.max.timeout.ms': b('int', '900000', 'Largest transaction.timeout.ms a producer may ask for.', true, 1),
  'group.initial.rebalance.delay.ms': b('int', '3000', 'How long the first rebalance of an empty group waits.', true),
  'group.min.session.timeout.ms': b('int', '6000', 'Shortest session.timeout.ms a consumer may ask for.', true),
  'group.max.session.timeout.ms': b('int', '1800000', 'Longest session.timeout.ms a consumer may ask for.', true),
  'offsets.retention.minutes': b('int', '10080', 'Committed offsets of an empty group expire after this many minutes.', true, 1),
  'offsets.topic.replication.factor': b('int', '3', 'Replication factor of __consumer_offsets.'),
  'transaction.state.log.replication.factor': b('int', '3', 'Replication factor of __transaction_state.'),
  'transaction.state.log.min.isr': b('int', '2', 'min.insync.replicas of __transaction_state.'),
  'share.coordinator.state.topic.replication.factor': b('int', '3', 'Replication factor of __share_group_state.'),
  'share.coordinator.state.topic.min.isr': b('int', '2', 'min.insync.replicas of __share_group_state.'),
  'log.retention.hours': b('int', '168', 'Keep records this many hours (the lowest-priority of the three retention settings).', true),
  'log.retention.minutes': b('int', null, 'Keep records this many minutes (overrides log.retention.hours).', true),
  'log.retention.ms': b('long', null, 'Keep records this many ms (overrides the other two; -1 = forever).', true),
  'log.retention.bytes': b('long', '-1', 'Largest partition before old segments are deleted.'),
  'log.retention.check.interval.ms': b('long', '300000', 'How often records past retention are looked for.', true, 1),
  // Kafka 4.0 raised the least segment size to 1 MiB (KIP-1030).
  'log.segment.bytes': b('int', '1073741824', 'Roll a new log segment before the active one passes this size (the default segment.bytes of topics).', true, 1_048_576),
  'log.roll.hours': b('int', '168', 'Roll a new log segment once the active one is this many hours old (the default segment.ms of topics).', true, 1),
  'log.roll.ms': b('long', null, 'Roll a new log segment once the active one is this many ms old (overrides log.roll.hours).', true, 1),
  'log.cleanup.policy': b(['delete', 'compact', 'delete,compact', 'compact,delete'], 'delete', 'Default cleanup policy of topics.', true),
  'log.flush.interval.messages': b('long', '9223372036854775807', 'fsync after this many messages.'),
  'log.flush.interval.ms': b('long', null, 'fsync at least this often.'),
  'num.recovery.threads.per.data.dir': b('int', '2', 'Threads recovering each data dir at startup.'),
  'message.max.bytes': b('int', '1048588', 'Largest record batch.'),
  'compression.type': b(['uncompressed', 'zstd', 'lz4', 'snappy', 'gzip', 'producer'], 'producer', 'Compression of stored batches.'),
  'group.coordinator.rebalance.protocols': b('list', 'classic,consumer,streams', 'Enabled group protocols.'),
};

/** Internal kafka-node keys read straight from broker settings. */
export const CLUSTER_KEYS = ['min.insync.replicas', 'unclean.leader.election.enable', 'replica.lag.time.max.ms', 'transaction.max.timeout.ms', 'group.initial.rebalance.delay.ms', 'log.retention.check.interval.ms', 'offsets.retention.minutes'] as const;

export interface BrokerConfig {
  /** Every declared cluster-wide setting, typed, with the file's value or the default. */
  cluster: Record<string, number | boolean | string | null>;
  entries: Map<string, PropertyEntry>;
}

export function readServerProperties(text: string, problems: Problems): BrokerConfig {
  const entries = readProperties(text, problems);
  const values = new Map<string, string | null>();
  for (const e of entries.values()) {
    const decl = BROKER_SETTINGS[e.key];
    if (!decl) {
      const guess = closest(e.key, Object.keys(BROKER_SETTINGS));
      problems.warn(e.keyLoc, `The configuration '${e.key}' was supplied but isn't a known config.`, guess ? `did you mean '${guess}'?` : undefined);
      continue;
    }
    const bad = invalid(decl, e.value);
    if (bad) {
      problems.error(e.valueLoc, `Invalid value ${e.value} for configuration ${e.key}: ${bad}`, decl.doc);
      continue;
    }
    values.set(e.key, e.value);
    if (!decl.cluster && !['node.id', 'broker.id', 'process.roles', 'controller.quorum.voters', 'controller.quorum.bootstrap.servers', 'controller.listener.names', 'listeners', 'advertised.listeners', 'listener.security.protocol.map', 'inter.broker.listener.name', 'log.dirs', 'log.dir'].includes(e.key) && e.value !== decl.default) {
      problems.warn(e.keyLoc, `'${e.key}' is valid but not simulated`);
    }
  }
  const cluster: BrokerConfig['cluster'] = {};
  for (const [key, decl] of Object.entries(BROKER_SETTINGS)) {
    if (!decl.cluster) continue;
    const v = values.get(key) ?? decl.default;
    cluster[key] = v === null ? null : decl.kind === 'boolean' ? v === 'true' : decl.kind === 'int' || decl.kind === 'long' ? Number(v) : v;
  }
  return { cluster, entries };
}

/** The default retention of a topic in ms: log.retention.ms, else .minutes, else .hours (LogConfig). */
export function retentionMs(cluster: BrokerConfig['cluster']): number {
  if (typeof cluster['log.retention.ms'] === 'number') return cluster['log.retention.ms'];
  if (typeof cluster['log.retention.minutes'] === 'number') return cluster['log.retention.minutes'] * 60_000;
  return (cluster['log.retention.hours'] as number) * 3_600_000;
}

/** The default segment.ms of a topic: log.roll.ms, else log.roll.hours (LogConfig). */
export function rollMs(cluster: BrokerConfig['cluster']): number {
  if (typeof cluster['log.roll.ms'] === 'number') return cluster['log.roll.ms'];
  return (cluster['log.roll.hours'] as number) * 3_600_000;
}

function invalid(decl: BrokerSetting, value: string): string | undefined {
  const kind = decl.kind;
  if (Array.isArray(kind)) return kind.includes(value) ? undefined : `String must be one of: ${kind.join(', ')}`;
  if (kind === 'int' || kind === 'long') {
    if (!/^-?\d+$/.test(value.trim())) return `Not a number of type ${kind.toUpperCase()}`;
    return decl.min !== undefined && Number(value) < decl.min ? `Value must be at least ${decl.min}` : undefined;
  }
  if (kind === 'boolean') return /^(true|false)$/i.test(value.trim()) ? undefined : 'Expected value to be either true or false';
  return undefined;
}
