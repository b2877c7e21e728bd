/**
 * Builds the job's sink from `sink:` (exactly one of elasticsearch / kafka / filesystem).
 * A reprocessing instance (Kappa) writes to a new target named after its version:
 * index `<index>-<version>`, topic `<topic>-<version>`, path `<path><version>/`.
 */
import type { BuildContext } from '../build-context.js';
import type { FlinkSpec } from '../../spec/schema/flink.js';
import type { KafkaClusterHandle } from '../kafka/client-api.js';
import type { FlinkSink, SinkHost } from './sink.js';
import { EsSink } from './es-sink.js';
import { KafkaSink } from './kafka-sink.js';
import { FileSink } from './file-sink.js';

export function buildSink(id: string, spec: FlinkSpec, version: string | undefined, ctx: BuildContext, host: SinkHost): FlinkSink {
  const s = spec.sink;
  if (s.elasticsearch) {
    const es = s.elasticsearch;
    return new EsSink(host, {
      node: es.node,
      index: version ? `${es.index}-${version}` : es.index,
      ...(es['document-id'] !== undefined ? { documentId: es['document-id'] } : {}),
      maxActions: es['bulk.flush.max-actions'],
      ...(es['bulk.flush.interval'] !== undefined ? { flushInterval: es['bulk.flush.interval'] } : {}),
    });
  }
  if (s.kafka) {
    const k = s.kafka;
    const cluster = ctx.lookup<KafkaClusterHandle>(k.node);
    if (!cluster) throw new Error(`flink ${id}: sink node ${k.node} is not a kafka cluster`);
    return new KafkaSink(host, cluster, {
      node: k.node,
      topic: version ? `${k.topic}-${version}` : k.topic,
      guarantee: k['delivery-guarantee'],
      prefix: (k['transactional-id-prefix'] ?? id) + (version ? `-${version}` : ''),
      transactionTimeoutMs: k['transaction.timeout.ms'],
      subtask: 0,
    });
  }
  if (s.filesystem) {
    return new FileSink(host, s.filesystem.node, version ? `${s.filesystem.path}${version}/` : s.filesystem.path, 0);
  }
  throw new Error(`flink ${id}: sink needs one of elasticsearch, kafka or filesystem`);
}
