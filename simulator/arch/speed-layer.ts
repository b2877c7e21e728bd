/**
 * What the serving layers read off a Flink job's handle: where its serving instance writes,
 * and how many records it and any reprocessing instance have processed.
 */
import type { FlinkInstanceInfo, FlinkJobHandle } from '../nodes/flink/handle.js';

/** The serving instance, if the job has started one. */
export function servingInstance(speed: FlinkJobHandle): FlinkInstanceInfo | undefined {
  const all = speed.instances();
  return all[speed.servingInstance()];
}

/** The Elasticsearch index the serving instance writes its window results to, if any. */
export function servingTarget(speed: FlinkJobHandle): { node: string; target: string } | undefined {
  const inst = servingInstance(speed);
  if (!inst || inst.sink.kind !== 'elasticsearch') return undefined;
  return { node: inst.sink.node, target: inst.sink.target };
}

/** Records processed by every instance (live and replays) and, of those, by replays. */
export function speedCost(speed: FlinkJobHandle): { processed: number; reprocessed: number } {
  const reprocessed = speed.reprocessed();
  return { processed: speed.processed() + reprocessed, reprocessed };
}
