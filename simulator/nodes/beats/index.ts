/**
 * `type: beats` factory: a Filebeat endpoint, its output clients (Logstash over lumberjack,
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
import { FailoverClient } from './failover-client.js';
import { BeatsEsClient } from './es-client.js';
import { BeatsKafkaClient } from './kafka-client.js';

export function createBeats(id: string, spec: NodeSpecOf<'beats'>, ctx: BuildContext): void {
  const rotate = ctx.workload.spec.rotate;
  const segments = new FileSegments(ctx.workload, rotate ? { everyMs: rotate.every, keep: rotate.keep } : undefined, spec.scan_frequency);
  const node = new FilebeatNode(id, spec, ctx.workload, segments, outputClientsFactory(id, spec, ctx));
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

/**
 * The output's clients, one per output worker. A list of Logstash hosts [FB6]: with `loadbalance`
 * one client per host and `worker` (libbeat's host list repeats each host `worker` times), else one
 * failover client over them all. Anything else is one client to the one output node.
 */
function outputClientsFactory(id: string, spec: NodeSpecOf<'beats'>, ctx: BuildContext): (host: NodeContext) => BeatsOutputClient[] {
  // One Logstash host with `loadbalance: true` still gets `worker` connections.
  const list = typeof spec.output !== 'string' ? spec.output : spec.loadbalance === true && ctx.spec.nodes[spec.output]?.type === 'logstash' ? [spec.output] : undefined;
  if (list) {
    const hosts = list.map((ls) => {
      const target = ctx.spec.nodes[ls];
      if (target?.type !== 'logstash') throw new Error(`${id}: output host ${ls} is not a logstash node`);
      return { ls, input: target.input };
    });
    // libbeat's NewFailoverClient returns a lone client as it is: one host behaves as a plain output.
    if (hosts.length === 1 && spec.loadbalance !== true) {
      const one = outputClientFactory(id, hosts[0]!.ls, spec, ctx);
      return (host) => [one(host)];
    }
    if (spec.loadbalance === true) {
      const worker = spec.worker ?? 1;
      return (host) => {
        const conns = { next: 0 };
        return hosts.flatMap(({ ls, input }) => Array.from({ length: worker }, () => new LumberjackClient(host, ls, spec.timeout, input, conns)));
      };
    }
    return (host) => {
      const conns = { next: 0 };
      return [new FailoverClient(hosts.map(({ ls, input }) => new LumberjackClient(host, ls, spec.timeout, input, conns)), host.rng)];
    };
  }
  const one = outputClientFactory(id, spec.output as string, spec, ctx);
  return (host) => [one(host)];
}

function outputClientFactory(id: string, output: string, spec: NodeSpecOf<'beats'>, ctx: BuildContext): (host: NodeContext) => BeatsOutputClient {
  const target = ctx.spec.nodes[output];
  if (!target) throw new Error(`${id}: output ${output} is not a node`);
  switch (target.type) {
    case 'logstash':
      return (host) => new LumberjackClient(host, output, spec.timeout, target.input);
    case 'elasticsearch': {
      const requestIds = { next: 0 };
      return (host) => new BeatsEsClient(host, output, spec.index ?? 'filebeat', spec.timeout, requestIds);
    }
    case 'kafka': {
      const cluster = ctx.lookup<KafkaClusterHandle>(output);
      if (!cluster) throw new Error(`${id}: the Kafka cluster ${output} was not built`);
      const topic = spec.topic ?? 'filebeat';
      return (host) => new BeatsKafkaClient(host, cluster, topic, spec.timeout);
    }
    default:
      throw new Error(`${id}: Filebeat cannot output to a ${target.type} node (logstash, kafka or elasticsearch)`);
  }
}
