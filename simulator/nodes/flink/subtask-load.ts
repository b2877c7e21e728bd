/**
 * How long a batch of polled records keeps a parallel job busy.
 *
 * The source and the operators before a `keyBy` are chained (Flink's default operator
 * chaining), so a record is processed on the source subtask that owns its partition. Subtasks
 * run in parallel; the batch is done when the busiest one is done. With parallelism 1 this is
 * records × processing-time, the single-task model.
 */
import type { ConsumedRecord } from '../kafka/client-api.js';
import { splitOwner } from './split-owner.js';

export function batchBusyTime(records: readonly ConsumedRecord[], parallelism: number, processingTime: number): number {
  if (parallelism <= 1) return records.length * processingTime;
  const perSubtask = new Map<number, number>();
  let busiest = 0;
  for (const r of records) {
    const s = splitOwner(r.topic, r.partition, parallelism);
    const n = (perSubtask.get(s) ?? 0) + 1;
    perSubtask.set(s, n);
    if (n > busiest) busiest = n;
  }
  return busiest * processingTime;
}
