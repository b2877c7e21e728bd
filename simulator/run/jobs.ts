/**
 * Each Flink node's serving job at the end of a run, so a check can read what operations did to it
 * (`jobs.<node>.parallelism` after a rescale by `flink run -p`, `jobs.<node>.running` after a
 * `flink cancel`). Read from the node itself, as the REST API's job overview would report it.
 */
import { FlinkNode } from '../nodes/flink/flink-node.js';
import type { JobSummary } from './result.js';

export function flinkJobsOf(nodeIds: readonly string[], node: (id: string) => unknown): Record<string, JobSummary> {
  // Null prototype: a node id is the author's text.
  const out: Record<string, JobSummary> = Object.create(null) as Record<string, JobSummary>;
  for (const id of nodeIds) {
    const flink = node(id);
    if (!(flink instanceof FlinkNode)) continue;
    const job = flink.instances[flink.serving];
    if (!job) continue;
    out[id] = { parallelism: job.parallelism, running: job.status === 'running' ? 1 : 0, restarts: job.restarts };
  }
  return out;
}
