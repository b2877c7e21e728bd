/**
 * `type: logstash` factory: the Logstash endpoint with its compiled filters and the
 * output plugins (elasticsearch, kafka, s3), recreated in each process lifetime.
 */
import type { BuildContext } from '../build-context.js';
import type { NodeSpecOf } from '../../spec/schema/pipeline.js';
import type { NodeContext } from '../../core/node.js';
import type { KafkaClusterHandle } from '../kafka/client-api.js';
import { LogstashNode } from './node.js';
import { compileFilters } from './filters.js';
import type { LogstashOutput } from './output.js';
import type { DeadLetterQueue } from './dead-letter-queue.js';
import { LogstashEsOutput } from './es-output.js';
import { LogstashKafkaOutput } from './kafka-output.js';
import { LogstashS3Output, newS3TempFiles, s3HeldRecords } from './s3-output.js';
import { LogstashKinesisOutput } from '../kinesis/kpl-output.js';
import type { KinesisStreamNode } from '../kinesis/stream.js';

export function createLogstash(id: string, spec: NodeSpecOf<'logstash'>, ctx: BuildContext): void {
  const filter = compileFilters(spec.filter);
  const out = spec.output;
  const requestIds = { next: 0 };
  const s3Files = newS3TempFiles();
  const cluster = out.kafka ? ctx.lookup<KafkaClusterHandle>(out.kafka.node) : undefined;
  if (out.kafka && !cluster) throw new Error(`${id}: the Kafka cluster ${out.kafka.node} was not built`);
  const stream = out.kinesis ? ctx.lookup<KinesisStreamNode>(out.kinesis.node) : undefined;
  if (out.kinesis && !stream) throw new Error(`${id}: the Kinesis stream ${out.kinesis.node} was not built`);
  const makeOutputs = (host: NodeContext, dlq: DeadLetterQueue | undefined): LogstashOutput[] => {
    const list: LogstashOutput[] = [];
    if (out.elasticsearch) list.push(new LogstashEsOutput(host, id, out.elasticsearch, dlq, requestIds));
    if (out.kafka && cluster) list.push(new LogstashKafkaOutput(host, id, cluster, out.kafka));
    if (out.s3) list.push(new LogstashS3Output(host, id, out.s3, s3Files, requestIds));
    if (out.kinesis && stream) list.push(new LogstashKinesisOutput(host, id, stream, out.kinesis, requestIds));
    return list;
  };
  const durableHeld = (visit: (rid: number) => void) => s3HeldRecords(s3Files, visit);
  const node = new LogstashNode(id, spec, filter, makeOutputs, durableHeld, (rid) => ctx.workload.displayId(rid));
  ctx.sim.addNode(node);
}
