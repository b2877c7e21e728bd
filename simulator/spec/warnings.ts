/**
 * Settings that are valid but combine badly: warned about the way the real client or
 * tool would (SEMANTICS §2–§4). Warnings never stop a run.
 */
import type { PipelineSpec } from './schema/pipeline.js';
import { beatsOutputs } from './schema/beats.js';
import type { SourceMap } from './parse.js';
import { pathToString, type SpecIssue } from './issues.js';

export function collectWarnings(spec: PipelineSpec, map: SourceMap): SpecIssue[] {
  const out: SpecIssue[] = [];
  const warn = (path: (string | number)[], message: string, hint?: string) =>
    out.push({ severity: 'warning', file: map.file, ...map.locate(path), path: pathToString(path), message, hint });

  for (const [id, node] of Object.entries(spec.nodes)) {
    if (node.type === 'logstash' && node.output.kafka) {
      const k = node.output.kafka;
      // The plugin never sets enable.idempotence, so the client drops it when acks is not all (SEMANTICS-2 §1.2);
      // with retries 0 nothing is retried, so nothing can be reordered.
      if (k.acks !== 'all' && k.acks !== '-1' && k['max.in.flight.requests.per.connection'] > 1 && k.retries !== 0) {
        warn(['nodes', id, 'output', 'kafka', 'max.in.flight.requests.per.connection'], `with acks=${k.acks} the Kafka client is not idempotent: retries with several requests in flight can reorder and duplicate records within a partition`, 'set `acks: all` (the client is then idempotent), or max.in.flight.requests.per.connection: 1');
      }
    }
    if (node.type === 'logstash' && node['queue.type'] === 'persisted' && node.input !== 'beats') {
      warn(['nodes', id, 'input'], `the persisted queue protects only inputs that acknowledge their sender; ${node.input} has no ACK`, 'use the beats input');
    }
    if (node.type === 'kafka') {
      for (const [topic, t] of Object.entries(node.topics)) {
        const minIsr = t['min.insync.replicas'] ?? node['min.insync.replicas'];
        if (t['replication.factor'] > node.brokers) {
          warn(['nodes', id, 'topics', topic, 'replication.factor'], `replication.factor ${t['replication.factor']} exceeds the ${node.brokers} broker(s): the topic gets only ${node.brokers} replica(s)`);
        }
        if (minIsr === t['replication.factor'] && minIsr > 1) {
          warn(['nodes', id, 'topics', topic], `min.insync.replicas equals the replication factor (${minIsr}): one broker down blocks every acks=all write (NOT_ENOUGH_REPLICAS)`, 'use replication.factor 3 with min.insync.replicas 2');
        }
        if (minIsr > t['replication.factor']) {
          warn(['nodes', id, 'topics', topic], `min.insync.replicas ${minIsr} exceeds the replication factor ${t['replication.factor']}: every acks=all write will fail`);
        }
      }
    }
    if (node.type === 'flink') {
      if (node['execution.checkpointing.interval'] === undefined && node.sink.filesystem) {
        warn(['nodes', id, 'sink', 'filesystem'], 'without checkpointing the file sink never finishes a part file', 'set `execution.checkpointing.interval`');
      }
      if (node['execution.checkpointing.interval'] === undefined && node.sink.kafka?.['delivery-guarantee'] === 'exactly-once') {
        warn(['nodes', id, 'sink', 'kafka'], 'exactly-once commits a transaction per checkpoint; without checkpointing nothing is ever committed', 'set `execution.checkpointing.interval`');
      }
      if (node.sink.kafka?.['delivery-guarantee'] === 'exactly-once') {
        const cluster = spec.nodes[node.sink.kafka.node];
        if (cluster?.type === 'kafka' && node.sink.kafka['transaction.timeout.ms'] > cluster['transaction.max.timeout.ms']) {
          warn(['nodes', id, 'sink', 'kafka', 'transaction.timeout.ms'], `transaction.timeout.ms (${node.sink.kafka['transaction.timeout.ms']} ms) is above the broker's transaction.max.timeout.ms (${cluster['transaction.max.timeout.ms']} ms): the job will fail at start`, 'lower it, e.g. to 15m, or raise the broker maximum');
        }
      }
    }
    warnCollectors(spec, id, node, warn);
    if (node.type === 'consumer' && node.commit !== 'auto' && node.source['enable.auto.commit']) {
      warn(['nodes', id, 'source', 'enable.auto.commit'], `with \`commit: ${node.commit}\`, auto-commit should be off: it commits whatever poll() returned every auto.commit.interval.ms`, 'set `enable.auto.commit: false`');
    }
  }
  return out;
}

type Warn = (path: (string | number)[], message: string, hint?: string) => void;

/** Filebeat / Logstash / Elasticsearch settings that combine badly (SEMANTICS §1, §2, §5). */
function warnCollectors(spec: PipelineSpec, id: string, node: PipelineSpec['nodes'][string], warn: Warn): void {
  if (node.type === 'beats') {
    for (const out of beatsOutputs(node)) {
      const target = spec.nodes[out];
      if (target?.type === 'logstash' && target.input !== 'beats') {
        warn(['nodes', id, 'output'], `Logstash ${out} listens with a ${target.input} input, which never ACKs: Filebeat cannot know what arrived (at-most-once)`, 'use `input: beats` on the Logstash node');
      }
    }
    const rotate = spec.workload.rotate;
    if (rotate && rotate.keep === 0 && node.scan_frequency > rotate.every) {
      warn(['nodes', id, 'scan_frequency'], `files rotate every ${rotate.every} ms and none is kept, but a new file is only found every ${node.scan_frequency} ms: some files are deleted before Filebeat ever reads them`, 'lower scan_frequency or keep rotated files (rotate.keep)');
    }
  }
  if (node.type === 'logstash' && node.output.elasticsearch) {
    const docId = node.output.elasticsearch.document_id;
    const senders = Object.values(spec.nodes).filter((n) => n.type === 'beats' && beatsOutputs(n).includes(id));
    if (docId?.includes('_id') && docId.includes('@metadata') && senders.length > 0 && senders.every((b) => b.type === 'beats' && b.processors.length === 0)) {
      warn(['nodes', id, 'output', 'elasticsearch', 'document_id'], `${docId} refers to @metadata._id, but no Filebeat sending here sets it: the literal template becomes the id and every event overwrites the same document`, 'add `processors: [add_id]` to the Filebeat node');
    }
    if (docId === undefined && senders.some((b) => b.type === 'beats' && b.processors.length > 0)) {
      warn(['nodes', id, 'output', 'elasticsearch'], 'Filebeat sets @metadata._id, but this output has no document_id: Elasticsearch generates ids and resends still duplicate', 'set `document_id: "%{[@metadata][_id]}"`');
    }
  }
}
