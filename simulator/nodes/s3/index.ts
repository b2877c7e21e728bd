/** `type: s3` factory: one durable object store, an output for the ledger and a store for readers. */
import type { BuildContext } from '../build-context.js';
import type { NodeSpecOf } from '../../spec/schema/pipeline.js';
import { S3Node } from './node.js';
import { latencyRecorder } from '../../cost/visibility.js';

export function createS3(id: string, _spec: NodeSpecOf<'s3'>, ctx: BuildContext): void {
  const node = new S3Node(id);
  node.visibility = latencyRecorder(ctx);
  ctx.sim.addNode(node);
  ctx.addOutput(id, node);
  ctx.provide(id, node);
}
