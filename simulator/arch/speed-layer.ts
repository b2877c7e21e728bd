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

/**
 * Records processed by every instance (live and replays), and of those the work beyond one pass
 * over the source log (`appended` = records ever appended to it): a replay of the retained log,
 * or what a restore from a checkpoint reads again. A reprocessing instance that has caught up
 * goes on with live records, which are not re-processing, so its own count would overstate it.
 */
export function speedCost(speed: FlinkJobHandle, appended: number): { processed: number; reprocessed: number } {
  const processed = speed.processed() + speed.reprocessed();
  return { processed, reprocessed: Math.max(0, processed - appended) };
}
