/**
 * JSON Schemas of the real YAML files a workspace holds, for the editor's completion and hover
 * (monaco-yaml). They are written from the same declarations the compiler validates with —
 * Filebeat's settings (config/filebeat/settings.ts), logstash.yml's (config/logstash/settings.ts)
 * and the world's keys (the pipeline schema's) — so the docs a learner hovers are the ones the
 * checker enforces. Validation itself stays with the simulator's checker (exact messages, hints).
 */
import { GENERAL, INPUT_SETTINGS, KNOWN_PROCESSORS, OUTPUTS, type FilebeatSetting } from '../config/filebeat/settings.js';
import { LOGSTASH_SETTINGS } from '../config/logstash/settings.js';
import { WORLD_KEYS } from '../config/workspace/world.js';
import { pipelineJsonSchema } from '../spec/json-schema.js';

export interface ConfigSchema {
  uri: string;
  /** Globs of the file names it applies to (monaco-yaml's `fileMatch`). */
  fileMatch: string[];
  schema: Record<string, unknown>;
}

type Json = Record<string, unknown>;

const shownDefault = (d: unknown) => (d === undefined || d === null ? '' : ` Default: \`${typeof d === 'string' ? d : JSON.stringify(d)}\`.`);

function typeOf(kind: FilebeatSetting['kind']): Json {
  if (Array.isArray(kind)) return { enum: kind };
  switch (kind) {
    case 'duration':
      return { type: ['string', 'integer'], pattern: '^\\d+(ns|us|ms|s|m|h)?$' };
    case 'positive':
      return { type: 'integer', minimum: 1 };
    case 'nonnegative':
      return { type: 'integer', minimum: 0 };
    case 'boolean':
      return { type: 'boolean' };
    case 'string':
      return { type: 'string' };
    case 'hosts':
      return { type: 'array', items: { type: 'string' } };
    default:
      return {};
  }
}

function setting(decl: FilebeatSetting, simulated?: boolean): Json {
  const note = simulated === false ? ' (accepted; not simulated)' : '';
  const text = `${decl.doc}${shownDefault(decl.default)}${note}`;
  return { ...typeOf(decl.kind), description: text, markdownDescription: text, ...(decl.default !== undefined ? { default: decl.default } : {}) };
}

function settings(table: Readonly<Record<string, FilebeatSetting>>): Json {
  return Object.fromEntries(Object.entries(table).map(([k, d]) => [k, setting(d)]));
}

/** filebeat.yml (Filebeat 8.15): inputs, outputs, queue, registry, processors. */
export function filebeatJsonSchema(): Json {
  const inputProps = { ...settings(INPUT_SETTINGS.log), ...settings(INPUT_SETTINGS.filestream) };
  const processors = Object.fromEntries(
    KNOWN_PROCESSORS.map((name) => {
      const doc =
        name === 'add_id' ? 'Gives each event a unique id in `@metadata._id` (time, a per-process counter, the host): a resent event keeps it, a re-read line gets a new one.'
        : name === 'fingerprint' ? 'Hashes `fields` (e.g. `log.file.path`, `log.offset`, `message`) into `target_field`: every read of a line gets the same id.'
        : `The ${name} processor (accepted; not simulated).`;
      return [name, { description: doc, markdownDescription: doc }];
    }),
  );
  const output = (name: string, doc: string): Json => ({ type: 'object', description: doc, markdownDescription: doc, properties: settings(OUTPUTS[name]!) });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'filebeat.yml',
    type: 'object',
    properties: {
      'filebeat.inputs': {
        type: 'array',
        description: 'The inputs: each reads the files its `paths` globs match (`filestream`, or the older `log`).',
        items: { type: 'object', properties: inputProps, required: ['type'] },
      },
      'output.logstash': output('logstash', 'Ship to Logstash beats inputs (`hosts: ["logstash:5044"]`); at-least-once: a batch is resent until acknowledged.'),
      'output.kafka': output('kafka', 'Ship to a Kafka topic (`hosts`, `topic`, `required_acks`).'),
      'output.elasticsearch': output('elasticsearch', 'Index straight into Elasticsearch (`hosts`, `index`).'),
      processors: { type: 'array', description: 'Processors run on every event before the output.', items: { type: 'object', properties: processors } },
      ...settings(GENERAL),
    },
  };
}

/** logstash.yml (Logstash 8.x): queue, pipeline workers and batches, dead letter queue. */
export function logstashYmlJsonSchema(): Json {
  const props = Object.fromEntries(
    Object.entries(LOGSTASH_SETTINGS).map(([k, d]) => {
      const kind = d.kind === 'bytes' ? 'string' : d.kind;
      return [k, setting({ kind, doc: d.doc, default: d.default ?? undefined }, d.simulated)];
    }),
  );
  return { $schema: 'http://json-schema.org/draft-07/schema#', title: 'logstash.yml', type: 'object', properties: props, additionalProperties: false };
}

/** world.yaml: the pipeline schema's world keys, with `workload.logs` (files written per server). */
export function worldJsonSchema(): Json {
  const pipeline = pipelineJsonSchema() as { properties?: Record<string, Json>; definitions?: Json; $defs?: Json };
  const props: Record<string, Json> = {};
  for (const key of WORLD_KEYS) if (pipeline.properties?.[key]) props[key] = pipeline.properties[key]!;
  const workload = (props.workload ?? { type: 'object', properties: {} }) as { properties?: Record<string, Json> };
  const logs = 'The log files each server writes: `web1: [/var/log/apache2/access.log]`. A Filebeat on that server must read each of them.';
  props.workload = { ...workload, properties: { ...(workload.properties ?? {}), logs: { type: 'object', description: logs, markdownDescription: logs, additionalProperties: { type: 'array', items: { type: 'string' } } } } };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'world.yaml',
    type: 'object',
    properties: props,
    ...(pipeline.definitions ? { definitions: pipeline.definitions } : {}),
    ...(pipeline.$defs ? { $defs: pipeline.$defs } : {}),
  };
}

export function configSchemas(): ConfigSchema[] {
  return [
    { uri: 'https://pipeline-lab.local/filebeat.schema.json', fileMatch: ['**/filebeat.yml'], schema: filebeatJsonSchema() },
    { uri: 'https://pipeline-lab.local/logstash-yml.schema.json', fileMatch: ['**/logstash.yml'], schema: logstashYmlJsonSchema() },
    { uri: 'https://pipeline-lab.local/world.schema.json', fileMatch: ['**/world.yaml'], schema: worldJsonSchema() },
  ];
}
