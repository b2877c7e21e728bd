/**
 * `type: kinesis` and `type: kinesis-consumer` factories. A stream nobody reads (no KCL
 * application, no Firehose stream) is a terminal output: the ledger counts what it keeps.
 */
import { isKinesisSource } from '../../spec/schema/flink.js';
import type { BuildContext } from '../build-context.js';
import type { NodeSpecOf } from '../../spec/schema/pipeline.js';
import { KinesisStreamNode } from './stream.js';
import { LeaseTable } from './lease-table.js';
import { KclWorker } from './kcl-worker.js';

export function createKinesis(id: string, spec: NodeSpecOf<'kinesis'>, ctx: BuildContext): void {
  const node = new KinesisStreamNode(id, spec);
  ctx.sim.addNode(node);
  ctx.provide(id, node);
  const read = Object.values(ctx.spec.nodes).some(
    (n) =>
      (n.type === 'kinesis-consumer' && n.source.node === id) ||
      (n.type === 'firehose' && n.KinesisStreamSourceConfiguration.KinesisStreamARN === id) ||
      (n.type === 'flink' && isKinesisSource(n.source) && n.source.node === id),
  );
  if (!read) ctx.addOutput(id, node);
}

export function createKinesisConsumer(id: string, spec: NodeSpecOf<'kinesis-consumer'>, ctx: BuildContext): void {
  const stream = ctx.lookup<KinesisStreamNode>(spec.source.node);
  if (!stream) throw new Error(`kinesis-consumer ${id}: Kinesis stream ${spec.source.node} not found`);
  const table = new LeaseTable(spec.source['application-name'] ?? id, stream.shards.map((s) => s.shardId));
  stream.readers.push({ name: id, position: (shardIndex) => table.position(shardIndex) });
  stream.reshardListeners.push((children) => {
    for (const c of children) table.addShard(c.index, c.shardId, c.parents.map((p) => p.index));
  });
  let requestSeq = 0;
  const nextRequestId = () => ++requestSeq;
  for (let i = 1; i <= spec.instances; i++) {
    const address = spec.instances === 1 ? id : `${id}/worker-${i}`;
    ctx.sim.addNode(new KclWorker(address, id, spec, stream, table, nextRequestId, i === 1));
  }
}
