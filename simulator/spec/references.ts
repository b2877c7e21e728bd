/**
 * Checks that need the whole spec: every `output`, `source` and `node` reference names
 * a node of a type that can play that part, and every fault names something that exists.
 */
import { isKinesisSource } from './schema/flink.js';
import type { PipelineSpec, NodeType } from './schema/pipeline.js';
import type { SourceMap } from './parse.js';
import type { SpecIssue } from './issues.js';
import { closest } from './suggest.js';
import { pathToString } from './issues.js';
import { checkOperations } from '../operations/check.js';

export interface Ref {
  path: (string | number)[];
  target: string;
  allowed: readonly NodeType[];
}

export function referencesOf(spec: PipelineSpec): Ref[] {
  const refs: Ref[] = [];
  for (const [id, node] of Object.entries(spec.nodes)) {
    const at = (...rest: (string | number)[]) => ['nodes', id, ...rest];
    switch (node.type) {
      case 'beats':
        // A list is `output.logstash.hosts` with several hosts: only Logstash takes a list [FB6].
        if (typeof node.output === 'string') refs.push({ path: at('output'), target: node.output, allowed: ['logstash', 'kafka', 'elasticsearch'] });
        else node.output.forEach((target, i) => refs.push({ path: at('output', i), target, allowed: ['logstash'] }));
        break;
      case 'logstash':
        if (node.output.elasticsearch) refs.push({ path: at('output', 'elasticsearch', 'node'), target: node.output.elasticsearch.node, allowed: ['elasticsearch'] });
        if (node.output.kafka) refs.push({ path: at('output', 'kafka', 'node'), target: node.output.kafka.node, allowed: ['kafka'] });
        if (node.output.s3) refs.push({ path: at('output', 's3', 'node'), target: node.output.s3.node, allowed: ['s3'] });
        if (node.output.kinesis) refs.push({ path: at('output', 'kinesis', 'node'), target: node.output.kinesis.node, allowed: ['kinesis'] });
        break;
      case 'kinesis-consumer':
        refs.push({ path: at('source', 'node'), target: node.source.node, allowed: ['kinesis'] });
        if (node.output.elasticsearch) refs.push({ path: at('output', 'elasticsearch', 'node'), target: node.output.elasticsearch.node, allowed: ['elasticsearch'] });
        if (node.output.s3) refs.push({ path: at('output', 's3', 'node'), target: node.output.s3.node, allowed: ['s3'] });
        break;
      case 'firehose': {
        // Firehose reads its stream: edgesOf turns this reference around (stream → Firehose).
        refs.push({ path: at('KinesisStreamSourceConfiguration', 'KinesisStreamARN'), target: node.KinesisStreamSourceConfiguration.KinesisStreamARN, allowed: ['kinesis'] });
        const s3 = node.ExtendedS3DestinationConfiguration;
        const os = node.AmazonopensearchserviceDestinationConfiguration;
        if (s3) refs.push({ path: at('ExtendedS3DestinationConfiguration', 'BucketARN'), target: s3.BucketARN, allowed: ['s3'] });
        if (os) {
          refs.push({ path: at('AmazonopensearchserviceDestinationConfiguration', 'DomainARN'), target: os.DomainARN, allowed: ['elasticsearch'] });
          refs.push({ path: at('AmazonopensearchserviceDestinationConfiguration', 'S3Configuration', 'BucketARN'), target: os.S3Configuration.BucketARN, allowed: ['s3'] });
        }
        break;
      }
      case 'consumer':
        refs.push({ path: at('source', 'node'), target: node.source.node, allowed: ['kafka'] });
        if (node.output.elasticsearch) refs.push({ path: at('output', 'elasticsearch', 'node'), target: node.output.elasticsearch.node, allowed: ['elasticsearch'] });
        if (node.output.s3) refs.push({ path: at('output', 's3', 'node'), target: node.output.s3.node, allowed: ['s3'] });
        break;
      case 'flink':
        refs.push({ path: at('source', 'node'), target: node.source.node, allowed: isKinesisSource(node.source) ? ['kinesis'] : ['kafka'] });
        if (node.sink.elasticsearch) refs.push({ path: at('sink', 'elasticsearch', 'node'), target: node.sink.elasticsearch.node, allowed: ['elasticsearch'] });
        if (node.sink.kafka) refs.push({ path: at('sink', 'kafka', 'node'), target: node.sink.kafka.node, allowed: ['kafka'] });
        if (node.sink.filesystem) refs.push({ path: at('sink', 'filesystem', 'node'), target: node.sink.filesystem.node, allowed: ['s3'] });
        break;
      case 'batch':
        refs.push({ path: at('source', 'node'), target: node.source.node, allowed: ['s3'] });
        break;
      case 'serving':
        if (node.batch) refs.push({ path: at('batch'), target: node.batch, allowed: ['batch'] });
        if (node.speed) refs.push({ path: at('speed'), target: node.speed, allowed: ['flink'] });
        break;
      default:
        break;
    }
  }
  return refs;
}

/** Addresses a fault may name: node ids, Kafka broker addresses and the instances of a multi-instance consumer. */
export function faultTargets(spec: PipelineSpec): string[] {
  const targets: string[] = [];
  for (const [id, node] of Object.entries(spec.nodes)) {
    targets.push(id);
    if (node.type === 'kafka') for (let b = 1; b <= node.brokers; b++) targets.push(`${id}/broker-${b}`);
    if (node.type === 'consumer' && node.instances > 1) for (let i = 1; i <= node.instances; i++) targets.push(`${id}/instance-${i}`);
    if (node.type === 'kinesis-consumer' && node.instances > 1) for (let i = 1; i <= node.instances; i++) targets.push(`${id}/worker-${i}`);
  }
  return targets;
}

export function checkReferences(spec: PipelineSpec, map: SourceMap): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const ids = Object.keys(spec.nodes);
  const issue = (path: (string | number)[], message: string, hint?: string) =>
    issues.push({ severity: 'error', file: map.file, ...map.locate(path), path: pathToString(path), message, hint });

  for (const ref of referencesOf(spec)) {
    const target = spec.nodes[ref.target];
    if (!target) {
      const guess = closest(ref.target, ids);
      issue(ref.path, `no node called \`${ref.target}\``, guess ? `did you mean \`${guess}\`?` : `nodes are: ${ids.join(', ')}`);
    } else if (!ref.allowed.includes(target.type)) {
      issue(ref.path, `\`${ref.target}\` is a ${target.type} node; this needs a ${ref.allowed.join(' or ')} node`);
    }
  }

  for (const [id, node] of Object.entries(spec.nodes)) {
    if (node.type === 'logstash' && !node.output.elasticsearch && !node.output.kafka && !node.output.s3 && !node.output.kinesis) {
      issue(['nodes', id, 'output'], 'Logstash needs at least one output', 'add `elasticsearch:`, `kafka:`, `s3:` or `kinesis:` under `output`');
    }
    if (node.type === 'flink' && !node.sink.elasticsearch && !node.sink.kafka && !node.sink.filesystem) {
      issue(['nodes', id, 'sink'], 'a Flink job needs a sink', 'add `elasticsearch:`, `kafka:` or `filesystem:` under `sink`');
    }
    if ((node.type === 'consumer' || node.type === 'kinesis-consumer') && !node.output.elasticsearch && !node.output.s3) {
      issue(['nodes', id, 'output'], 'a consumer needs an output', 'add `elasticsearch:` or `s3:` under `output`');
    }
    if (node.type === 'flink' && node.sink.kafka?.['delivery-guarantee'] === 'exactly-once' && !node.sink.kafka['transactional-id-prefix']) {
      issue(['nodes', id, 'sink', 'kafka'], 'exactly-once needs `transactional-id-prefix`', 'Flink\'s KafkaSink refuses EXACTLY_ONCE without a transactional id prefix');
    }
    if (node.type === 'kafka') {
      for (const [topic, t] of Object.entries(node.topics)) {
        if (t['replication.factor'] > node.brokers) {
          issue(['nodes', id, 'topics', topic, 'replication.factor'], `replication factor ${t['replication.factor']} is larger than the ${node.brokers} broker(s)`, 'Kafka refuses to create such a topic: add brokers or lower the factor');
        }
      }
    }
    if ((node.type === 'flink' || node.type === 'batch') && node.deploy) {
      node.deploy.forEach((d, i) => {
        if (!node.versions?.[d.version]) issue(['nodes', id, 'deploy', i, 'version'], `no job version \`${d.version}\``, `define it under \`versions\``);
      });
    }
    if (node.type === 'serving' && node.architecture === 'lambda' && (!node.batch || !node.speed)) {
      issue(['nodes', id], 'a Lambda serving view needs `batch` and `speed`');
    }
    if (node.type === 'serving' && node.architecture === 'kappa' && !node.speed) {
      issue(['nodes', id], 'a Kappa serving view needs `speed` (the Flink job it serves)');
    }
  }

  // Topics that readers name must exist on the cluster (auto-creation would hide a typo).
  for (const [id, node] of Object.entries(spec.nodes)) {
    const topicRefs: [string[], string, string][] = [];
    if (node.type === 'consumer' || (node.type === 'flink' && !isKinesisSource(node.source))) topicRefs.push([['nodes', id, 'source', 'topic'], node.source.node, (node.source as { topic: string }).topic]);
    if (node.type === 'logstash' && node.output.kafka) topicRefs.push([['nodes', id, 'output', 'kafka', 'topic_id'], node.output.kafka.node, node.output.kafka.topic_id]);
    if (node.type === 'flink' && node.sink.kafka) topicRefs.push([['nodes', id, 'sink', 'kafka', 'topic'], node.sink.kafka.node, node.sink.kafka.topic]);
    if (node.type === 'beats' && typeof node.output === 'string' && spec.nodes[node.output]?.type === 'kafka') topicRefs.push([['nodes', id, 'topic'], node.output, node.topic ?? '']);
    for (const [path, clusterId, topic] of topicRefs) {
      const cluster = spec.nodes[clusterId];
      if (cluster?.type !== 'kafka') continue;
      if (!(topic in cluster.topics)) {
        const names = Object.keys(cluster.topics);
        const guess = closest(topic, names);
        issue(path, topic ? `topic \`${topic}\` is not defined on \`${clusterId}\`` : `name the topic to write to on \`${clusterId}\``, guess ? `did you mean \`${guess}\`?` : `define it under nodes.${clusterId}.topics`);
      }
    }
  }

  const targets = faultTargets(spec);
  spec.faults.forEach((fault, i) => {
    const names: [string, (string | number)[]][] = [];
    if ('link' in fault) for (const end of fault.link.split('->')) names.push([end, ['faults', i, 'link']]);
    if ('crash' in fault) names.push([fault.crash, ['faults', i, 'crash']]);
    if ('partition' in fault) fault.partition.forEach((p, j) => names.push([p, ['faults', i, 'partition', j]]));
    for (const [name, path] of names) {
      if (!targets.includes(name)) {
        const guess = closest(name, targets);
        issue(path, `no node or broker called \`${name}\``, guess ? `did you mean \`${guess}\`?` : `targets are: ${targets.join(', ')}`);
      }
    }
    if ('to' in fault && fault.to !== undefined && 'from' in fault && fault.to < fault.from) {
      issue(['faults', i, 'to'], '`to` is before `from`', 'a fault window ends after it starts');
    }
  });
  issues.push(...checkOperations(spec, map));
  return issues;
}

/** Data-flow edges `[from, to]` between node ids, from every output/source/sink reference (readers point at their source). */
export function edgesOf(spec: PipelineSpec): [string, string][] {
  const edges: [string, string][] = [];
  for (const ref of referencesOf(spec)) {
    const id = String(ref.path[1]);
    const isSource = ref.path[2] === 'source' || ref.path[2] === 'batch' || ref.path[2] === 'speed' || ref.path[2] === 'KinesisStreamSourceConfiguration';
    edges.push(isSource ? [ref.target, id] : [id, ref.target]);
  }
  return edges;
}
