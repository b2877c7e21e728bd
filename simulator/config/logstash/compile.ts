/**
 * Checked plugins → the parts of the internal spec's `type: logstash` node (DESIGN §3) that come
 * from the pipeline file, plus the addresses it listens on and writes to, for the workspace to
 * wire into a topology. A valid plugin or option the simulator does not model is a warning.
 */
import { compileCondition } from '../../nodes/logstash/conditional.js';
import type { Loc } from './ast.js';
import type { CheckedPlugin, Setting } from './validate.js';
import type { Plain } from './values.js';
import type { Problems } from '../shared/issues.js';
import { parseHostPort, type HostPort } from '../shared/hosts.js';

export interface Listener { plugin: 'beats' | 'tcp' | 'udp'; port: number; loc: Loc }

export interface CompiledOutputs {
  elasticsearch?: { hosts: HostPort[]; loc: Loc; index: string; document_id?: string; action: 'index' | 'create' };
  kafka?: { servers: HostPort[]; loc: Loc; topic_id: string; acks: '0' | '1' | 'all'; retries?: number; message_key?: string; batch_size: number; linger_ms: number; codec: KafkaCodec };
  s3?: { loc: Loc; bucket: string; prefix: string; time_file: number };
  /** The internal spec's `output.kinesis` options, except `node` (the workspace finds the stream by name). */
  kinesis?: { loc: Loc; stream_name: string; settings: Record<string, unknown> };
}

/** The internal spec's `output.kafka.codec`. */
export type KafkaCodec = 'plain' | 'json' | { plain: { format: string } };

export interface CompiledPipeline {
  listeners: Listener[];
  /** Internal-spec filter entries, in order, each with its flattened `if`. */
  filter: Record<string, Record<string, unknown>>[];
  outputs: CompiledOutputs;
  /** Time a worker spends per event in `sleep` filters (ms, averaged over `every`): the node's `processing-time`. */
  sleepMsPerEvent: number;
}

/** Options that change nothing the simulation can observe (ids, metrics, field naming). */
const INERT = new Set(['id', 'enable_metric', 'ecs_compatibility', 'codec', 'periodic_flush', 'host', 'type', 'tags', 'ssl_enabled', 'user', 'password', 'api_key', 'manage_template', 'template_name', 'ilm_enabled', 'http_compression', 'client_id', 'region', 'endpoint', 'access_key_id', 'secret_access_key', 'temporary_directory', 'client_inactivity_timeout', 'include_codec_tag', 'executor_threads', 'event_loop_threads', 'enrich', 'security_protocol']);

const str = (s: Setting | undefined): string | undefined => (s === undefined ? undefined : String(s.value));
const num = (s: Setting | undefined): number | undefined => (typeof s?.value === 'number' ? s.value : undefined);
const strings = (s: Setting | undefined): string[] | undefined => (Array.isArray(s?.value) ? s.value.map(String) : undefined);

export function compilePipeline(plugins: readonly CheckedPlugin[], problems: Problems): CompiledPipeline {
  const compiled: CompiledPipeline = { listeners: [], filter: [], outputs: {}, sleepMsPerEvent: 0 };
  for (const p of plugins) {
    if (!p.decl) continue; // a bundled plugin we do not model: already warned about
    if (!p.decl.simulated) {
      problems.warn(p.loc, `the ${p.name} ${p.kind} plugin is valid but not simulated: the simulation leaves it out`);
      continue;
    }
    if (p.kind === 'input') compileInput(p, compiled, problems);
    else if (p.kind === 'filter') compileFilter(p, compiled, problems);
    else compileOutput(p, compiled, problems);
  }
  return compiled;
}

function ignoreRest(p: CheckedPlugin, used: readonly string[], problems: Problems): void {
  for (const [name, s] of p.settings) {
    if (used.includes(name) || INERT.has(name)) continue;
    problems.warn(s.loc, `'${name}' of ${p.name} is valid but not simulated: the simulation runs as if it were not set`);
  }
}

function compileInput(p: CheckedPlugin, compiled: CompiledPipeline, problems: Problems): void {
  if (p.conditions.length > 0) return; // the grammar has no conditionals in inputs
  const port = num(p.settings.get('port'));
  if (port === undefined) return;
  if (compiled.listeners.length > 0) problems.warn(p.loc, `a second input is not simulated: the simulation feeds this pipeline through the first input only`);
  else compiled.listeners.push({ plugin: p.name as Listener['plugin'], port, loc: p.settings.get('port')!.loc });
  ignoreRest(p, ['port'], problems);
}

/** The internal `if` of a plugin under conditions, or undefined when the simulator cannot evaluate it. */
function conditionOf(p: CheckedPlugin, problems: Problems): { if?: string } | undefined {
  if (p.conditions.length === 0) return {};
  const text = p.conditions.join(' and ');
  try {
    compileCondition(text);
  } catch (error) {
    problems.warn(p.loc, `the condition around this ${p.name} is valid but not simulated (${(error as Error).message}): the simulation leaves the plugin out`, 'simulated conditions compare fields, strings, numbers and lists with == != < > <= >= =~ !~ in, not in, and, or, xor, nand, !');
    return undefined;
  }
  return { if: text };
}

const FILTER_OPTIONS: Record<string, readonly string[]> = {
  grok: ['match', 'tag_on_failure', 'break_on_match'],
  date: ['match', 'target', 'tag_on_failure'],
  mutate: ['rename', 'convert', 'remove_field', 'add_field', 'add_tag'],
  json: ['source'],
  drop: [],
};

/**
 * `sleep { time => "0.02" }` blocks the worker thread for that long per event (every Nth event
 * with `every`): the simulation charges it to the worker as processing time, averaged over
 * `every`. Only a fixed time on every matching event is modelled.
 */
function compileSleep(p: CheckedPlugin, compiled: CompiledPipeline, problems: Problems): void {
  const seconds = Number(str(p.settings.get('time')));
  const every = Number(str(p.settings.get('every')) ?? '1');
  if (p.conditions.length > 0 || p.settings.get('replay')?.value === true || !Number.isFinite(seconds) || seconds < 0 || !Number.isInteger(every) || every < 1) {
    problems.warn(p.loc, 'this sleep is valid but not simulated: the simulation models a fixed `time` in seconds on every event (optionally `every` N events), outside conditionals and without `replay`');
    return;
  }
  compiled.sleepMsPerEvent += (seconds * 1000) / every;
  ignoreRest(p, ['time', 'every', 'replay'], problems);
}

function compileFilter(p: CheckedPlugin, compiled: CompiledPipeline, problems: Problems): void {
  if (p.name === 'sleep') return compileSleep(p, compiled, problems);
  const cond = conditionOf(p, problems);
  if (!cond) return;
  const used = FILTER_OPTIONS[p.name] ?? [];
  const body: Record<string, unknown> = {};
  for (const name of used) {
    const s = p.settings.get(name);
    if (s !== undefined) body[name] = s.value;
  }
  if (p.name === 'grok') {
    const defs = p.settings.get('pattern_definitions');
    if (defs && Object.keys(defs.value as object).length > 0) problems.warn(defs.loc, 'pattern_definitions is valid but not simulated: patterns are matched with the built-in pattern set only');
    if (body.match === undefined || Object.keys(body.match as object).length === 0) {
      problems.warn(p.loc, 'this grok has no `match`: it does nothing');
      return;
    }
  }
  if (p.name === 'mutate' && body.convert) {
    for (const [field, type] of Object.entries(body.convert as Record<string, Plain>)) {
      if (!['integer', 'float', 'string', 'boolean'].includes(String(type))) {
        problems.warn(p.settings.get('convert')!.loc, `mutate convert to '${String(type)}' (${field}) is valid but not simulated`, 'simulated: integer, float, string, boolean');
        delete (body.convert as Record<string, Plain>)[field];
      }
    }
  }
  if (p.name === 'json' && body.source === undefined) return;
  if (p.name === 'drop') {
    const pct = num(p.settings.get('percentage'));
    if (pct !== undefined && pct !== 100) problems.warn(p.settings.get('percentage')!.loc, 'drop percentage is valid but not simulated: every matching event is dropped');
  }
  ignoreRest(p, [...used, 'pattern_definitions', 'percentage'], problems);
  compiled.filter.push({ [p.name]: { ...body, ...cond } });
}

function compileOutput(p: CheckedPlugin, compiled: CompiledPipeline, problems: Problems): void {
  if (p.conditions.length > 0) problems.warn(p.loc, 'a conditional output is valid but not simulated: the simulation sends every event to it');
  const name = p.name as keyof CompiledOutputs;
  if (compiled.outputs[name]) {
    problems.warn(p.loc, `a second ${p.name} output is not simulated: the simulation keeps the first`);
    return;
  }
  const s = (k: string) => p.settings.get(k);
  if (name === 'elasticsearch') {
    // Default hosts ["//127.0.0.1"] (logstash-output-elasticsearch api_configs.rb): port 9200.
    const hostsSetting = s('hosts');
    const list = strings(hostsSetting) ?? ['//127.0.0.1'];
    const action = str(s('action')) ?? 'index';
    if (action !== 'index' && action !== 'create') problems.warn(s('action')!.loc, `action '${action}' is valid but not simulated`, 'simulated actions: index, create');
    compiled.outputs.elasticsearch = {
      hosts: list.map((h) => parseHostPort(h, 9200)),
      loc: hostsSetting?.loc ?? p.loc,
      index: str(s('index')) ?? 'logstash-%{+yyyy.MM.dd}',
      ...(s('document_id') ? { document_id: str(s('document_id'))! } : {}),
      action: action === 'create' ? 'create' : 'index',
    };
    ignoreRest(p, ['hosts', 'index', 'document_id', 'action', 'dlq_custom_codes', 'dlq_on_failed_indexname_interpolation'], problems);
  } else if (name === 'kafka') {
    const servers = s('bootstrap_servers');
    const acks = (str(s('acks')) ?? '1') as '0' | '1' | 'all';
    const retries = num(s('retries'));
    if (retries !== undefined && retries < 0) problems.error(s('retries')!.loc, `A negative retry count (${retries}) is not valid. Must be a value >= 0`);
    compiled.outputs.kafka = {
      servers: (str(servers) ?? 'localhost:9092').split(',').map((h) => parseHostPort(h.trim(), 9092)),
      loc: servers?.loc ?? p.loc,
      topic_id: str(s('topic_id'))!,
      acks,
      ...(retries !== undefined ? { retries } : {}),
      // No enable.idempotence here: the plugin never sets it, and the simulated client decides it from
      // acks and retries as kafka-clients does (nodes/logstash/kafka-producer-config.ts, SEMANTICS-2 §1.2).
      ...(s('message_key') ? { message_key: str(s('message_key'))! } : {}),
      batch_size: num(s('batch_size')) ?? 16384,
      linger_ms: num(s('linger_ms')) ?? 5,
      codec: kafkaCodec(s('codec'), problems),
    };
    ignoreRest(p, ['bootstrap_servers', 'topic_id', 'acks', 'retries', 'message_key', 'batch_size', 'linger_ms', 'retry_backoff_ms', 'request_timeout_ms', 'metadata_max_age_ms', 'codec'], problems);
  } else if (name === 'kinesis') {
    // The options the simulated KPL models, under the plugin's names and units (ms).
    const modelled = ['event_partition_keys', 'randomized_partition_key', 'max_pending_records', 'record_ttl', 'fail_if_throttled', 'record_max_buffered_time', 'collection_max_count', 'request_timeout'];
    const settings: Record<string, unknown> = { region: str(s('region'))! };
    for (const key of modelled) if (s(key) !== undefined) settings[key] = s(key)!.value;
    compiled.outputs.kinesis = { loc: s('stream_name')?.loc ?? p.loc, stream_name: str(s('stream_name'))!, settings };
    ignoreRest(p, ['stream_name', 'log_level', 'metrics_granularity', 'metrics_level', 'metrics_namespace', 'metrics_upload_delay', 'kinesis_endpoint', 'kinesis_port', 'role_arn', 'access_key', 'secret_key', ...modelled], problems);
  } else {
    // time_file is in minutes, default 15 (logstash-output-s3 4.4.1 lib/logstash/outputs/s3.rb); the internal
    // spec reads a plain number as minutes too, so it passes through unchanged.
    compiled.outputs.s3 = { loc: p.loc, bucket: str(s('bucket'))!, prefix: str(s('prefix')) ?? '', time_file: num(s('time_file')) ?? 15 };
    ignoreRest(p, ['bucket', 'prefix', 'time_file', 'restore', 'retry_count', 'retry_delay'], problems);
  }
}

/**
 * The kafka output's codec (default `plain`: outputs/kafka.rb `default :codec, 'plain'`). `json` and
 * `plain` (with its `format`) are modelled (core/event-codec.ts); `json_lines` writes the same JSON
 * with a newline and `line` the same text with one, which a record's reader does not tell apart.
 * Any other codec is simulated as `json`: the event's fields, never its @metadata.
 */
function kafkaCodec(setting: Setting | undefined, problems: Problems): KafkaCodec {
  if (setting === undefined) return 'plain';
  const v = setting.value;
  const [name, options] = typeof v === 'string' ? [v, {}] : v !== null && typeof v === 'object' && !Array.isArray(v) ? (Object.entries(v)[0] ?? ['plain', {}]) : ['plain', {}];
  if (name === 'json' || name === 'json_lines') return 'json';
  if (name === 'plain' || name === 'line') {
    const format = (options as Record<string, Plain>).format;
    return typeof format === 'string' ? { plain: { format } } : 'plain';
  }
  problems.warn(setting.loc, `codec ${String(name)} is valid but not simulated: the simulation writes each event as the json codec would (its fields, without @metadata)`, 'simulated codecs on the kafka output: plain (the default), json');
  return 'json';
}
