/**
 * JSON Schemas of the real YAML files a workspace holds, for the editor's completion and hover
 * (monaco-yaml). They are written from the same declarations the compiler validates with —
 * Filebeat's settings (config/filebeat/settings.ts), logstash.yml's (config/logstash/settings.ts)
 * and the world's keys (the pipeline schema's) — so the docs a learner hovers are the ones the
 * checker enforces. Validation itself stays with the simulator's checker (exact messages, hints).
 * Each builder takes the page's language: every doc has a Korean twin beside its English, and the
 * English output stays exactly what it was (AUTHORING.md and the schema files are made from it).
 */
import { GENERAL, INPUT_SETTINGS, KNOWN_PROCESSORS, OUTPUTS, type FilebeatSetting } from '../config/filebeat/settings.js';
import { LOGSTASH_SETTINGS } from '../config/logstash/settings.js';
import { WORLD_KEYS } from '../config/workspace/world.js';
import { pipelineJsonSchema, type DocLang } from '../spec/json-schema.js';

export type { DocLang } from '../spec/json-schema.js';

export interface ConfigSchema {
  uri: string;
  /** Globs of the file names it applies to (monaco-yaml's `fileMatch`). */
  fileMatch: string[];
  schema: Record<string, unknown>;
}

type Json = Record<string, unknown>;

const shownValue = (d: unknown) => `\`${typeof d === 'string' ? d : JSON.stringify(d)}\``;
const shownDefault = (d: unknown, lang: DocLang) => (d === undefined || d === null ? '' : lang === 'ko' ? ` (기본값: ${shownValue(d)})` : ` Default: ${shownValue(d)}.`);
const NOT_SIMULATED: Record<DocLang, string> = { en: ' (accepted; not simulated)', ko: ' (허용됨, 시뮬레이션하지 않음)' };

/** A doc in the page's language: `{ en, ko }` pairs are written side by side below. */
const pick = (doc: { en: string; ko: string }, lang: DocLang) => (lang === 'ko' ? doc.ko : doc.en);
const described = (text: string): Json => ({ description: text, markdownDescription: text });

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

function setting(decl: FilebeatSetting, lang: DocLang, simulated?: boolean): Json {
  const note = simulated === false ? NOT_SIMULATED[lang] : '';
  const text = `${pick({ en: decl.doc, ko: decl.ko }, lang)}${shownDefault(decl.default, lang)}${note}`;
  return { ...typeOf(decl.kind), description: text, markdownDescription: text, ...(decl.default !== undefined ? { default: decl.default } : {}) };
}

function settings(table: Readonly<Record<string, FilebeatSetting>>, lang: DocLang): Json {
  return Object.fromEntries(Object.entries(table).map(([k, d]) => [k, setting(d, lang)]));
}

/** filebeat.yml (Filebeat 8.15): inputs, outputs, queue, registry, processors. */
export function filebeatJsonSchema(lang: DocLang = 'en'): Json {
  const inputProps = { ...settings(INPUT_SETTINGS.log, lang), ...settings(INPUT_SETTINGS.filestream, lang) };
  const processors = Object.fromEntries(
    KNOWN_PROCESSORS.map((name) => {
      const doc =
        name === 'add_id'
          ? pick({
              en: 'Gives each event a unique id in `target_field` (default `@metadata._id`; time, a per-process counter, the host): a resent event keeps it, a re-read line gets a new one.',
              ko: '이벤트마다 고유 ID(시각, 프로세스별 카운터, 호스트)를 `target_field`(기본값 `@metadata._id`)에 붙입니다. 다시 보낸 이벤트는 같은 ID를 유지하고, 다시 읽은 줄은 새 ID를 받습니다.',
            }, lang)
          : name === 'fingerprint'
            ? pick({
                en: 'Hashes `fields` (e.g. `log.file.path`, `log.offset`, `message`) into `target_field` (default `fingerprint`; set `"@metadata._id"` for the document _id): every read of a line gets the same id.',
                ko: '`fields`(예: `log.file.path`, `log.offset`, `message`)를 해시해 `target_field`에 씁니다(기본값 `fingerprint`, 도큐먼트 _id로 쓰려면 `"@metadata._id"`). 같은 줄은 몇 번을 읽어도 같은 ID를 받습니다.',
              }, lang)
            : pick({ en: `The ${name} processor (accepted; not simulated).`, ko: `\`${name}\` 프로세서${NOT_SIMULATED.ko}` }, lang);
      return [name, described(doc)];
    }),
  );
  const output = (name: string, doc: { en: string; ko: string }): Json => ({ type: 'object', ...described(pick(doc, lang)), properties: settings(OUTPUTS[name]!, lang) });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'filebeat.yml',
    type: 'object',
    properties: {
      'filebeat.inputs': {
        type: 'array',
        description: pick({
          en: 'The inputs: each reads the files its `paths` globs match (`filestream`, or the older `log`).',
          ko: '입력 목록입니다. 각 입력은 `paths`의 glob 패턴에 맞는 파일을 읽습니다(`filestream`, 또는 예전 방식인 `log`).',
        }, lang),
        items: { type: 'object', properties: inputProps, required: ['type'] },
      },
      'output.logstash': output('logstash', {
        en: 'Ship to Logstash beats inputs (`hosts: ["logstash:5044"]`); at-least-once: a batch is resent until acknowledged.',
        ko: 'Logstash의 beats 입력으로 보냅니다(`hosts: ["logstash:5044"]`). 최소 한 번(at-least-once) 전달이라 ack를 받을 때까지 배치를 다시 보냅니다.',
      }),
      'output.kafka': output('kafka', { en: 'Ship to a Kafka topic (`hosts`, `topic`, `required_acks`).', ko: 'Kafka 토픽으로 보냅니다(`hosts`, `topic`, `required_acks`).' }),
      'output.elasticsearch': output('elasticsearch', { en: 'Index straight into Elasticsearch (`hosts`, `index`).', ko: 'Elasticsearch에 바로 색인합니다(`hosts`, `index`).' }),
      processors: {
        type: 'array',
        description: pick({ en: 'Processors run on every event before the output.', ko: '출력으로 보내기 전에 모든 이벤트에 실행하는 프로세서' }, lang),
        items: { type: 'object', properties: processors },
      },
      ...settings(GENERAL, lang),
    },
  };
}

/** logstash.yml (Logstash 8.x): queue, pipeline workers and batches, dead letter queue. */
export function logstashYmlJsonSchema(lang: DocLang = 'en'): Json {
  const props = Object.fromEntries(
    Object.entries(LOGSTASH_SETTINGS).map(([k, d]) => {
      const kind = d.kind === 'bytes' ? 'string' : d.kind;
      return [k, setting({ kind, doc: d.doc, ko: d.ko, default: d.default ?? undefined }, lang, d.simulated)];
    }),
  );
  return { $schema: 'http://json-schema.org/draft-07/schema#', title: 'logstash.yml', type: 'object', properties: props, additionalProperties: false };
}

/** world.yaml: the pipeline schema's world keys, with `workload.logs` (files written per server). */
export function worldJsonSchema(lang: DocLang = 'en'): Json {
  const pipeline = pipelineJsonSchema(lang) as { properties?: Record<string, Json>; definitions?: Json; $defs?: Json };
  const props: Record<string, Json> = {};
  for (const key of WORLD_KEYS) if (pipeline.properties?.[key]) props[key] = pipeline.properties[key]!;
  const workload = (props.workload ?? { type: 'object', properties: {} }) as { properties?: Record<string, Json> };
  const logs = pick({
    en: 'The log files each server writes: `web1: [/var/log/apache2/access.log]`. A Filebeat on that server must read each of them.',
    ko: '서버마다 쓰는 로그 파일입니다(`web1: [/var/log/apache2/access.log]`). 그 서버의 Filebeat가 이 파일을 모두 읽어야 합니다.',
  }, lang);
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

export function configSchemas(lang: DocLang = 'en'): ConfigSchema[] {
  return [
    { uri: 'https://pipeline-lab.local/filebeat.schema.json', fileMatch: ['**/filebeat.yml'], schema: filebeatJsonSchema(lang) },
    { uri: 'https://pipeline-lab.local/logstash-yml.schema.json', fileMatch: ['**/logstash.yml'], schema: logstashYmlJsonSchema(lang) },
    { uri: 'https://pipeline-lab.local/world.schema.json', fileMatch: ['**/world.yaml'], schema: worldJsonSchema(lang) },
  ];
}
