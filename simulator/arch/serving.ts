/**
 * `type: serving` — the serving layer of one architecture (SEMANTICS §6, DESIGN §4).
 *
 * One comparison run: a single spec holds both architectures, fed by the same sources, so the
 * same workload, faults and seed drive both on one simulated time axis:
 *
 *   filebeat → logstash ─┬─ s3 output → lake (master dataset) → batch ─┐
 *                        │                                              ├─ serving (lambda)
 *                        └─ kafka output → kafka topic ─┬─ speed (flink) ┘
 *                                                        └─ stream (flink, reprocess deploys) → serving (kappa)
 *
 * Lambda: `{ type: serving, architecture: lambda, batch: <batch id>, speed: <flink id> }` merges
 * the batch view and the speed layer's realtime view (cut-off rule in lambda-merge.ts).
 * Kappa: `{ type: serving, architecture: kappa, speed: <flink id> }` serves the Flink job's
 * serving instance (alias swap on catch-up, kappa-switch.ts). The Kappa job reads the Kafka topic
 * whose retention bounds any replay; Lambda's speed layer may read the same topic with another
 * `group.id`. See examples/lambda-vs-kappa.yaml.
 *
 * Each serving node registers an architecture (sampled over time into `result.architectures`)
 * and an answer source (so `result.query` lists its final answer per window next to the truth).
 */
import { isKinesisSource } from '../spec/schema/flink.js';
import type { BuildContext } from '../nodes/build-context.js';
import type { NodeSpecOf } from '../spec/schema/pipeline.js';
import type { FlinkJobHandle } from '../nodes/flink/handle.js';
import type { ElasticsearchStore } from '../nodes/elasticsearch/store.js';
import type { S3Store } from '../nodes/s3/store.js';
import type { BatchLayerHandle } from './batch-handle.js';
import { LambdaServing } from './lambda-merge.js';
import { KappaServing } from './kappa-switch.js';
import { appendedRecords, retainedRecords } from './retained-log.js';
import type { KafkaClusterHandle } from '../nodes/kafka/client-api.js';

export function createServing(id: string, spec: NodeSpecOf<'serving'>, ctx: BuildContext): void {
  const speedId = spec.speed;
  const speed = speedId === undefined ? undefined : ctx.lookup<FlinkJobHandle>(speedId);
  if (!speed) {
    ctx.sim.addLog('error', id, `serving view has no speed layer: \`${speedId ?? '(none)'}\` is not a flink node`);
    return;
  }
  const flinkSpec = speedId === undefined ? undefined : ctx.spec.nodes[speedId];
  const topic = flinkSpec?.type === 'flink' && !isKinesisSource(flinkSpec.source) ? flinkSpec.source : undefined;
  const cluster = () => (topic ? ctx.lookup<KafkaClusterHandle>(topic.node) : undefined);
  const common = {
    sim: ctx.sim,
    appendedLog: () => (topic ? appendedRecords(cluster(), topic.topic) : 0),
    total: ctx.workload.total,
    speed,
    stores: (node: string) => ctx.lookup<ElasticsearchStore>(node),
    eventTimeOf: (rid: number) => ctx.workload.eventTimeMs(rid),
    sampleEveryMs: spec['sample-every'],
  };
  if (spec.architecture === 'lambda') {
    const batch = spec.batch === undefined ? undefined : ctx.lookup<BatchLayerHandle>(spec.batch);
    if (!batch) {
      ctx.sim.addLog('error', id, `lambda serving view has no batch layer: \`${spec.batch ?? '(none)'}\` is not a batch node`);
      return;
    }
    const source = new LambdaServing({ ...common, batch, master: () => ctx.lookup<S3Store>(batch.sourceNode) });
    ctx.addArchitecture(id, source);
    ctx.addAnswerSource(id, { windowValues: () => source.currentValues() });
    return;
  }
  const source = new KappaServing({ ...common, retainedLog: () => (topic ? retainedRecords(cluster(), topic.topic) : 0) });
  ctx.addArchitecture(id, source);
  ctx.addAnswerSource(id, { windowValues: () => source.currentValues() });
}
