/**
 * An internal spec (a Lab pipeline, an exercise still written as pipeline.yaml) → a workspace of
 * real files that compiles back to the very same spec. What real files cannot say is refused with
 * the reason; and every workspace written is compiled again and compared with the spec, so an
 * export never runs differently from the pipeline it came from.
 */
import type { PipelineSpec, NodeSpec } from '../spec/schema/pipeline.js';
import { beatsOutputs } from '../spec/schema/beats.js';
import { compileWorkspace, FILEBEAT_NODE } from '../config/workspace/index.js';
import { KAFKA_NODE } from '../config/workspace/kafka.js';
import { refuse, type Refusal, type Written } from './refusal.js';
import { hostNames, WEB_HOST } from './hosts.js';
import { writeFilebeatYml } from './write-filebeat.js';
import { writeLogstashYml, writePipelineConf } from './write-logstash.js';
import { writeServerProperties, writeTopicsSh } from './write-kafka.js';
import { writeAppYaml, writeConsumerProperties, writeElasticsearchYml, writeIndexBodies } from './write-apps.js';
import { writeWorldYaml } from './write-world.js';
import { flinkRefusals, writeFlinkConfigYaml, writeFlinkVersions, writeJobSql, type DeployLine } from './write-flink.js';
import { firstDifference } from './compare.js';
import { writeBatch, withImplicitBatchDefaults } from './write-batch.js';
import { writeServingYaml } from './write-serving.js';
import { streamRefusals, writeAwsTemplate } from './write-aws.js';

/**
 * Node types the bundle cannot run. A Kinesis stream is written into aws/template.yaml and deployed
 * into the learner's account (write-aws.ts); what reads it outside Flink is not written yet.
 */
const NO_ENGINE: Partial<Record<NodeSpec['type'], [string, string]>> = {
  'kinesis-consumer': ['a Kinesis consumer needs Amazon Kinesis, which has no local engine to start', 'Kinesis 컨슈머는 Amazon Kinesis가 필요한데, 로컬에서 띄울 엔진이 없습니다'],
  firehose: ['Amazon Data Firehose is a managed AWS service with no local engine to start', 'Amazon Data Firehose는 AWS 관리형 서비스라 로컬에서 띄울 엔진이 없습니다'],
};

/** The ids the workspace compiler gives these node types; any other id would not come back. */
const FIXED_ID: Partial<Record<NodeSpec['type'], string>> = { beats: FILEBEAT_NODE, kafka: KAFKA_NODE, s3: 's3' };

function refusalsOf(spec: PipelineSpec): Refusal[] {
  const out: Refusal[] = [];
  const counts = new Map<string, number>();
  for (const [id, node] of Object.entries(spec.nodes)) {
    const at = `nodes.${id}`;
    const none = NO_ENGINE[node.type];
    if (none) out.push(refuse(at, none[0], none[1]));
    if (node.type === 'flink') out.push(...flinkRefusals(id, node));
    const fixed = FIXED_ID[node.type];
    if (fixed && id !== fixed) out.push(refuse(at, `as real files a ${node.type} node is always called \`${fixed}\` (rename \`${id}\` to \`${fixed}\` to export it)`, `실제 파일로 쓰면 ${node.type} 노드의 이름은 항상 \`${fixed}\`입니다(내보내려면 \`${id}\`를 \`${fixed}\`로 바꾸세요)`));
    counts.set(node.type, (counts.get(node.type) ?? 0) + 1);
    if (node.type !== 'beats' && node.type !== 'kafka' && node.type !== 's3' && id === WEB_HOST) out.push(refuse(at, `\`${WEB_HOST}\` is the web server that runs Filebeat in an export: rename this node`, `내보내기에서 \`${WEB_HOST}\`는 Filebeat가 도는 웹 서버 이름입니다. 이 노드의 이름을 바꾸세요`));
    if (node.type !== 'kafka' && /^kafka(-\d+)?$/.test(id)) out.push(refuse(at, `\`${id}\` is the name of a Kafka broker host in an export: rename this node`, `내보내기에서 \`${id}\`는 Kafka 브로커 호스트 이름입니다. 이 노드의 이름을 바꾸세요`));
  }
  out.push(...streamRefusals(spec));
  for (const type of ['beats', 'kafka'] as const) {
    if ((counts.get(type) ?? 0) > 1) out.push(refuse('nodes', `as real files all ${type === 'beats' ? 'Filebeats form one node' : 'brokers form one Kafka cluster'}: this pipeline has ${counts.get(type)}`, `실제 파일로 쓰면 ${type === 'beats' ? 'Filebeat는 모두 한 노드' : '브로커는 모두 한 Kafka 클러스터'}입니다. 이 파이프라인에는 ${counts.get(type)}개가 있습니다`));
  }
  return out;
}

/** Workspace files (path → text), sorted by path. */
export function specToWorkspace(spec: PipelineSpec): Written<Map<string, string>> {
  const early = refusalsOf(spec);
  if (early.length > 0) return { ok: false, refusals: early };
  const hosts = hostNames(spec);
  const problems: Refusal[] = [];
  const files = new Map<string, string>();
  let hasFilebeat = false;
  const deploys: DeployLine[] = [];
  for (const [id, node] of Object.entries(spec.nodes)) {
    if (node.type === 'beats') {
      hasFilebeat = true;
      const outputs = beatsOutputs(node);
      const target = spec.nodes[outputs[0]!];
      files.set(`${WEB_HOST}/filebeat.yml`, writeFilebeatYml(node, spec.workload, hosts, outputs, target?.type ?? ''));
    } else if (node.type === 'logstash') {
      files.set(`${id}/logstash.yml`, writeLogstashYml(node));
      files.set(`${id}/pipeline/main.conf`, writePipelineConf(id, node, hosts, problems));
    } else if (node.type === 'kafka') {
      const brokers = hosts.brokers();
      brokers.forEach((b, i) => files.set(`${b}/server.properties`, writeServerProperties(node, brokers, i)));
      if (Object.keys(node.topics).length > 0) files.set(`${brokers[0]}/topics.sh`, writeTopicsSh(node, brokers));
    } else if (node.type === 'consumer') {
      files.set(`${id}/consumer.properties`, writeConsumerProperties(node, hosts));
      files.set(`${id}/app.yaml`, writeAppYaml(node, hosts));
    } else if (node.type === 'flink') {
      files.set(`${id}/config.yaml`, writeFlinkConfigYaml(id, node));
      files.set(`${id}/job.sql`, writeJobSql(id, node, hosts));
      const versions = writeFlinkVersions(id, node, hosts);
      for (const [path, text] of versions.files) files.set(path, text);
      deploys.push(...versions.deploys);
    } else if (node.type === 'elasticsearch') {
      files.set(`${id}/elasticsearch.yml`, writeElasticsearchYml(id));
      for (const [name, body] of writeIndexBodies(node)) files.set(`${id}/${name}`, body);
    } else if (node.type === 'batch') {
      const servedByLambda = Object.values(spec.nodes).some((n) => n.type === 'serving' && n.architecture === 'lambda' && n.batch === id);
      for (const [path, text] of writeBatch(id, node, problems, servedByLambda, deploys)) files.set(path, text);
    } else if (node.type === 'serving') {
      const yaml = writeServingYaml(id, node, spec, hosts, problems);
      if (yaml !== undefined) files.set(`${id}/serving.yaml`, yaml);
    }
  }
  const template = writeAwsTemplate(spec);
  if (template !== undefined) files.set('aws/template.yaml', template);
  files.set('world.yaml', writeWorldYaml(spec, hosts, hasFilebeat, deploys));
  if (problems.length > 0) return { ok: false, refusals: problems };
  const sorted = new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const back = compileWorkspace(sorted);
  if (!back.ok) {
    const e = back.errors[0]!;
    return { ok: false, refusals: [refuse(e.path, `the real files written for this pipeline do not compile (${e.file}:${e.line}:${e.column}: ${e.message}): a setting the real systems lack`, `이 파이프라인으로 쓴 실제 파일이 컴파일되지 않습니다(${e.file}:${e.line}:${e.column}: ${e.message}). 실제 시스템에 없는 설정입니다`)] };
  }
  const diff = firstDifference(withImplicitStreamNames(withImplicitBatchDefaults(spec)), back.spec);
  if (diff) return { ok: false, refusals: [refuse(diff.path, `no real configuration file says this (${diff.detail}): as real files the pipeline would run differently`, `이 값을 표현할 실제 설정 파일이 없습니다(${diff.detail}). 실제 파일로 쓰면 파이프라인이 다르게 동작합니다`)] };
  return { ok: true, value: sorted };
}

/**
 * What real files always say of a stream and the spec may leave implicit: a stream's `Name` (the
 * node id), and a Logstash kinesis output's `stream_name` (the node's stream), which the compiled
 * output keeps as its `node` only.
 */
function withImplicitStreamNames(spec: PipelineSpec): PipelineSpec {
  const nodes = Object.fromEntries(
    Object.entries(spec.nodes).map(([id, n]) => {
      if (n.type === 'kinesis' && n.Name === undefined) return [id, { ...n, Name: id }];
      if (n.type === 'logstash' && n.output.kinesis?.stream_name !== undefined) {
        const { stream_name: _named, ...kinesis } = n.output.kinesis;
        return [id, { ...n, output: { ...n.output, kinesis } }];
      }
      return [id, n];
    }),
  );
  return { ...spec, nodes } as PipelineSpec;
}
