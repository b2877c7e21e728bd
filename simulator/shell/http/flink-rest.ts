/**
 * Flink's REST API on :8081 (the JobManager): `/jobs`, `/jobs/overview`, `/jobs/<jobid>`,
 * `/jobs/<jobid>/checkpoints` and `/jobs/<jobid>/metrics?get=…`, in the REST API's shapes, for what
 * the simulator models: checkpoint ids, status, trigger and completion times, durations, counts,
 * restarts. Checkpoint sizes and per-task alignment data are not modelled and are left out.
 * The JobManager survives a TaskManager crash, so these answer while the job is restarting.
 */
import { EPOCH_MS } from '../../workload/clock.js';
import { metricAt } from '../instant.js';
import { stableHex, type HttpAnswer, type HttpRequest } from './common.js';

interface CheckpointRow {
  id: number;
  status: 'completed' | 'expired' | 'failed';
  triggeredAtMs: number;
  durationMs: number;
}

interface InstanceState {
  version: string;
  status: string;
  restarts: number;
  checkpoints: CheckpointRow[];
}

const JOB_METRICS = ['numRestarts', 'lastCheckpointDuration', 'numberOfCompletedCheckpoints', 'numberOfFailedCheckpoints'] as const;

export function jobIdOf(node: string, version: string): string {
  return stableHex(`flink-job:${node}:${version}`, 32);
}

function instances(req: HttpRequest): InstanceState[] {
  const state = req.handle.result.state[req.node] as { instances?: InstanceState[] } | undefined;
  return state?.instances ?? [];
}

/** RUNNING / RESTARTING / FAILED / FINISHED at the instant, from the job's metrics and final state. */
function statusAt(req: HttpRequest, inst: InstanceState, serving: boolean): string {
  if (inst.status === 'failed' && req.atMs >= req.handle.result.simulatedMs) return 'FAILED';
  if (inst.status === 'stopped') return 'FINISHED';
  if (!serving) return inst.status === 'running' ? 'RUNNING' : 'RESTARTING';
  return metricAt(req.handle, req.node, 'numRecordsInPerSec', req.atMs) === undefined ? 'RESTARTING' : 'RUNNING';
}

/** A history entry as CheckpointingStatistics lists it (newest first). */
function historyEntry(row: CheckpointRow): Record<string, unknown> {
  const trigger = EPOCH_MS + row.triggeredAtMs;
  if (row.status === 'completed') {
    return {
      className: '.CompletedCheckpointStatistics',
      id: row.id,
      status: 'COMPLETED',
      is_savepoint: false,
      trigger_timestamp: trigger,
      latest_ack_timestamp: trigger + row.durationMs,
      end_to_end_duration: row.durationMs,
      checkpoint_type: 'CHECKPOINT',
      discarded: false,
    };
  }
  return {
    className: '.FailedCheckpointStatistics',
    id: row.id,
    status: 'FAILED',
    is_savepoint: false,
    trigger_timestamp: trigger,
    end_to_end_duration: row.durationMs,
    checkpoint_type: 'CHECKPOINT',
    failure_timestamp: trigger + row.durationMs,
    failure_message: row.status === 'expired' ? 'Checkpoint expired before completing.' : 'Checkpoint was declined.',
  };
}

function durationSummary(values: number[]): Record<string, number> {
  if (values.length === 0) return { min: 0, max: 0, avg: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
  return { min: sorted[0]!, max: sorted[sorted.length - 1]!, avg: Math.round(values.reduce((a, b) => a + b, 0) / values.length), p50: q(0.5), p90: q(0.9), p95: q(0.95), p99: q(0.99), p999: q(0.999) };
}

function checkpoints(req: HttpRequest, inst: InstanceState): Record<string, unknown> {
  // Rows known by the instant: a checkpoint appears once it finished (completed or failed).
  const rows = inst.checkpoints.filter((r) => r.triggeredAtMs + r.durationMs <= req.atMs);
  const completed = rows.filter((r) => r.status === 'completed');
  const failed = rows.filter((r) => r.status !== 'completed');
  const last = <T>(xs: T[]): T | undefined => xs[xs.length - 1];
  return {
    counts: { total: rows.length, in_progress: 0, completed: completed.length, failed: failed.length },
    summary: { end_to_end_duration: durationSummary(completed.map((r) => r.durationMs)) },
    latest: {
      completed: last(completed) ? historyEntry(last(completed)!) : null,
      savepoint: null,
      failed: last(failed) ? historyEntry(last(failed)!) : null,
    },
    history: rows.slice(-10).reverse().map(historyEntry),
  };
}

export function flinkRest(req: HttpRequest): HttpAnswer {
  const all = instances(req);
  const state = req.handle.result.state[req.node] as { serving?: number } | undefined;
  const serving = state?.serving ?? 0;
  const jobs = all.map((inst, i) => ({ id: jobIdOf(req.node, inst.version), inst, serving: i === serving }));
  const [first, id, sub] = req.path;
  if (first === 'config') return { status: 200, body: { 'refresh-interval': 3000, 'timezone-name': 'Coordinated Universal Time', 'timezone-offset': 0, 'flink-version': '1.20.0', features: { 'web-submit': false } } };
  if (first !== 'jobs') return { status: 404, body: { errors: ['Not found: /' + req.path.join('/')] } };
  if (id === undefined) return { status: 200, body: { jobs: jobs.map((j) => ({ id: j.id, status: statusAt(req, j.inst, j.serving) })) } };
  if (id === 'overview') {
    return { status: 200, body: { jobs: jobs.map((j) => ({ jid: j.id, name: `${req.node} ${j.inst.version}`, state: statusAt(req, j.inst, j.serving) })) } };
  }
  const job = jobs.find((j) => j.id === id);
  if (!job) return { status: 404, body: { errors: [`Job ${id} not found`] } };
  if (sub === undefined) return { status: 200, body: { jid: job.id, name: `${req.node} ${job.inst.version}`, state: statusAt(req, job.inst, job.serving) } };
  if (sub === 'checkpoints') return { status: 200, body: checkpoints(req, job.inst) };
  if (sub === 'metrics') {
    const get = req.params.get('get');
    if (get === null) return { status: 200, body: JOB_METRICS.map((m) => ({ id: m })) };
    const out: { id: string; value: string }[] = [];
    for (const name of get.split(',')) {
      const v = job.serving ? metricAt(req.handle, req.node, name, req.atMs) : undefined;
      if ((JOB_METRICS as readonly string[]).includes(name) && v !== undefined) out.push({ id: name, value: String(v) });
    }
    return { status: 200, body: out };
  }
  return { status: 404, body: { errors: ['Not found: /' + req.path.join('/')] } };
}
