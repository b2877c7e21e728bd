/** `type: s3` factory: one durable object store, an output for the ledger and a store for readers. */
import type { BuildContext } from '../build-context.js';
import type { NodeSpecOf } from '../../spec/schema/pipeline.js';
import { S3Node } from './node.js';
import { VisibilityRecorder } from '../../cost/visibility.js';

export function createS3(id: string, _spec: NodeSpecOf<'s3'>, ctx: BuildContext): void {
  const node = new S3Node(id);
  node.visibility = new VisibilityRecorder((rid) => ctx.workload.writeTimeMs(rid));
  ctx.sim.addNode(node);
  ctx.addOutput(id, node);
  ctx.provide(id, node);
}
