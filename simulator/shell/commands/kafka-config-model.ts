/**
 * The configs kafka-configs.sh describes, for the settings the simulator models: each config's
 * value and where it comes from, in Kafka's synonym order (DYNAMIC_TOPIC_CONFIG or
 * DYNAMIC_BROKER_CONFIG, then DYNAMIC_DEFAULT_BROKER_CONFIG, STATIC_BROKER_CONFIG (server.properties:
 * the spec's cluster-level settings), DEFAULT_CONFIG). Topic settings in the spec are what
 * `kafka-topics --create --config` would have set: dynamic topic configs.
 */
import type { KafkaSpec } from '../../spec/schema/kafka.js';
import type { ShellSession } from '../types.js';

export interface Synonym {
  source: 'DYNAMIC_TOPIC_CONFIG' | 'DYNAMIC_BROKER_CONFIG' | 'DYNAMIC_DEFAULT_BROKER_CONFIG' | 'STATIC_BROKER_CONFIG' | 'DEFAULT_CONFIG';
  name: string;
  value: string;
}

export interface ConfigEntry {
  name: string;
  value: string;
  synonyms: Synonym[];
}

/** Topic configs the simulator models, with the broker config each falls back to and Kafka's default. */
const TOPIC_CONFIGS: { name: string; broker: string; def: string }[] = [
  { name: 'cleanup.policy', broker: 'log.cleanup.policy', def: 'delete' },
  { name: 'min.insync.replicas', broker: 'min.insync.replicas', def: '1' },
  { name: 'retention.ms', broker: 'log.retention.ms', def: '604800000' },
  { name: 'unclean.leader.election.enable', broker: 'unclean.leader.election.enable', def: 'false' },
];

/** Every topic-level config name Kafka accepts (an unknown one is refused by the broker). */
export const KNOWN_TOPIC_CONFIGS = new Set([
  ...TOPIC_CONFIGS.map((c) => c.name),
  'compression.type', 'delete.retention.ms', 'file.delete.delay.ms', 'flush.messages', 'flush.ms', 'follower.replication.throttled.replicas',
  'index.interval.bytes', 'leader.replication.throttled.replicas', 'local.retention.bytes', 'local.retention.ms', 'max.compaction.lag.ms',
  'max.message.bytes', 'message.downconversion.enable', 'message.format.version', 'message.timestamp.after.max.ms', 'message.timestamp.before.max.ms',
  'message.timestamp.difference.max.ms', 'message.timestamp.type', 'min.cleanable.dirty.ratio', 'min.compaction.lag.ms', 'preallocate',
  'remote.storage.enable', 'retention.bytes', 'segment.bytes', 'segment.index.bytes', 'segment.jitter.ms', 'segment.ms',
]);

/** Broker configs the simulator models, the spec key holding each, and Kafka's default. */
const BROKER_CONFIGS: { name: string; spec?: keyof KafkaSpec; def: string; dynamic: boolean; defaultSynonym?: Synonym }[] = [
  { name: 'group.initial.rebalance.delay.ms', spec: 'group.initial.rebalance.delay.ms', def: '3000', dynamic: false },
  { name: 'log.cleanup.policy', def: 'delete', dynamic: true },
  { name: 'log.retention.check.interval.ms', spec: 'log.retention.check.interval.ms', def: '300000', dynamic: false },
  // Unset by default: retention comes from log.retention.hours=168, which Kafka lists as its synonym.
  { name: 'log.retention.ms', def: 'null', dynamic: true, defaultSynonym: { source: 'DEFAULT_CONFIG', name: 'log.retention.hours', value: '168' } },
  { name: 'min.insync.replicas', spec: 'min.insync.replicas', def: '1', dynamic: true },
  { name: 'offsets.retention.minutes', spec: 'offsets.retention.minutes', def: '10080', dynamic: false },
  { name: 'replica.lag.time.max.ms', spec: 'replica.lag.time.max.ms', def: '30000', dynamic: false },
  { name: 'transaction.max.timeout.ms', spec: 'transaction.max.timeout.ms', def: '900000', dynamic: false },
  { name: 'unclean.leader.election.enable', spec: 'unclean.leader.election.enable', def: 'false', dynamic: true },
];

export const isDynamicBrokerConfig = (name: string): boolean => BROKER_CONFIGS.some((c) => c.name === name && c.dynamic);
export const isKnownBrokerConfig = (name: string): boolean => BROKER_CONFIGS.some((c) => c.name === name);

/** Key of an entity's altered configs in ShellSession.configs. */
export const entityKey = (type: 'topics' | 'brokers', name: string): string => `${type}:${name}`;
/** `--entity-default` for brokers: the cluster-wide dynamic default. */
export const BROKER_DEFAULT = '<default>';

/** What --alter set on an entity (deleted ones left out). */
function altered(session: ShellSession | undefined, key: string): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of session?.configs.get(key) ?? []) if (v !== null) out.set(k, v);
  return out;
}

/** server.properties values: the spec's cluster-level settings that differ from Kafka's defaults. */
function staticBroker(spec: KafkaSpec, name: string): string | undefined {
  const c = BROKER_CONFIGS.find((x) => x.name === name);
  if (!c?.spec) return undefined;
  const v = String(spec[c.spec]);
  return v === c.def ? undefined : v;
}

/** A broker's configs, most specific source first. `broker` is an id, or BROKER_DEFAULT. */
export function brokerConfigs(spec: KafkaSpec, broker: string, session: ShellSession | undefined): ConfigEntry[] {
  const own = broker === BROKER_DEFAULT ? new Map<string, string>() : altered(session, entityKey('brokers', broker));
  const cluster = altered(session, entityKey('brokers', BROKER_DEFAULT));
  return BROKER_CONFIGS.map((c) => {
    const synonyms: Synonym[] = [];
    const dyn = own.get(c.name);
    if (dyn !== undefined) synonyms.push({ source: 'DYNAMIC_BROKER_CONFIG', name: c.name, value: dyn });
    const dflt = cluster.get(c.name);
    if (dflt !== undefined) synonyms.push({ source: 'DYNAMIC_DEFAULT_BROKER_CONFIG', name: c.name, value: dflt });
    const stat = staticBroker(spec, c.name);
    if (stat !== undefined) synonyms.push({ source: 'STATIC_BROKER_CONFIG', name: c.name, value: stat });
    const explicit = synonyms[0];
    synonyms.push(c.defaultSynonym ?? { source: 'DEFAULT_CONFIG', name: c.name, value: c.def });
    return { name: c.name, value: explicit?.value ?? c.def, synonyms };
  });
}

/** A topic's configs: its own (spec or --alter) first, then what the brokers give it. */
export function topicConfigs(spec: KafkaSpec, topic: string, session: ShellSession | undefined): ConfigEntry[] {
  const t = spec.topics[topic];
  const fromSpec: Record<string, string | undefined> = {
    'cleanup.policy': t && t['cleanup.policy'] !== 'delete' ? t['cleanup.policy'] : undefined,
    'min.insync.replicas': t?.['min.insync.replicas'] === undefined ? undefined : String(t['min.insync.replicas']),
    'retention.ms': t && t['retention.ms'] !== 604_800_000 ? String(t['retention.ms']) : undefined,
  };
  const touched = session?.configs.get(entityKey('topics', topic)) ?? new Map<string, string | null>();
  const own = altered(session, entityKey('topics', topic));
  const broker = brokerConfigs(spec, BROKER_DEFAULT, session);
  const names = [...new Set([...TOPIC_CONFIGS.map((c) => c.name), ...own.keys()])].sort();
  return names.map((name) => {
    const c = TOPIC_CONFIGS.find((x) => x.name === name);
    const synonyms: Synonym[] = [];
    const mine = touched.has(name) ? (touched.get(name) ?? undefined) : fromSpec[name];
    if (mine !== undefined) synonyms.push({ source: 'DYNAMIC_TOPIC_CONFIG', name, value: mine });
    const fallback = c ? (broker.find((b) => b.name === c.broker)?.synonyms ?? []) : [];
    synonyms.push(...fallback);
    // log.retention.hours is the one synonym in other units than its topic config.
    const first = synonyms[0];
    const value = first === undefined ? (c?.def ?? '') : first.name === 'log.retention.hours' ? String(Number(first.value) * 3_600_000) : first.value;
    return { name, value, synonyms };
  });
}

/** One entry as kafka-configs.sh prints it. */
export function formatEntry(e: ConfigEntry): string {
  return `  ${e.name}=${e.value} sensitive=false synonyms={${e.synonyms.map((s) => `${s.source}:${s.name}=${s.value}`).join(', ')}}`;
}
