/**
 * Kafka client configs (Apache Kafka 4.0 ConsumerConfig / ProducerConfig / CommonClientConfigs):
 * consumer.properties and producer.properties of an application, and the `properties.*` a Flink
 * table passes to its client. Times are in ms.
 *
 * Unknown keys are a warning, not an error: the real client does not refuse them. AbstractConfig
 * keeps every key it was given, and after construction the client calls logUnused(), which logs
 * "The configuration 'x' was supplied but isn't a known config." at WARN and carries on (the key
 * may be meant for a pluggable serializer or interceptor). A value that does not parse, on the
 * other hand, makes the constructor throw a ConfigException: an error here.
 */
import { closest } from '../../spec/suggest.js';
import type { Problems } from '../shared/issues.js';
import { readProperties, type PropertyEntry } from './properties.js';

type Kind = 'int' | 'long' | 'boolean' | 'string' | 'list' | 'class' | readonly string[];
/**
 * `min`: ConfigDef's `atLeast(n)` validator. `anyCase`: the choice is checked with
 * `CaseInsensitiveValidString` (security.protocol, group.protocol); every other choice with
 * `ValidString.in`, which compares exactly (`ACKS=ALL` or `Earliest` is refused).
 */
export interface ClientConfig { kind: Kind; default: string | null; doc: string; simulated?: boolean; min?: number; anyCase?: boolean }
const c = (kind: Kind, def: string | null, doc: string, simulated = false, check: { min?: number; anyCase?: boolean } = {}): ClientConfig => ({ kind, default: def, doc, simulated, ...check });
const atLeast = (min: number) => ({ min });

const COMMON: Readonly<Record<string, ClientConfig>> = {
  'bootstrap.servers': c('list', '', 'host:port of brokers to bootstrap from.', true),
  'client.id': c('string', '', 'Name of this client in broker logs and quotas.'),
  'client.dns.lookup': c(['use_all_dns_ips', 'resolve_canonical_bootstrap_servers_only'], 'use_all_dns_ips', 'How bootstrap names are resolved.'),
  'security.protocol': c(['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'], 'PLAINTEXT', 'Protocol to talk to brokers.', false, { anyCase: true }),
  'sasl.mechanism': c('string', 'GSSAPI', 'SASL mechanism.'),
  'sasl.jaas.config': c('string', null, 'JAAS login module.'),
  'ssl.truststore.location': c('string', null, 'Trust store.'),
  'ssl.truststore.password': c('string', null, 'Trust store password.'),
  'ssl.keystore.location': c('string', null, 'Key store.'),
  'ssl.keystore.password': c('string', null, 'Key store password.'),
  'ssl.endpoint.identification.algorithm': c('string', 'https', 'Host name verification.'),
  'request.timeout.ms': c('int', '30000', 'Wait this long for a response to a request.', false, atLeast(0)),
  'retry.backoff.ms': c('long', '100', 'Wait before retrying a failed request.', false, atLeast(0)),
  'retry.backoff.max.ms': c('long', '1000', 'Longest backoff between retries.', false, atLeast(0)),
  'reconnect.backoff.ms': c('long', '50', 'Wait before reconnecting.', false, atLeast(0)),
  'reconnect.backoff.max.ms': c('long', '1000', 'Longest reconnect backoff.', false, atLeast(0)),
  'metadata.max.age.ms': c('long', '300000', 'Refresh metadata at least this often.', false, atLeast(0)),
  'connections.max.idle.ms': c('long', '540000', 'Close idle connections after this long.'),
  'send.buffer.bytes': c('int', '131072', 'TCP send buffer.'),
  'receive.buffer.bytes': c('int', '65536', 'TCP receive buffer.'),
  'metrics.recording.level': c(['INFO', 'DEBUG', 'TRACE'], 'INFO', 'Metrics level.'),
  'metric.reporters': c('list', '', 'Metric reporter classes.'),
  'interceptor.classes': c('list', '', 'Interceptor classes.'),
  'socket.connection.setup.timeout.ms': c('long', '10000', 'Connect timeout.'),
  'socket.connection.setup.timeout.max.ms': c('long', '30000', 'Longest connect timeout.'),
  'enable.metrics.push': c('boolean', 'true', 'Push client metrics to the broker.'),
};

export const CONSUMER_CONFIGS: Readonly<Record<string, ClientConfig>> = {
  ...COMMON,
  'group.id': c('string', null, 'Consumer group; needed to subscribe and to commit offsets.', true),
  'group.instance.id': c('string', null, 'Static membership id.'),
  'group.protocol': c(['classic', 'consumer'], 'classic', 'Rebalance protocol (KIP-848 `consumer`).', false, { anyCase: true }),
  'group.remote.assignor': c('string', null, 'Server-side assignor (consumer protocol).'),
  'key.deserializer': c('class', null, 'Key deserializer class (often passed in code).'),
  'value.deserializer': c('class', null, 'Value deserializer class (often passed in code).'),
  'enable.auto.commit': c('boolean', 'true', 'Commit the offsets poll() returned every auto.commit.interval.ms, processed or not.', true),
  'auto.commit.interval.ms': c('int', '5000', 'Auto-commit period.', true, atLeast(0)),
  // Kafka 4.0 reads the strategy without regard to case (AutoOffsetResetStrategy).
  'auto.offset.reset': c(['earliest', 'latest', 'none'], 'latest', 'Where to start without a valid committed offset.', true, { anyCase: true }),
  'isolation.level': c(['read_uncommitted', 'read_committed'], 'read_uncommitted', 'read_committed hides aborted transactions and stops at the last stable offset.', true),
  'max.poll.records': c('int', '500', 'Most records one poll() returns.', true, atLeast(1)),
  'max.poll.interval.ms': c('int', '300000', 'A member that does not poll again within this leaves the group.', true, atLeast(1)),
  'session.timeout.ms': c('int', '45000', 'A member not heard from for this long is considered dead.', true),
  'heartbeat.interval.ms': c('int', '3000', 'Heartbeat period.'),
  'partition.assignment.strategy': c('list', 'org.apache.kafka.clients.consumer.RangeAssignor,org.apache.kafka.clients.consumer.CooperativeStickyAssignor', 'Assignor classes, preferred first.', true),
  'fetch.min.bytes': c('int', '1', 'Least data a fetch waits for.', false, atLeast(0)),
  'fetch.max.bytes': c('int', '52428800', 'Most data one fetch returns.', false, atLeast(0)),
  'fetch.max.wait.ms': c('int', '500', 'Longest wait for fetch.min.bytes.', false, atLeast(0)),
  'max.partition.fetch.bytes': c('int', '1048576', 'Most data per partition per fetch.', false, atLeast(0)),
  'check.crcs': c('boolean', 'true', 'Check record CRCs.'),
  'exclude.internal.topics': c('boolean', 'true', 'Hide internal topics from pattern subscriptions.'),
  'allow.auto.create.topics': c('boolean', 'true', 'Let subscribing create the topic.'),
  'default.api.timeout.ms': c('int', '60000', 'Timeout of blocking calls.', false, atLeast(0)),
  'client.rack': c('string', '', 'Rack, for follower fetching.'),
};

export const PRODUCER_CONFIGS: Readonly<Record<string, ClientConfig>> = {
  ...COMMON,
  'key.serializer': c('class', null, 'Key serializer class (often passed in code).'),
  'value.serializer': c('class', null, 'Value serializer class (often passed in code).'),
  acks: c(['all', '-1', '0', '1'], 'all', 'Acknowledgements the leader waits for.'),
  'enable.idempotence': c('boolean', 'true', 'Broker-side dedupe of retries within one producer session (needs acks=all).'),
  'transactional.id': c('string', null, 'Stable id for transactions; fences older instances.'),
  'transaction.timeout.ms': c('int', '60000', 'Longest a transaction may stay open (capped by the broker\'s transaction.max.timeout.ms).', true),
  retries: c('int', '2147483647', 'Resends of a failed batch.', false, atLeast(0)),
  'delivery.timeout.ms': c('int', '120000', 'Give up on a record after this long (at least linger.ms + request.timeout.ms).', false, atLeast(0)),
  'linger.ms': c('long', '5', 'Wait to fill a batch.', false, atLeast(0)),
  'batch.size': c('int', '16384', 'Bytes per partition batch.', false, atLeast(0)),
  'buffer.memory': c('long', '33554432', 'Memory for unsent records.', false, atLeast(0)),
  'max.block.ms': c('long', '60000', 'Longest send()/metadata block.', false, atLeast(0)),
  'max.in.flight.requests.per.connection': c('int', '5', 'Unacknowledged requests per connection (at most 5 while idempotent).', false, atLeast(1)),
  'max.request.size': c('int', '1048576', 'Largest request.', false, atLeast(0)),
  'compression.type': c(['none', 'gzip', 'snappy', 'lz4', 'zstd'], 'none', 'Compression codec.'),
  'partitioner.class': c('class', null, 'Partitioner class.'),
  'partitioner.ignore.keys': c('boolean', 'false', 'Ignore keys when partitioning.'),
  'partitioner.adaptive.partitioning.enable': c('boolean', 'true', 'Adaptive sticky partitioning.'),
};

export interface ClientSettings {
  /** Declared settings with the file's value, typed. */
  values: Map<string, { value: string | number | boolean; entry: PropertyEntry }>;
  entries: Map<string, PropertyEntry>;
}

/** Reads a client .properties file: unknown keys warned as the client logs them, bad values refused. */
export function readClientProperties(text: string, decls: Readonly<Record<string, ClientConfig>>, problems: Problems): ClientSettings {
  const entries = readProperties(text, problems);
  const values: ClientSettings['values'] = new Map();
  for (const e of entries.values()) {
    const decl = decls[e.key];
    if (!decl) {
      const guess = closest(e.key, Object.keys(decls));
      problems.warn(e.keyLoc, `The configuration '${e.key}' was supplied but isn't a known config.`, guess ? `did you mean '${guess}'? (the client logs this and ignores the key)` : 'the client logs this and ignores the key');
      continue;
    }
    const v = e.value.trim();
    const bad = invalidClientValue(decl, v);
    if (bad) {
      problems.error(e.valueLoc, `Invalid value ${v} for configuration ${e.key}: ${bad}`, decl.doc);
      continue;
    }
    if (!decl.simulated && v !== decl.default && !['client.id', 'key.deserializer', 'value.deserializer', 'key.serializer', 'value.serializer'].includes(e.key)) problems.warn(e.keyLoc, `'${e.key}' is valid but not simulated`, decl.doc);
    // A choice read without regard to case is kept as the client spells it (EARLIEST → earliest).
    const choice = Array.isArray(decl.kind) ? decl.kind.find((k) => k.toLowerCase() === v.toLowerCase()) : undefined;
    values.set(e.key, { value: decl.kind === 'boolean' ? v.toLowerCase() === 'true' : decl.kind === 'int' || decl.kind === 'long' ? Number(v) : (choice ?? v), entry: e });
  }
  return { values, entries };
}

/** ConfigDef's parse-then-validate, with its messages (the text after "Invalid value x for configuration k: "). */
function invalidClientValue(decl: ClientConfig, value: string): string | undefined {
  const kind = decl.kind;
  if (Array.isArray(kind)) {
    const same = decl.anyCase ? (k: string) => k.toLowerCase() === value.toLowerCase() : (k: string) => k === value;
    return kind.some(same) ? undefined : `String must be one of: ${kind.join(', ')}`;
  }
  if (kind === 'int' || kind === 'long') {
    if (!/^-?\d+$/.test(value)) return `Not a number of type ${kind.toUpperCase()}`;
    return decl.min !== undefined && Number(value) < decl.min ? `Value must be at least ${decl.min}` : undefined;
  }
  if (kind === 'boolean') return /^(true|false)$/i.test(value) ? undefined : 'Expected value to be either true or false';
  return undefined;
}

/** The declared value or its default. */
export function clientValue(settings: ClientSettings, decls: Readonly<Record<string, ClientConfig>>, key: string): string | number | boolean | null {
  const set = settings.values.get(key);
  if (set) return set.value;
  const d = decls[key]?.default ?? null;
  if (d === null) return null;
  const kind = decls[key]!.kind;
  return kind === 'boolean' ? d === 'true' : kind === 'int' || kind === 'long' ? Number(d) : d;
}
