/**
 * A `type: logstash` node → logstash.yml (the settings that differ from Logstash's defaults) and
 * pipeline/main.conf in Logstash's own language: the inverse of simulator/config/logstash.
 */
import type { LogstashSpec, LogstashFilterSpec } from '../spec/schema/logstash.js';
import { refuse, type Refusal } from './refusal.js';
import { lines } from './text.js';
import type { HostNames } from './hosts.js';
import { REGION } from '../config/aws/resolve.js';

/** logstash.yml keys the simulator reads, with Logstash's defaults (simulator/config/logstash/settings.ts). */
const SETTINGS: readonly [keyof LogstashSpec, unknown][] = [
  ['pipeline.workers', 2],
  ['pipeline.batch.size', 125],
  ['pipeline.batch.delay', 50],
  ['queue.type', 'memory'],
  ['queue.max_events', 0],
  ['queue.checkpoint.acks', 1024],
  ['queue.checkpoint.writes', 1024],
  ['queue.checkpoint.interval', 1000],
  ['dead_letter_queue.enable', false],
];

/** The listening port of each input plugin (the Beats protocol's registered port for beats). */
export const INPUT_PORT: Record<LogstashSpec['input'], number> = { beats: 5044, tcp: 5000, udp: 5000 };

/** A Logstash string literal: double quotes, or single quotes when the text holds a double quote. */
function str(s: string, path: string, problems: Refusal[]): string {
  if (!s.includes('"')) return `"${s}"`;
  if (!s.includes("'")) return `'${s}'`;
  problems.push(refuse(path, `the value ${JSON.stringify(s)} holds both quote characters, which a Logstash string cannot (config.support_escapes is off)`, `값 ${JSON.stringify(s)}에 두 가지 따옴표가 모두 있어 Logstash 문자열로 쓸 수 없습니다(config.support_escapes 꺼짐)`));
  return '""';
}

export function writeLogstashYml(node: LogstashSpec): string {
  const set = SETTINGS.filter(([k, def]) => node[k] !== def).map(([k]) => `${k}: ${JSON.stringify(node[k])}`);
  if (node['dead_letter_queue.enable'] && node['dead_letter_queue.max_bytes'] !== 1_073_741_824) set.push(`dead_letter_queue.max_bytes: ${node['dead_letter_queue.max_bytes']}b`);
  return lines('# Logstash 8.15 settings; everything not written here keeps its default.', ...(set.length > 0 ? set : ['# (all defaults)']));
}

export function writePipelineConf(id: string, node: LogstashSpec, hosts: HostNames, problems: Refusal[]): string {
  const at = `nodes.${id}`;
  const s = (v: string, path: string) => str(v, `${at}.${path}`, problems);
  const list = (vs: readonly string[], path: string) => `[${vs.map((v) => s(v, path)).join(', ')}]`;
  const hash = (o: Record<string, string | readonly string[]>, path: string) =>
    `{ ${Object.entries(o).map(([k, v]) => `${s(k, path)} => ${typeof v === 'string' ? s(v, path) : list(v, path)}`).join(' ')} }`;

  const filter = (f: LogstashFilterSpec, i: number): string[] => {
    const path = `filter.${i}`;
    const [name, body] = Object.entries(f)[0] as [string, Record<string, unknown>];
    const opts: string[] = [];
    if ('grok' in f) {
      opts.push(`match => ${hash(f.grok.match, path)}`);
      if (JSON.stringify(f.grok.tag_on_failure) !== '["_grokparsefailure"]') opts.push(`tag_on_failure => ${list(f.grok.tag_on_failure, path)}`);
      if (!f.grok.break_on_match) opts.push('break_on_match => false');
    } else if ('date' in f) {
      opts.push(`match => ${list(f.date.match, path)}`);
      if (f.date.target !== '@timestamp') opts.push(`target => ${s(f.date.target, path)}`);
      if (JSON.stringify(f.date.tag_on_failure) !== '["_dateparsefailure"]') opts.push(`tag_on_failure => ${list(f.date.tag_on_failure, path)}`);
    } else if ('mutate' in f) {
      const m = f.mutate;
      if (m.rename) opts.push(`rename => ${hash(m.rename, path)}`);
      if (m.convert) opts.push(`convert => ${hash(m.convert, path)}`);
      if (m.remove_field) opts.push(`remove_field => ${list(m.remove_field, path)}`);
      if (m.add_field) opts.push(`add_field => ${hash(m.add_field, path)}`);
      if (m.add_tag) opts.push(`add_tag => ${list(m.add_tag, path)}`);
    } else if ('json' in f) opts.push(`source => ${s(f.json.source, path)}`);
    const plugin = opts.length === 0 ? [`${name} {}`] : [`${name} {`, ...opts.map((o) => `  ${o}`), '}'];
    const cond = body.if as string | undefined;
    return cond === undefined ? plugin : [`if ${cond} {`, ...plugin.map((l) => `  ${l}`), '}'];
  };

  const outputs: string[] = [];
  const o = node.output;
  if (o.elasticsearch) {
    const e = o.elasticsearch;
    outputs.push('elasticsearch {', `  hosts => ["http://${hosts.of(e.node)}:9200"]`, `  index => ${s(e.index, 'output.elasticsearch.index')}`);
    if (e.document_id !== undefined) outputs.push(`  document_id => ${s(e.document_id, 'output.elasticsearch.document_id')}`);
    if (e.action !== 'index') outputs.push(`  action => "${e.action}"`);
    outputs.push('}');
  }
  if (o.kafka) {
    const k = o.kafka;
    outputs.push('kafka {', `  bootstrap_servers => "${hosts.brokers().map((b) => `${b}:9092`).join(',')}"`, `  topic_id => ${s(k.topic_id, 'output.kafka.topic_id')}`, `  acks => "${k.acks}"`);
    if (k.retries !== undefined) outputs.push(`  retries => ${k.retries}`);
    if (k.message_key !== undefined) outputs.push(`  message_key => ${s(k.message_key, 'output.kafka.message_key')}`);
    if (k.batch_size !== 16384) outputs.push(`  batch_size => ${k.batch_size}`);
    if (k.linger_ms !== 5) outputs.push(`  linger_ms => ${k.linger_ms}`);
    if (k.codec === 'json') outputs.push('  codec => json');
    else if (k.codec !== 'plain') outputs.push(`  codec => plain { format => ${s(k.codec.plain.format, 'output.kafka.codec.plain.format')} }`);
    outputs.push('}');
  }
  if (o.s3) {
    // MinIO answers for the bucket at <bucket>.minio (compose.yaml gives it that alias), so the
    // plugin's default virtual-hosted-style addressing works unchanged.
    outputs.push('s3 {', '  bucket => "pipeline-lab"', '  region => "us-east-1"', '  endpoint => "http://minio:9000"', '  access_key_id => "minioadmin"', '  secret_access_key => "minioadmin"', `  prefix => ${s(o.s3.prefix, 'output.s3.prefix')}`, `  time_file => ${o.s3.time_file / 60_000}`, '}');
  }
  if (o.kinesis) {
    // logstash-output-kinesis (a community plugin: logstash-plugin install logstash-output-kinesis);
    // its KPL finds AWS credentials in the environment compose.yaml passes on. Options at the
    // plugin's defaults are left out, as the compiler assumes them (config/logstash/compile.ts).
    const k = o.kinesis;
    const path = 'output.kinesis';
    outputs.push('kinesis {', `  stream_name => ${s(hosts.stream(k.node), path)}`, `  region => ${s(k.region, path)}`);
    if (k.event_partition_keys.length > 0) outputs.push(`  event_partition_keys => ${list(k.event_partition_keys, path)}`);
    const defaults: readonly [keyof typeof k, unknown][] = [['randomized_partition_key', false], ['max_pending_records', 1000], ['record_ttl', 30_000], ['fail_if_throttled', false], ['record_max_buffered_time', 100], ['collection_max_count', 500], ['request_timeout', 6000]];
    for (const [key, def] of defaults) if (k[key] !== def) outputs.push(`  ${key} => ${String(k[key])}`);
    outputs.push('}');
    // The bundle deploys aws/template.yaml in the workspace's region: a KPL in another region finds no stream there.
    if (k.region !== REGION) problems.push(refuse(`${at}.output.kinesis.region`, `the bundle creates the streams in ${REGION} (aws/template.yaml): a kinesis output in ${k.region} would not find \`${hosts.stream(k.node)}\` there`, `번들은 스트림을 ${REGION}에 만듭니다(aws/template.yaml). ${k.region}의 kinesis 출력은 그곳에서 \`${hosts.stream(k.node)}\`를 찾지 못합니다`));
    if (k.stream_name !== undefined && k.stream_name !== hosts.stream(k.node)) problems.push(refuse(`${at}.output.kinesis.stream_name`, `the kinesis output writes to the stream its stream_name names: \`${k.stream_name}\` is not the stream of node \`${k.node}\` (\`${hosts.stream(k.node)}\`)`, `kinesis 출력은 stream_name이 가리키는 스트림에 씁니다. \`${k.stream_name}\`은 노드 \`${k.node}\`의 스트림(\`${hosts.stream(k.node)}\`)이 아닙니다`));
  }
  const indent = (ls: string[]) => ls.map((l) => `  ${l}`);
  // The worker time per event the spec gives is what the real sleep filter spends (simulator/config/logstash/compile.ts).
  const sleep = node['processing-time'] > 0 ? ['# Stands in for the per-event work of this pipeline (lookups, enrichment).', 'sleep {', `  time => "${node['processing-time'] / 1000}"`, '}'] : [];
  const filters = [...node.filter.flatMap(filter), ...sleep];
  return lines(
    `# Logstash 8.15 pipeline of ${id}, written from the simulator's spec.`,
    'input {',
    `  ${node.input} {`,
    `    port => ${INPUT_PORT[node.input]}`,
    '  }',
    '}',
    '',
    ...(filters.length > 0 ? ['filter {', ...indent(filters), '}', ''] : []),
    'output {',
    ...indent(outputs),
    '}',
  );
}
