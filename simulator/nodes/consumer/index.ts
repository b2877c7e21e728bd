/**
 * `type: consumer` factory: `instances` members of one consumer group, each its own process
 * (`<id>` for one instance, `<id>/instance-N` for several), reading from a Kafka cluster and
 * writing to Elasticsearch or S3.
 */
import type { BuildContext } from '../build-context.js';
import type { NodeSpecOf } from '../../spec/schema/pipeline.js';
import type { KafkaCluster } from '../kafka/cluster.js';
import { ConsumerApp } from './app.js';
import { GroupRewrites } from './rewrites.js';

export function createConsumer(id: string, spec: NodeSpecOf<'consumer'>, ctx: BuildContext): void {
  const cluster = ctx.lookup<KafkaCluster>(spec.source.node);
  if (!cluster) throw new Error(`consumer ${id}: Kafka node ${spec.source.node} not found`);
  cluster.readTopics.add(spec.source.topic);
  let requestSeq = 0;
  const nextRequestId = () => ++requestSeq;
  // What the group has written, across its instances (a partition moves between them): its repeats are noted at `id`.
  const rewrites = new GroupRewrites(ctx.sim.ledger, id);
  for (let i = 1; i <= spec.instances; i++) {
    const address = spec.instances === 1 ? id : `${id}/instance-${i}`;
    // The first instance reports the group's unread log records for the whole group.
    ctx.sim.addNode(new ConsumerApp(address, id, spec, cluster, i === 1, nextRequestId, rewrites));
  }
}
