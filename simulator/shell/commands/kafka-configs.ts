/**
 * `kafka-configs --describe / --alter` for topics and brokers, printed as kafka-configs.sh prints
 * them: "Dynamic configs for topic logs are:" and one `name=value sensitive=false synonyms={…}` line
 * per config. Without --all only configs set on the entity itself are listed (for a topic, what the
 * spec set on it, as `kafka-topics --create --config` would have). --alter changes this terminal's
 * view of the configs only: the run is over and nothing here runs it again.
 */
import { ok, fail, NO_RUN, emptySession, type Command, type ShellOutput, type ShellSession } from '../types.js';
import { parseOptions } from '../tokenize.js';
import { kafkaClusters } from '../view.js';
import type { NodeSpecOf } from '../../spec/schema/pipeline.js';
import {
  BROKER_DEFAULT,
  brokerConfigs,
  entityKey,
  formatEntry,
  isDynamicBrokerConfig,
  isKnownBrokerConfig,
  KNOWN_TOPIC_CONFIGS,
  topicConfigs,
  type ConfigEntry,
} from './kafka-config-model.js';

const USAGE = [
  'kafka-configs --describe [--all] --entity-type topics|brokers [--entity-name <name> | --entity-default]',
  'kafka-configs --alter --entity-type topics|brokers (--entity-name <name> | --entity-default) [--add-config k1=v1,k2=v2] [--delete-config k1,k2]',
  '  (--topic <name>, --broker <id> and --broker-defaults are short for the entity options)',
  '  --alter changes what this terminal shows (kafka-configs --describe), not the run: the pipeline',
  '  is not run again. To see a setting act, put it in pipeline.yaml and press Run.',
].join('\n');

type EntityType = 'topics' | 'brokers';

/** `--add-config 'a=1,b=[x,y]'`: square brackets group values that contain commas, as in the real tool. */
function parseAdd(raw: string): Map<string, string> | string {
  const out = new Map<string, string>();
  for (const part of raw.match(/[^,[\]]+(?:\[[^\]]*\])?[^,]*/g) ?? []) {
    const i = part.indexOf('=');
    if (i <= 0) return `Invalid entity config: all configs to be added must be in the format "key=val".`;
    out.set(part.slice(0, i).trim(), part.slice(i + 1).trim().replace(/^\[(.*)\]$/, '$1'));
  }
  return out;
}

export const kafkaConfigs: Command = {
  name: 'kafka-configs',
  summary: 'describe or alter topic and broker configs (dynamic, static, defaults); --alter changes this terminal only',
  usage: USAGE,
  run(args, { handle, session }) {
    if (!handle) return fail(NO_RUN);
    const o = parseOptions(args, ['describe', 'alter', 'all', 'entity-default', 'broker-defaults', 'force']);
    if (o.errors.length) return fail(o.errors.join('\n'));
    const found = kafkaClusters(handle)[0];
    if (!found) return fail('kafka-configs: this pipeline has no Kafka cluster.');
    const spec = handle.spec.nodes[found.id] as NodeSpecOf<'kafka'>;
    const desc = found.cluster.describe();
    const describe = o.flags.has('describe');
    const alter = o.flags.has('alter');
    if (describe === alter) return fail(`Command must include exactly one action: --describe, --alter\nusage: ${USAGE}`);

    let type = o.values.get('entity-type') as EntityType | undefined;
    let name = o.values.get('entity-name');
    if (o.values.has('topic')) [type, name] = ['topics', o.values.get('topic')];
    if (o.values.has('broker')) [type, name] = ['brokers', o.values.get('broker')];
    const isDefault = o.flags.has('entity-default') || o.flags.has('broker-defaults');
    if (o.flags.has('broker-defaults')) type = 'brokers';
    if (type === undefined) return fail(`--entity-type must be specified\nusage: ${USAGE}`);
    if (type !== 'topics' && type !== 'brokers') return fail(`kafka-configs: entity type ${type} is not modelled here; use topics or brokers.`);
    if (isDefault) {
      if (type === 'topics') return fail('--entity-default is not supported for entity type topics');
      name = BROKER_DEFAULT;
    }
    if (name !== undefined && type === 'brokers' && name !== BROKER_DEFAULT) {
      if (!/^-?\d+$/.test(name)) return fail(`The entity name for brokers must be a valid integer broker id, found: ${name}`);
      if (!desc.brokers.some((b) => String(b.id) === name)) return fail(`Error while executing config command with args '${args.join(' ')}'\njava.util.concurrent.TimeoutException: broker ${name} is not in this cluster (brokers: ${desc.brokers.map((b) => b.id).join(', ')})`);
    }
    const topics = desc.topics.map((t) => t.topic);
    if (name !== undefined && type === 'topics' && !topics.includes(name)) {
      return fail(`Error while executing config command with args '${args.join(' ')}'\norg.apache.kafka.common.errors.UnknownTopicOrPartitionException: The topic '${name}' does not exist.`);
    }

    if (describe) {
      const all = o.flags.has('all');
      const names = name !== undefined ? [name] : type === 'topics' ? topics : [...desc.brokers.map((b) => String(b.id)), BROKER_DEFAULT];
      const blocks = names.map((n) => {
        let entries: ConfigEntry[];
        let head: string;
        if (type === 'topics') {
          entries = topicConfigs(spec, n, session);
          head = `${all ? 'All' : 'Dynamic'} configs for topic ${n} are:`;
        } else {
          entries = brokerConfigs(spec, n, session);
          head = n === BROKER_DEFAULT ? 'Default configs for brokers in the cluster are:' : `${all ? 'All' : 'Dynamic'} configs for broker ${n} are:`;
        }
        // Without --all: only what is set on this very entity (its dynamic source).
        const own = type === 'topics' ? 'DYNAMIC_TOPIC_CONFIG' : n === BROKER_DEFAULT ? 'DYNAMIC_DEFAULT_BROKER_CONFIG' : 'DYNAMIC_BROKER_CONFIG';
        const shown = all ? entries : entries.filter((e) => e.synonyms[0]?.source === own);
        return [head, ...shown.map(formatEntry)].join('\n');
      });
      return ok(blocks.join('\n'));
    }

    if (name === undefined) return fail('an entity name must be specified with --alter of topics; --entity-name or --entity-default must be specified with --alter of brokers');
    const add = o.values.has('add-config') ? parseAdd(o.values.get('add-config')!) : new Map<string, string>();
    if (typeof add === 'string') return fail(add);
    const del = (o.values.get('delete-config') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (add.size === 0 && del.length === 0) return fail('At least one of --add-config or --delete-config must be specified with --alter');
    return alterEntity(type, name, add, del, handle, session, args);
  },
  complete(args, { handle }) {
    const prev = args[args.length - 1];
    if (prev === '--entity-type') return ['topics', 'brokers'];
    if ((prev === '--entity-name' || prev === '--topic') && handle) return kafkaClusters(handle).flatMap(({ cluster }) => cluster.describe().topics.map((t) => t.topic));
    if (prev === '--add-config' || prev === '--delete-config') return [...KNOWN_TOPIC_CONFIGS].map((c) => (prev === '--add-config' ? `${c}=` : c));
    return ['--describe', '--alter', '--all', '--entity-type', '--entity-name', '--entity-default', '--add-config', '--delete-config', '--bootstrap-server', '--topic', '--broker'];
  },
};

function alterEntity(
  type: EntityType,
  name: string,
  add: ReadonlyMap<string, string>,
  del: readonly string[],
  handle: NonNullable<Parameters<Command['run']>[1]['handle']>,
  session: ShellSession | undefined,
  args: readonly string[],
): ShellOutput {
  const errorHead = `Error while executing config command with args '${args.join(' ')}'`;
  const key = entityKey(type, name);
  const base = session ?? emptySession(handle);
  const current = new Map(base.configs.get(key) ?? []);
  if (type === 'topics') {
    const unknown = [...add.keys()].find((k) => !KNOWN_TOPIC_CONFIGS.has(k));
    if (unknown !== undefined) return fail(`${errorHead}\norg.apache.kafka.common.errors.InvalidConfigurationException: Unknown topic config name: ${unknown}`);
  } else {
    const readOnly = [...add.keys(), ...del].filter((k) => !isDynamicBrokerConfig(k));
    if (readOnly.length) {
      const what = readOnly.every(isKnownBrokerConfig) ? `Cannot update these configs dynamically: Set(${readOnly.join(', ')})` : `Unknown broker config name(s): ${readOnly.join(', ')}`;
      return fail(`${errorHead}\norg.apache.kafka.common.errors.InvalidRequestException: Invalid config value for resource ConfigResource(type=BROKER, name='${name === BROKER_DEFAULT ? '' : name}'): ${what}`);
    }
  }
  // Only what was set on the entity can be deleted (spec-set topic configs count: they are dynamic).
  const spec = handle.spec.nodes[kafkaClusters(handle)[0]!.id] as NodeSpecOf<'kafka'>;
  const setNow = type === 'topics' ? topicConfigs(spec, name, session).filter((e) => e.synonyms[0]?.source === 'DYNAMIC_TOPIC_CONFIG').map((e) => e.name) : [...current].filter(([, v]) => v !== null).map(([k]) => k);
  const invalid = del.filter((k) => !setNow.includes(k) && (current.get(k) ?? null) === null);
  if (invalid.length) return fail(`${errorHead}\norg.apache.kafka.common.errors.InvalidConfigurationException: Invalid config(s): ${invalid.join(',')}`);
  for (const [k, v] of add) current.set(k, v);
  // A deleted config falls back to the broker's value; one the spec set is masked with null.
  for (const k of del) current.set(k, null);
  const configs = new Map(base.configs);
  configs.set(key, current);
  const next: ShellSession = { ...base, configs };
  const done = name === BROKER_DEFAULT ? 'Completed updating default config for brokers in the cluster.' : `Completed updating config for ${type.slice(0, -1)} ${name}.`;
  return { text: done, status: 0, session: next };
}
