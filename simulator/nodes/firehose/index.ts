/** `type: firehose` factory: a Firehose stream that reads a Kinesis stream and delivers to S3 or OpenSearch. */
import type { BuildContext } from '../build-context.js';
import type { NodeSpecOf } from '../../spec/schema/pipeline.js';
import type { KinesisStreamNode } from '../kinesis/stream.js';
import { FirehoseNode } from './delivery-stream.js';

export function createFirehose(id: string, spec: NodeSpecOf<'firehose'>, ctx: BuildContext): void {
  const stream = ctx.lookup<KinesisStreamNode>(spec.KinesisStreamSourceConfiguration.KinesisStreamARN);
  if (!stream) throw new Error(`firehose ${id}: Kinesis stream ${spec.KinesisStreamSourceConfiguration.KinesisStreamARN} not found`);
  const node = new FirehoseNode(id, spec, stream);
  stream.readers.push({ name: id, position: (shardIndex) => node.position(shardIndex) });
  ctx.sim.addNode(node);
}
