/**
 * The runbook as the simulator will carry it out: every `operations:` entry parsed (parse.ts) and
 * resolved against the spec, in time order — which Kafka cluster `--bootstrap-server` names, whether
 * the topic exists, how many partitions it will have by then (Kafka only increases the count), which
 * Flink job a JobID is, which savepoint `flink run -s` restores, which Flink cluster a `flink run`
 * without `-s` submits to (`-m host:port`, or the only one there is), and which DAG-driven batch node
 * `airflow backfill create --dag-id` names. The spec checks report the
 * problems at their file:line:col (check.ts); the run schedules the resolved steps (apply.ts).
 */
import type { PipelineSpec } from '../spec/schema/pipeline.js';
import { referencedTopics } from '../nodes/kafka/index.js';
import { jobIdOf } from '../shell/http/flink-rest.js';
import { stableHex } from '../shell/http/common.js';
import { parseOperation, type LineProblem, type Operation } from './parse.js';
import { closest } from '../spec/suggest.js';
import { isoAirflow } from '../orchestrator/timetable.js';

export type Step =
  | { at: number; index: number; run: string; op: Extract<Operation, { kind: 'add-partitions' | 'reset-offsets' }>; cluster: string }
  | { at: number; index: number; run: string; op: Extract<Operation, { kind: 'flink-stop' }>; flink: string; savepoint: string }
  | { at: number; index: number; run: string; op: Extract<Operation, { kind: 'flink-cancel' }>; flink: string }
  | { at: number; index: number; run: string; op: Extract<Operation, { kind: 'flink-run' }>; flink: string; jobId: string }
  | { at: number; index: number; run: string; op: Extract<Operation, { kind: 'airflow-backfill' }>; batch: string };

export interface PlanProblem extends LineProblem {
  /** Index in `operations:`. */
  index: number;
}

/**
 * Where `flink stop --savepointPath <dir>` writes its savepoint: `<dir>/savepoint-<first 6 of the
 * JobID>-<12 hex>`, as Flink names it; the random part is derived from the job and the time so the
 * same runbook gives the same path (the trace prints it, and `flink run -s` must name it).
 */
export function savepointPath(dir: string, jobId: string, atMs: number): string {
  return `${dir}/savepoint-${jobId.slice(0, 6)}-${stableHex(`savepoint:${jobId}:${atMs}`, 12)}`;
}

/** The Kafka node a `--bootstrap-server host:port[,…]` names: a node id, or the only cluster there is. */
function clusterOf(spec: PipelineSpec, bootstrap: string): string | undefined {
  const kafka = Object.entries(spec.nodes).filter(([, n]) => n.type === 'kafka').map(([id]) => id);
  for (const server of bootstrap.split(',')) {
    const host = server.replace(/:\d+$/, '').replace(/\/broker-\d+$/, '');
    if (kafka.includes(host)) return host;
  }
  return kafka.length === 1 ? kafka[0] : undefined;
}

/** Partition counts the topics of a cluster start with: the spec's, and 1 for topics the broker creates on first use. */
function initialPartitions(spec: PipelineSpec, cluster: string): Map<string, number> {
  const node = spec.nodes[cluster];
  const counts = new Map<string, number>();
  if (node?.type !== 'kafka') return counts;
  for (const [name, t] of Object.entries(node.topics)) counts.set(name, t.partitions);
  const { written, read } = referencedTopics(cluster, spec);
  for (const name of [...written, ...read]) if (!counts.has(name)) counts.set(name, 1);
  return counts;
}

/** The DAGs of the spec: dag_id → the batch node its `schedule:` drives (the id a DAG file's `dag_id` gave it). */
function dagsOf(spec: PipelineSpec): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, n] of Object.entries(spec.nodes)) if (n.type === 'batch' && n.schedule) out.set(n.schedule['dag-id'] ?? id, id);
  return out;
}

export function planOperations(spec: PipelineSpec): { steps: Step[]; problems: PlanProblem[] } {
  const steps: Step[] = [];
  const problems: PlanProblem[] = [];
  const order = (spec.operations ?? []).map((o, index) => ({ ...o, index })).sort((a, b) => a.at - b.at || a.index - b.index);
  const partitions = new Map<string, Map<string, number>>();
  const flinkJobs = Object.entries(spec.nodes).filter(([, n]) => n.type === 'flink').map(([id]) => ({ id, jobId: jobIdOf(id, 'main') }));
  /** Savepoints written so far: path → the Flink node whose job it is. */
  const savepoints = new Map<string, { flink: string; jobId: string }>();
  for (const { at, run, index } of order) {
    const parsed = parseOperation(run);
    const whole = { column: 1, endColumn: run.length + 1 };
    const refuse = (message: string, hint?: string, where: { column: number; endColumn: number } = whole) => problems.push({ index, ...where, message, ...(hint ? { hint } : {}) });
    if (!parsed.ok) {
      problems.push({ index, ...parsed.problem });
      continue;
    }
    const op = parsed.op;
    if (op.kind === 'add-partitions' || op.kind === 'reset-offsets') {
      const cluster = clusterOf(spec, op.bootstrap);
      if (!cluster) {
        refuse(`no Kafka cluster at ${op.bootstrap}`, `--bootstrap-server names a kafka node: ${Object.entries(spec.nodes).filter(([, n]) => n.type === 'kafka').map(([id]) => `${id}:9092`).join(', ') || 'this pipeline has none'}`);
        continue;
      }
      let counts = partitions.get(cluster);
      if (!counts) partitions.set(cluster, (counts = initialPartitions(spec, cluster)));
      const current = counts.get(op.topic);
      if (current === undefined) {
        refuse(`Topic '${op.topic}' does not exist as expected`, `topics of ${cluster}: ${[...counts.keys()].join(', ')}`);
        continue;
      }
      if (op.kind === 'add-partitions') {
        // The controller's refusals (ReplicationControlManager.createPartitions), found before the run.
        if (op.partitions === current) refuse(`Topic already has ${current} partition(s).`, 'Kafka can only add partitions');
        else if (op.partitions < current) refuse(`The topic ${op.topic} currently has ${current} partition(s); ${op.partitions} would not be an increase.`, 'Kafka never removes partitions: a smaller count means a new topic');
        else counts.set(op.topic, op.partitions);
        if (op.partitions <= current) continue;
      }
      steps.push({ at, index, run, op, cluster });
      continue;
    }
    if (op.kind === 'airflow-backfill') {
      const dags = dagsOf(spec);
      const batch = dags.get(op.dagId);
      if (batch === undefined) {
        const guess = closest(op.dagId, [...dags.keys()]);
        refuse(`Could not find Dag ${op.dagId}`, guess ? `did you mean ${guess}?` : dags.size ? `no DAG file defines it; the DAGs: ${[...dags.keys()].join(', ')}` : 'no DAG file defines it: this workspace has no DAG', op.dagIdAt);
        continue;
      }
      // `_validate_backfill_params`, known before the run: the range, and dates all after the command's time.
      if (op.fromMs > op.toMs) {
        refuse(`from_date (${isoAirflow(op.fromMs)}) must not be after to_date (${isoAirflow(op.toMs)}).`, 'swap --from-date and --to-date', op.datesAt);
        continue;
      }
      if (op.fromMs >= at && op.toMs >= at) {
        refuse('Backfill cannot be executed for future dates.', `the command runs at ${isoAirflow(at)}: back-fill dates before it`, op.datesAt);
        continue;
      }
      steps.push({ at, index, run, op, batch });
      continue;
    }
    if (op.kind === 'flink-stop' || op.kind === 'flink-cancel') {
      const job = flinkJobs.find((j) => j.jobId === op.jobId);
      if (!job) {
        const what = op.kind === 'flink-stop' ? 'stop with a savepoint' : 'cancel';
        refuse(`Could not ${what} job "${op.jobId}": Job ${op.jobId} not found`, flinkJobs.length ? `the job ids: ${flinkJobs.map((j) => `${j.jobId} (${j.id})`).join(', ')}` : 'this pipeline has no Flink job');
        continue;
      }
      if (op.kind === 'flink-cancel') {
        steps.push({ at, index, run, op, flink: job.id });
        continue;
      }
      const path = savepointPath(op.savepointDir, op.jobId, at);
      savepoints.set(path, { flink: job.id, jobId: job.jobId });
      steps.push({ at, index, run, op, flink: job.id, savepoint: path });
      continue;
    }
    if (op.savepoint === undefined) {
      // A new submission: the cluster `-m` names, or the only one; the jar is that cluster's job.
      const host = op.jobmanager?.replace(/^\w+:\/\//, '').replace(/:\d+\/?$/, '');
      const job = host !== undefined ? flinkJobs.find((j) => j.id === host) : flinkJobs.length === 1 ? flinkJobs[0] : undefined;
      if (!job) {
        const clusters = flinkJobs.map((j) => `${j.id}:8081`).join(', ');
        if (host !== undefined) refuse(`Could not connect to the JobManager at ${op.jobmanager}: no Flink cluster there`, clusters ? `the Flink clusters: ${clusters}` : 'this pipeline has no Flink job');
        else if (flinkJobs.length === 0) refuse('No Flink cluster to submit the job to', 'this pipeline has no Flink job');
        else refuse('which Flink cluster? this pipeline has several', `name it with -m <host>:8081: ${clusters}`);
        continue;
      }
      steps.push({ at, index, run, op, flink: job.id, jobId: job.jobId });
      continue;
    }
    const from = savepoints.get(op.savepoint);
    if (!from) {
      const known = [...savepoints.keys()];
      refuse(`Cannot find checkpoint or savepoint file/directory '${op.savepoint}'`, known.length ? `the savepoints written before: ${known.join(', ')}` : 'run flink stop --savepointPath <dir> <jobId> earlier: it prints the savepoint path');
      continue;
    }
    steps.push({ at, index, run, op, flink: from.flink, jobId: from.jobId });
  }
  return { steps, problems };
}
