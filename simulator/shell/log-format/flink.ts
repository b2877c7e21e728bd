/**
 * A Flink node's log (the JobManager's, where checkpoints and job state changes are written) in
 * Flink's log4j layout: the CheckpointCoordinator's lines come from the run's checkpoint history
 * (the run log does not list each checkpoint), job state changes from the run log.
 */
import type { LogLine } from '../../run/result.js';
import type { RunHandle } from '../../run/run.js';
import { EPOCH_MS } from '../../workload/clock.js';
import { jobIdOf } from '../http/flink-rest.js';
import { flinkLine } from './layouts.js';
import type { Timed } from './timed.js';

const COORDINATOR = 'org.apache.flink.runtime.checkpoint.CheckpointCoordinator';
const FAILURES = 'org.apache.flink.runtime.checkpoint.CheckpointFailureManager';
const GRAPH = 'org.apache.flink.runtime.executiongraph.ExecutionGraph';
const MASTER = 'org.apache.flink.runtime.jobmaster.JobMaster';

interface Instance {
  version: string;
  checkpoints: { id: number; status: 'completed' | 'expired' | 'failed'; triggeredAtMs: number; durationMs: number }[];
}

/** Each checkpoint's trigger and outcome, as the CheckpointCoordinator logs them. */
export function checkpointLines(handle: RunHandle, node: string): Timed[] {
  const state = handle.result.state[node] as { instances?: Instance[] } | undefined;
  const out: Timed[] = [];
  for (const inst of state?.instances ?? []) {
    const job = jobIdOf(node, inst.version);
    let failedInARow = 0;
    for (const cp of inst.checkpoints) {
      const at = cp.triggeredAtMs;
      const end = at + cp.durationMs;
      out.push({ timeMs: at, text: flinkLine(at, 'info', COORDINATOR, `Triggering checkpoint ${cp.id} (type=CheckpointType{name='Checkpoint', sharingFilesStrategy=FORWARD_BACKWARD}) @ ${EPOCH_MS + at} for job ${job}.`) });
      if (cp.status === 'completed') {
        failedInARow = 0;
        // The state size it also prints is not modelled.
        out.push({ timeMs: end, text: flinkLine(end, 'info', COORDINATOR, `Completed checkpoint ${cp.id} for job ${job} (checkpointDuration=${cp.durationMs} ms).`) });
        continue;
      }
      failedInARow++;
      if (cp.status === 'expired') out.push({ timeMs: end, text: flinkLine(end, 'info', COORDINATOR, `Checkpoint ${cp.id} of job ${job} expired before completing.`) });
      out.push({ timeMs: end, text: flinkLine(end, 'warn', FAILURES, `Failed to trigger or complete checkpoint ${cp.id} for job ${job}. (${failedInARow} consecutive failed attempts so far)`) });
    }
  }
  return out;
}

/** A job's state changes, as the JobMaster and its ExecutionGraph log them. */
export function formatFlink(node: string, l: LogLine): string[] | undefined {
  const t = l.timeMs;
  const job = (version: string) => `Job ${version} (${jobIdOf(node, version)})`;
  let m = /^job (?:(\S+) )?failed: checkpoint \d+ expired before completing/.exec(l.text);
  if (m) {
    return [
      flinkLine(t, 'info', MASTER, 'Trying to recover from a global failure.'),
      'org.apache.flink.util.FlinkRuntimeException: Exceeded checkpoint tolerable failure threshold.',
    ];
  }
  m = /^job (\S+) restarting in \d+ms/.exec(l.text);
  if (m) return [flinkLine(t, 'info', GRAPH, `${job(m[1]!)} switched from state RUNNING to RESTARTING.`)];
  m = /^job (\S+) is FAILED/.exec(l.text);
  if (m) return [flinkLine(t, 'info', GRAPH, `${job(m[1]!)} switched from state RUNNING to FAILING.`), flinkLine(t, 'info', GRAPH, `${job(m[1]!)} switched from state FAILING to FAILED.`)];
  return undefined;
}
