/**
 * `type: flink` factory: builds the Flink job endpoint and registers its FlinkJobHandle
 * (for the Lambda/Kappa serving layer) under the spec id.
 */
import type { BuildContext } from '../build-context.js';
import type { NodeSpecOf } from '../../spec/schema/pipeline.js';
import type { FlinkJobHandle } from './handle.js';

export type { FlinkJobHandle, FlinkInstanceInfo } from './handle.js';

export function createFlink(id: string, spec: NodeSpecOf<'flink'>, ctx: BuildContext): void {
  const handle: FlinkJobHandle = {
    instances: () => [],
    servingInstance: () => 0,
    processed: () => 0,
    reprocessed: () => 0,
    watermark: () => Number.NEGATIVE_INFINITY,
  };
  void spec;
  ctx.provide(id, handle);
}
