/**
 * Kafka client applications of a workspace. A consumer app on <host> is two files:
 *
 *   <host>/consumer.properties   the KafkaConsumer's configuration, Kafka's own keys and defaults
 *   <host>/app.yaml              what the application's code does, which no Kafka setting says:
 *       subscribe: logs                  # consumer.subscribe(List.of("logs")) — one topic
 *       commit: after-processing         # commitSync() after writing | before-processing | auto
 *       processing: in-poll-loop         # or worker (a thread pool; poll() goes on meanwhile)
 *       processing-time: 30ms            # work per record
 *       bulk.size: 100                   # records per write to the sink
 *       instances: 1                     # copies of the app in the group
 *       output:                          # where it writes (hosts must be hosts of the workspace)
 *         elasticsearch: { hosts: ["http://elasticsearch:9200"], index: enriched, document_id: "%{[event_id]}" }
 *         # or s3: { prefix: raw/ }
 *
 * The app indexes what a record's value holds: a JSON object (Logstash's `codec => json`) as the
 * document's fields, a line of text (Logstash's default `plain` codec) as `message`. `@metadata`
 * never reaches it from Logstash (core/event-codec.ts): an id it indexes under must be a field.
 *
 * It compiles to the internal spec's `type: consumer` node named after the host. A producer
 * application's producer.properties is checked against Kafka's producer configs, but the internal
 * spec has no producer app node: it is reported as not simulated.
 */
import type { SpecIssue } from '../../spec/issues.js';
import { closest } from '../../spec/suggest.js';
import { Problems } from '../shared/issues.js';
import { parseHostPort, type HostPort } from '../shared/hosts.js';
import type { Loc } from '../logstash/ast.js';
import { readSettingsYaml } from '../yaml/read.js';
import { CONSUMER_CONFIGS, PRODUCER_CONFIGS, clientValue, readClientProperties } from '../kafka/clients.js';
import type { Host, Role } from './layout.js';
import { KAFKA_NODE, type KafkaCluster } from './kafka.js';

type Resolve = (hp: HostPort, role: Role, p: Problems, loc: Loc) => string | undefined;

/** The consumer settings the internal node models, under their Kafka names. */
const SOURCE_KEYS = ['group.id', 'isolation.level', 'enable.auto.commit', 'auto.commit.interval.ms', 'auto.offset.reset', 'max.poll.records', 'max.poll.interval.ms', 'session.timeout.ms'] as const;
const APP_KEYS = ['subscribe', 'commit', 'processing', 'processing-time', 'bulk.size', 'instances', 'output'] as const;
const ASSIGNORS: Readonly<Record<string, 'range' | 'roundrobin'>> = {
  'org.apache.kafka.clients.consumer.RangeAssignor': 'range',
  'org.apache.kafka.clients.consumer.RoundRobinAssignor': 'roundrobin',
};

export interface AppHosts { nodes: Record<string, Record<string, unknown>>; files: Map<string, string>; usesS3: boolean }

/** Checks a consumer.properties on its own; returns the settings read. */
export function checkConsumerProperties(text: string, p: Problems) {
  const settings = readClientProperties(text, CONSUMER_CONFIGS, p);
  if (!settings.entries.has('bootstrap.servers')) p.error(undefined, 'Missing required configuration "bootstrap.servers" which has no default value.', 'bootstrap.servers=kafka:9092');
  // The group member's Heartbeat refuses an interval that leaves no heartbeat inside the session.
  const heartbeat = clientValue(settings, CONSUMER_CONFIGS, 'heartbeat.interval.ms') as number;
  const session = clientValue(settings, CONSUMER_CONFIGS, 'session.timeout.ms') as number;
  if (heartbeat >= session) {
    const at = settings.values.get('heartbeat.interval.ms') ?? settings.values.get('session.timeout.ms');
    p.error(at?.entry.valueLoc, 'Heartbeat must be set lower than the session timeout', `heartbeat.interval.ms=${Math.floor(session / 3)} (a third of session.timeout.ms, as the defaults are)`);
  }
  return settings;
}

export function checkProducerProperties(text: string, p: Problems) {
  const settings = readClientProperties(text, PRODUCER_CONFIGS, p);
  if (!settings.entries.has('bootstrap.servers')) p.error(undefined, 'Missing required configuration "bootstrap.servers" which has no default value.', 'bootstrap.servers=kafka:9092');
  checkIdempotence(settings, p);
  // KafkaProducer.configureDeliveryTimeout: a delivery.timeout.ms written too short is refused
  // (left unset, the client raises it to linger.ms + request.timeout.ms with a warning).
  const delivery = settings.values.get('delivery.timeout.ms');
  const floor = (clientValue(settings, PRODUCER_CONFIGS, 'linger.ms') as number) + (clientValue(settings, PRODUCER_CONFIGS, 'request.timeout.ms') as number);
  if (delivery && (delivery.value as number) < floor) p.error(delivery.entry.valueLoc, 'delivery.timeout.ms should be equal to or larger than linger.ms + request.timeout.ms', `delivery.timeout.ms=${floor}`);
  return settings;
}

/**
 * ProducerConfig.postProcessAndValidateIdempotenceConfigs (Kafka 4.0): idempotence is on by
 * default. `retries=0` or `acks` other than all turn it off quietly — or are refused when
 * `enable.idempotence=true` is written. More than 5 requests in flight are refused whenever
 * idempotence starts on, written or not; a transactional.id needs idempotence still on.
 */
function checkIdempotence(settings: ReturnType<typeof readClientProperties>, p: Problems): void {
  const written = settings.values.get('enable.idempotence');
  const acks = settings.values.get('acks');
  const retries = settings.values.get('retries');
  const inFlight = settings.values.get('max.in.flight.requests.per.connection');
  let enabled = written?.value !== false;
  if (enabled) {
    if (retries?.value === 0) {
      if (written) p.error(retries.entry.valueLoc, 'Must set retries to non-zero when using the idempotent producer.', 'leave retries unset');
      enabled = false;
    }
    if (acks && acks.value !== 'all' && acks.value !== '-1') {
      if (written) p.error(acks.entry.valueLoc, 'Must set acks to all in order to use the idempotent producer. Otherwise we cannot guarantee idempotence.', 'acks=all');
      enabled = false;
    }
    if (inFlight && (inFlight.value as number) > 5) p.error(inFlight.entry.valueLoc, `To use the idempotent producer, max.in.flight.requests.per.connection must be set to at most 5. Current value is ${String(inFlight.value)}.`, 'max.in.flight.requests.per.connection=5, or enable.idempotence=false');
  }
  const tx = settings.values.get('transactional.id');
  if (tx && !enabled) p.error((written?.value === false ? written : tx).entry.valueLoc, 'Cannot set a transactional.id without also enabling idempotence.', written?.value === false ? 'enable.idempotence=true' : 'acks=all, retries unset');
}

export function compileAppHosts(hosts: Host[], files: ReadonlyMap<string, string>, name: (path: string) => string, resolve: Resolve, kafka: KafkaCluster | undefined, issues: SpecIssue[]): AppHosts {
  const out: AppHosts = { nodes: {}, files: new Map(), usesS3: false };
  for (const host of hosts) {
    const producerPath = `${host.name}/producer.properties`;
    if (files.has(producerPath)) {
      const p = new Problems(name(producerPath));
      checkProducerProperties(files.get(producerPath)!, p);
      p.warn(undefined, 'producer applications are not simulated: records enter Kafka from Filebeat, Logstash or a Flink job', 'remove this file, or write to Kafka from one of those');
      issues.push(...p.list);
    }
    const consumerPath = `${host.name}/consumer.properties`;
    const appPath = `${host.name}/app.yaml`;
    if (!files.has(consumerPath)) {
      // A KCL application's app.yaml is read with its kcl.properties (simulator/config/aws/kcl.ts).
      if (files.has(appPath) && !files.has(`${host.name}/kcl.properties`)) issues.push({ severity: 'error', file: name(appPath), line: 1, column: 1, path: '', message: `the app on ${host.name} has no consumer.properties`, hint: `write ${consumerPath} (bootstrap.servers, group.id, …)` });
      continue;
    }
    const p = new Problems(name(consumerPath));
    const settings = checkConsumerProperties(files.get(consumerPath)!, p);
    const ap = new Problems(name(appPath));
    const app = files.has(appPath) ? readAppYaml(files.get(appPath)!, ap) : undefined;
    if (!files.has(appPath)) ap.error(undefined, `the consumer on ${host.name} needs app.yaml: which topic it subscribes to and where it writes`, 'subscribe: logs\noutput: { elasticsearch: { hosts: ["http://elasticsearch:9200"], index: logs } }');
    const servers = settings.entries.get('bootstrap.servers');
    if (servers) for (const s of servers.value.split(',')) resolve(parseHostPort(s.trim(), 9092), 'kafka', p, servers.valueLoc);
    if (!settings.values.has('group.id')) p.error(undefined, 'To use the group management or offset commit APIs, you must provide a valid group.id in the consumer configuration.', `group.id=${host.name}`);
    const source: Record<string, unknown> = { node: KAFKA_NODE, topic: app?.topic ?? '' };
    for (const key of SOURCE_KEYS) {
      const v = settings.values.get(key);
      if (v !== undefined) source[key] = v.value;
    }
    const strategy = settings.values.get('partition.assignment.strategy');
    if (strategy) {
      const first = String(strategy.value).split(',')[0]!.trim();
      const mapped = ASSIGNORS[first];
      if (mapped) source['partition.assignment.strategy'] = mapped;
      else p.warn(strategy.entry.valueLoc, `${first} is valid but not simulated: RangeAssignor and RoundRobinAssignor are`);
    }
    if (kafka) checkSessionTimeout(settings, kafka, p);
    if (app && kafka && app.topic) kafka.useTopic(app.topic, ap, app.topicLoc);
    const node: Record<string, unknown> = { type: 'consumer', source, ...(app?.fields ?? {}) };
    if (app?.output) {
      const o = app.output;
      if (o.kind === 'elasticsearch') {
        const targets = o.hosts.map((h) => resolve(h, 'elasticsearch', ap, o.loc));
        node.output = { elasticsearch: { node: targets[0] ?? '', ...o.spec } };
      } else {
        node.output = { s3: { node: 's3', ...o.spec } };
        out.usesS3 = true;
      }
    }
    issues.push(...p.list, ...ap.list);
    out.nodes[host.name] = node;
    out.files.set(host.name, name(appPath));
  }
  return out;
}

/** The group coordinator refuses a JoinGroup whose session timeout is outside the brokers' range (INVALID_SESSION_TIMEOUT). */
function checkSessionTimeout(settings: ReturnType<typeof readClientProperties>, kafka: KafkaCluster, p: Problems): void {
  const session = clientValue(settings, CONSUMER_CONFIGS, 'session.timeout.ms') as number;
  const min = kafka.cluster['group.min.session.timeout.ms'] as number;
  const max = kafka.cluster['group.max.session.timeout.ms'] as number;
  if (session >= min && session <= max) return;
  p.error(settings.values.get('session.timeout.ms')?.entry.valueLoc, 'The session timeout is not within the range allowed by the broker (as configured by group.min.session.timeout.ms and group.max.session.timeout.ms).', `the brokers allow ${min} to ${max} ms`);
}

interface AppYaml {
  topic?: string;
  topicLoc: Loc;
  fields: Record<string, unknown>;
  output?: { kind: 'elasticsearch'; hosts: HostPort[]; loc: Loc; spec: Record<string, unknown> } | { kind: 's3'; spec: Record<string, unknown> };
}

/** app.yaml: a small, documented form (see the header); values in the internal spec's units. */
export function readAppYaml(text: string, p: Problems): AppYaml | undefined {
  const yml = readSettingsYaml(text, p, new Set(['output']));
  if (!yml) return undefined;
  const app: AppYaml = { topicLoc: { line: 1, column: 1, endLine: 1, endColumn: 1 }, fields: {} };
  for (const s of yml.settings.values()) {
    if (!(APP_KEYS as readonly string[]).includes(s.key)) {
      const guess = closest(s.key, APP_KEYS);
      p.error(s.keyLoc, `unknown key \`${s.key}\` in app.yaml`, guess ? `did you mean \`${guess}\`?` : `app.yaml holds ${APP_KEYS.join(', ')}; Kafka settings go in consumer.properties`);
      continue;
    }
    if (s.key === 'subscribe') {
      const topics = Array.isArray(s.value) ? s.value : [s.value];
      if (topics.length !== 1 || typeof topics[0] !== 'string') p.error(s.valueLoc, 'the simulated app subscribes to one topic', 'subscribe: logs');
      else {
        app.topic = topics[0];
        app.topicLoc = s.valueLoc;
      }
    } else if (s.key === 'output') {
      const o = s.value as Record<string, Record<string, unknown>> | null;
      const es = o?.elasticsearch;
      const s3 = o?.s3;
      if (!o || typeof o !== 'object' || (!es && !s3) || Object.keys(o).length !== 1) p.error(s.valueLoc, 'output is one of elasticsearch: { hosts, index, document_id } or s3: { prefix }');
      else if (es) {
        const { hosts, ...rest } = es;
        const list = Array.isArray(hosts) ? hosts : typeof hosts === 'string' ? [hosts] : [];
        if (list.length === 0) p.error(s.valueLoc, 'output.elasticsearch needs hosts', 'hosts: ["http://elasticsearch:9200"]');
        app.output = { kind: 'elasticsearch', hosts: list.map((h) => parseHostPort(String(h), 9200)), loc: s.valueLoc, spec: rest };
      } else app.output = { kind: 's3', spec: s3 ?? {} };
    } else app.fields[s.key] = s.value;
  }
  if (app.topic === undefined) p.error(undefined, 'app.yaml needs `subscribe`: the topic the app reads', 'subscribe: logs');
  if (!app.output) p.error(undefined, 'app.yaml needs `output`: where the app writes', 'output: { elasticsearch: { hosts: ["http://elasticsearch:9200"], index: logs } }');
  return app;
}
