/**
 * `type: flink` factory: builds the Flink node with its job instance(s), schedules `deploy`s,
 * and registers the FlinkJobHandle (for the Lambda/Kappa serving layer) under the spec id.
 * The sinks' outputs (ES indices, S3 objects, Kafka topics) are registered by their own nodes.
 */
import type { BuildContext } from '../build-context.js';
import type { NodeSpecOf } from '../../spec/schema/pipeline.js';
import type { KafkaClusterHandle } from '../kafka/client-api.js';
import type { FlinkJobHandle } from './handle.js';
import { FlinkNode } from './flink-node.js';
import { JobInstance } from './job-instance.js';
import { buildSink } from './build-sink.js';
import { KafkaSourceReader } from './source.js';
import { KinesisSourceReader } from './kinesis-source.js';
import type { SourceFactory } from './source-reader.js';
import { isKinesisSource } from '../../spec/schema/flink.js';
import type { KinesisStreamNode } from '../kinesis/stream.js';
import type { NodeContext } from '../../core/node.js';

export type { FlinkJobHandle, FlinkInstanceInfo } from './handle.js';

export function createFlink(id: string, spec: NodeSpecOf<'flink'>, ctx: BuildContext): void {
  const source = spec.source;
  const checkpointing = spec['execution.checkpointing.interval'] !== undefined;
  // A Kappa reprocessing instance re-reads what the source retains: Kafka's earliest offset, Kinesis' TRIM_HORIZON.
  let sourceFor: (host: NodeContext, mode: 'live' | 'reprocess') => SourceFactory;
  if (isKinesisSource(source)) {
    const stream = ctx.lookup<KinesisStreamNode>(source.node);
    if (!stream || !('shards' in stream)) throw new Error(`flink ${id}: source node ${source.node} is not a Kinesis stream`);
    let positions: (() => ReadonlyMap<number, number>) | undefined;
    // The stream tells what retention deleted before this job read it (its ledger note).
    stream.readers.push({ name: id, position: (shard) => positions?.().get(shard) ?? 0 });
    sourceFor = (host, mode) => (onRecords) => {
      const reader = new KinesisSourceReader(host, id, stream, source, onRecords, mode === 'reprocess' ? 'TRIM_HORIZON' : source['source.init.position']);
      positions ??= () => reader.positions;
      return reader;
    };
  } else {
    const cluster = ctx.lookup<KafkaClusterHandle>(source.node);
    if (!cluster) throw new Error(`flink ${id}: source node ${source.node} is not a kafka cluster`);
    sourceFor = (host, mode) => (onRecords) => new KafkaSourceReader(host, cluster, source, checkpointing, onRecords, mode === 'reprocess' ? 'earliest' : source['starting-offsets']);
  }
  const jobOf = (version: string) => (version === 'main' ? spec.job : spec.versions?.[version]);
  const node: FlinkNode = new FlinkNode(id, spec, (host, version, mode) => {
    const sink = buildSink(id, spec, version === 'main' ? undefined : version, ctx, {
      ctx: host.ctx,
      where: id,
      fail: (reason) => instance.fail(reason),
    });
    const instance: JobInstance = new JobInstance(
      host.ctx,
      id,
      spec,
      version,
      jobOf(version),
      ctx.spec.workload.key,
      sourceFor(host.ctx, mode),
      sink,
      host.ctx.now(),
      (inst, reason) => host.handleFailure(inst, reason),
      (inst) => host.checkCaughtUp(inst),
    );
    return instance;
  });
  ctx.sim.addNode(node);
  for (const d of spec.deploy ?? []) {
    ctx.sim.at(d.at, () => node.deploy(d.version, d.mode, jobOf(d.version), d.parallelism));
  }

  const handle: FlinkJobHandle = {
    instances: () =>
      node.instances.map((inst) => ({
        version: inst.version,
        startedAtMs: inst.startedAtMs,
        stoppedAtMs: inst.stoppedAtMs,
        sink: { kind: inst.sink.kind, node: inst.sink.node, target: inst.sink.target },
        lag: inst.lag(),
        caughtUp: inst.caughtUp,
      })),
    servingInstance: () => node.serving,
    processed: () => node.instances[0]?.processed ?? 0,
    reprocessed: () => node.instances.slice(1).reduce((n, i) => n + i.processed, 0),
    watermark: () => node.instances[node.serving]?.operators.watermarks.watermark ?? Number.NEGATIVE_INFINITY,
  };
  ctx.provide(id, handle);
}
