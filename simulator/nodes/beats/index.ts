/**
 * `type: beats` factory: a Filebeat endpoint, its output client (Logstash over lumberjack,
 * Elasticsearch bulk, or a Kafka producer), and the rotation schedule that deletes files.
 */
import type { BuildContext } from '../build-context.js';
import type { NodeSpecOf } from '../../spec/schema/pipeline.js';
import type { NodeContext } from '../../core/node.js';
import type { KafkaClusterHandle } from '../kafka/client-api.js';
import { FilebeatNode } from './node.js';
import { FileSegments } from './rotation.js';
import type { BeatsOutputClient } from './batch.js';
import { LumberjackClient } from './lumberjack-client.js';
import { BeatsEsClient } from './es-client.js';
import { BeatsKafkaClient } from './kafka-client.js';

export function createBeats(id: string, spec: NodeSpecOf<'beats'>, ctx: BuildContext): void {
  const rotate = ctx.workload.spec.rotate;
  const segments = new FileSegments(ctx.workload, rotate ? { everyMs: rotate.every, keep: rotate.keep } : undefined, spec.scan_frequency);
  const node = new FilebeatNode(id, spec, ctx.workload, segments, outputClientFactory(id, spec, ctx));
  ctx.sim.addNode(node);
  if (rotate && rotate.every > 0) {
    // Deletions happen on the host whether Filebeat runs or not: scheduled on the simulation, not on the node.
    const horizon = ctx.spec.duration + ctx.spec.drain;
    for (let k = 0; segments.deletedAtMs(k) <= horizon; k++) {
      const seg = k;
      ctx.sim.at(segments.deletedAtMs(seg), () => node.segmentDeleted(seg));
    }
  }
}

function outputClientFactory(id: string, spec: NodeSpecOf<'beats'>, ctx: BuildContext): (host: NodeContext) => BeatsOutputClient {
  const target = ctx.spec.nodes[spec.output];
  if (!target) throw new Error(`${id}: output ${spec.output} is not a node`);
  switch (target.type) {
    case 'logstash':
      return (host) => new LumberjackClient(host, spec.output, spec.timeout, target.input);
    case 'elasticsearch': {
      const requestIds = { next: 0 };
      return (host) => new BeatsEsClient(host, spec.output, spec.index ?? 'filebeat', spec.timeout, requestIds);
    }
    case 'kafka': {
      const cluster = ctx.lookup<KafkaClusterHandle>(spec.output);
      if (!cluster) throw new Error(`${id}: the Kafka cluster ${spec.output} was not built`);
      const topic = spec.topic ?? 'filebeat';
      return (host) => new BeatsKafkaClient(host, cluster, topic, spec.timeout);
    }
    default:
      throw new Error(`${id}: Filebeat cannot output to a ${target.type} node (logstash, kafka or elasticsearch)`);
  }
}
