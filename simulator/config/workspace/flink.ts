/**
 * The Flink part of a workspace: every host with a config.yaml or job.sql runs one Flink job, an
 * internal `type: flink` node named after the host. Its tables' `'properties.bootstrap.servers'`
 * and `'hosts'` must name hosts of the workspace running Kafka and Elasticsearch; a `kinesis`
 * table's `'stream.arn'` must name a stream of aws/template.yaml (its account and region).
 */
import type { SpecIssue } from '../../spec/issues.js';
import { Problems } from '../shared/issues.js';
import type { HostPort } from '../shared/hosts.js';
import type { Loc } from '../logstash/ast.js';
import { checkFlinkSql, compileFlinkConfig, readFlinkConfigYaml, warnApproximations, windowLatenessMs, type CompiledJob, type FlinkConfig } from '../flink/index.js';
import type { CompiledKafkaSource } from '../flink/job.js';
import { flinkDurationMs } from '../flink/config-yaml.js';
import { runsLocalGlobal, type AggregationShape } from '../flink/agg-phases.js';
import type { Host, Role } from './layout.js';
import { KAFKA_NODE, type KafkaCluster } from './kafka.js';
import { ACCOUNT, REGION } from '../aws/resolve.js';
import { AWS_TEMPLATE } from '../aws/workspace.js';

type Resolve = (hp: HostPort, role: Role, p: Problems, loc: Loc) => string | undefined;
/** The stream of aws/template.yaml a Kinesis table names (an error at `loc` when there is none). */
type StreamFor = (streamName: string, p: Problems, loc: Loc) => string | undefined;

export interface FlinkHosts {
  nodes: Record<string, Record<string, unknown>>;
  /** Node id → the file problems about it point to. */
  files: Map<string, string>;
  usesS3: boolean;
  /** Checks each job's source topic exists, once every writer has created its topics. */
  checkSources(): void;
}

export function compileFlinkHosts(hosts: Host[], files: ReadonlyMap<string, string>, name: (path: string) => string, resolve: Resolve, kafka: KafkaCluster | undefined, issues: SpecIssue[], streamFor?: StreamFor): FlinkHosts {
  const out: FlinkHosts = { nodes: {}, files: new Map(), usesS3: false, checkSources: () => undefined };
  const sources: { job: CompiledJob; source: CompiledKafkaSource; p: Problems }[] = [];
  for (const host of hosts) {
    const configPath = `${host.name}/config.yaml`;
    const sqlPath = `${host.name}/job.sql`;
    const config: FlinkConfig = new Map();
    const configProblems = new Problems(name(configPath));
    if (files.has(configPath)) readFlinkConfigYaml(files.get(configPath)!, configProblems, config);
    issues.push(...configProblems.list);
    if (!files.has(sqlPath)) {
      issues.push({ severity: 'error', file: name(sqlPath), line: 1, column: 1, path: '', message: `Flink on ${host.name} has no job`, hint: `write ${sqlPath}: CREATE TABLE … ; INSERT INTO … SELECT …` });
      continue;
    }
    const result = checkFlinkSql(files.get(sqlPath)!, name(sqlPath), config);
    const before = configProblems.list.length;
    warnApproximations(config);
    issues.push(...configProblems.list.slice(before));
    const p = result.problems;
    const job = result.compiled;
    if (!job) {
      if (!p.hasErrors) p.error(undefined, `the simulator cannot run this job (see the warnings above)`, 'rewrite the query in a form the warnings name');
      issues.push(...p.list);
      continue;
    }
    const node: Record<string, unknown> = { type: 'flink' };
    const compiled = job.source;
    let source: Record<string, unknown>;
    let sourceOk: boolean;
    if (compiled.kind === 'kinesis') {
      // The stream is in the workspace's account and region (the template's pseudo parameters).
      let stream: string | undefined;
      if (compiled.account !== ACCOUNT || compiled.region !== REGION) p.error(compiled.arnLoc, `ResourceNotFoundException: Stream ${compiled.streamName} under account ${compiled.account} not found${compiled.region !== REGION ? ` in ${compiled.region}` : ''}`, `the streams of ${AWS_TEMPLATE} are in account ${ACCOUNT}, region ${REGION}: arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/${compiled.streamName}`);
      else if (!streamFor) p.error(compiled.arnLoc, `the Kinesis table reads ${compiled.streamName}, and this workspace declares no stream`, `write ${AWS_TEMPLATE} with an AWS::Kinesis::Stream named ${compiled.streamName}`);
      else stream = streamFor(compiled.streamName, p, compiled.arnLoc);
      sourceOk = stream !== undefined;
      source = { ...compiled.spec, node: stream ?? '' };
    } else {
      sourceOk = compiled.servers.map((s) => resolve(s, 'kafka', p, compiled.serversLoc)).every((id) => id !== undefined);
      source = { node: KAFKA_NODE, topic: compiled.topic, ...compiled.spec };
    }
    // table.exec.source.idle-timeout applies to every source without its own scan.watermark.idle-timeout.
    const idle = flinkDurationMs(config, 'table.exec.source.idle-timeout');
    if (source.idleness === undefined && idle !== undefined && idle > 0) source.idleness = idle;
    node.source = source;
    Object.assign(node, compileFlinkConfig(config));
    if (job.job) {
      const jobSpec = { ...job.job };
      const interval = flinkDurationMs(config, 'pipeline.auto-watermark-interval');
      if (jobSpec.watermark && interval !== undefined && interval !== 200) jobSpec.watermark = { ...(jobSpec.watermark as object), interval };
      const lateness = windowLatenessMs(config, { window: jobSpec.window, ...(job.groupWindow ? { groupWindow: true } : {}), upsertSink: job.sink.kind === 'elasticsearch' && job.sink.spec['document-id'] !== undefined });
      if (lateness !== undefined) jobSpec['allowed-lateness'] = lateness;
      if (runsLocalGlobal(jobSpec as AggregationShape, job.groupWindow === true, config)) jobSpec['local-global'] = true;
      node.job = jobSpec;
    }
    const sink = job.sink;
    if (sink.kind === 'kafka') {
      const ok = sink.servers.map((s) => resolve(s, 'kafka', p, sink.serversLoc)).every((id) => id !== undefined);
      if (ok && kafka) kafka.useTopic(sink.topic, p, sink.topicLoc);
      node.sink = { kafka: { node: KAFKA_NODE, ...sink.spec } };
    } else if (sink.kind === 'elasticsearch') {
      const targets = new Set(sink.hosts.map((h) => resolve(h, 'elasticsearch', p, sink.hostsLoc)));
      if (targets.size > 1) p.warn(sink.hostsLoc, 'the simulation models one Elasticsearch cluster per sink: these hosts name different ones, the first is used');
      node.sink = { elasticsearch: { node: [...targets][0] ?? '', ...sink.spec } };
    } else {
      // Amazon S3 / HDFS are not hosts of the workspace: every filesystem sink writes to the simulated object store.
      node.sink = { filesystem: { node: 's3', ...sink.spec } };
      out.usesS3 = true;
    }
    if (sourceOk && compiled.kind === 'kafka') sources.push({ job, source: compiled, p });
    out.nodes[host.name] = node;
    out.files.set(host.name, name(sqlPath));
    issues.push(...p.list);
  }
  out.checkSources = () => {
    for (const { source, p } of sources) {
      if (!kafka || kafka.topics[source.topic]) continue;
      const at = source.topicLoc;
      issues.push({ severity: 'error', file: p.file, line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn, path: '', message: `topic '${source.topic}' does not exist and nothing writes to it: the Flink Kafka source fails at start (UnknownTopicOrPartitionException)`, hint: 'create it in topics.sh' });
    }
  };
  return out;
}
