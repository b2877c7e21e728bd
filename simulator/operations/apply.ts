/**
 * Carries out the runbook during the run: each resolved step (plan.ts) at its simulated time, with
 * what the real command does. The trace (run log, source `operator`) gets the command line as typed
 * and what the tool printed, so the terminal and the run log show each operation at its time.
 *
 * - `kafka-topics.sh --alter --partitions n`: the controller adds the partitions at once; producers
 *   and consumers see them at their next metadata refresh (nodes/kafka/metadata-cache.ts).
 * - `kafka-consumer-groups.sh --reset-offsets`: refused while the group has members, as the broker
 *   refuses it; a plan only without `--execute`; with it, the group's committed offsets are set.
 *   Records a forward reset jumps over are never read by the group: noted as lost there.
 * - `flink stop --savepointPath`: stop-with-savepoint; `flink run -s`: the job again from it.
 * - `airflow backfill create`: the DAG's scheduler creates (or clears) the backfill's runs at once
 *   (orchestrator/scheduler.ts); they run like any run, and what a re-run writes is the Spark job's
 *   business (`INSERT INTO` appends a second copy, `INSERT OVERWRITE … PARTITION` replaces it).
 * - `flink cancel`: the job ends at once and its state is gone; `flink run` without `-s`: the job is
 *   submitted anew, empty, its Kafka source starting where `scan.startup.mode` says (Flink CLI docs,
 *   "Terminating a Job" and "Starting a Job from a Savepoint").
 */
import type { Simulation } from '../core/simulation.js';
import type { KafkaCluster } from '../nodes/kafka/cluster.js';
import type { FlinkNode } from '../nodes/flink/flink-node.js';
import type { PipelineSpec } from '../spec/schema/pipeline.js';
import { formatPlan, NO_EXECUTE_WARNING, planReset } from '../shell/commands/reset-offsets.js';
import { planOperations, type Step } from './plan.js';
import type { BatchNode } from '../arch/batch.js';
import { isoAirflow } from '../orchestrator/timetable.js';

/** The trace's source for what operators do. */
export const OPERATOR = 'operator';

export function scheduleOperations(sim: Simulation, spec: PipelineSpec, lookup: (id: string) => unknown): void {
  const written = new Set<string>();
  for (const step of planOperations(spec).steps) {
    sim.at(step.at, () => {
      sim.addLog('info', OPERATOR, `$ ${step.run}`);
      if (step.op.kind === 'airflow-backfill') {
        for (const line of backfill(sim, step as Extract<Step, { batch: string }>)) sim.addLog(line.level, OPERATOR, line.text);
        return;
      }
      const { level, text } = apply(sim, step as Exclude<Step, { batch: string }>, lookup, written);
      if (text) sim.addLog(level, OPERATOR, text);
    });
  }
}

type Outcome = { level: 'info' | 'warn' | 'error'; text: string };

function apply(sim: Simulation, step: Exclude<Step, { batch: string }>, lookup: (id: string) => unknown, savepoints: Set<string>): Outcome {
  if (step.op.kind === 'add-partitions' || step.op.kind === 'reset-offsets') {
    const cluster = lookup((step as { cluster: string }).cluster) as KafkaCluster;
    if (step.op.kind === 'add-partitions') {
      const error = cluster.addPartitions(step.op.topic, step.op.partitions);
      return error ? { level: 'error', text: `Error while executing topic command : ${error}` } : { level: 'info', text: '' };
    }
    return resetOffsets(sim, cluster, step.op);
  }
  const node = sim.node((step as { flink: string }).flink) as FlinkNode | undefined;
  if (step.op.kind === 'flink-stop') {
    const path = (step as { savepoint: string }).savepoint;
    const jobId = step.op.jobId;
    const started = node?.stopWithSavepoint(() => {
      savepoints.add(path);
      sim.addLog('info', OPERATOR, `Savepoint completed. Path: ${path}`);
    });
    return started
      ? { level: 'info', text: `Suspending job "${jobId}" with a CANONICAL savepoint.` }
      : { level: 'error', text: `The program finished with the following exception: Could not stop with a savepoint job "${jobId}": the job is not running.` };
  }
  if (step.op.kind === 'flink-cancel') {
    const jobId = step.op.jobId;
    return node?.cancel()
      ? { level: 'info', text: `Cancelling job ${jobId}.\nCancelled job ${jobId}.` }
      : { level: 'error', text: `The program finished with the following exception: Could not cancel job ${jobId}: the job is not running.` };
  }
  const { savepoint, parallelism } = step.op;
  const jobId = (step as { jobId: string }).jobId;
  if (savepoint === undefined) {
    // The job's own `parallelism.default` unless `-p` says otherwise; one job per cluster in this simulator.
    if (!node?.runWithoutState(parallelism ?? node.parallelism())) {
      return { level: 'error', text: 'The program finished with the following exception: the job could not be submitted (the cluster already runs it: stop or cancel it first)' };
    }
    return { level: 'info', text: `Job has been submitted with JobID ${jobId}${parallelism !== undefined ? ` (parallelism ${parallelism})` : ''}` };
  }
  if (!savepoints.has(savepoint)) {
    return { level: 'error', text: `The program finished with the following exception: java.io.FileNotFoundException: Cannot find checkpoint or savepoint file/directory '${savepoint}'` };
  }
  // Without `-p` the job keeps the parallelism it had (`parallelism.default` in its config).
  if (!node?.restoreFromSavepoint(parallelism ?? node.parallelism())) {
    return { level: 'error', text: 'The program finished with the following exception: the job could not be restored from the savepoint (it is still running, or Flink refused its parallelism: see the log)' };
  }
  return { level: 'info', text: `Job has been submitted with JobID ${jobId}${parallelism !== undefined ? ` (parallelism ${parallelism})` : ''}` };
}

/** What the backfill printed, one log line per logical date (the CLI's dry-run table, or what the backfill did with each date). */
function backfill(sim: Simulation, step: Extract<Step, { batch: string }>): Outcome[] {
  const { op } = step;
  const node = sim.node(step.batch) as BatchNode | undefined;
  const result = node?.backfill({ fromMs: op.fromMs, toMs: op.toMs, reprocess: op.reprocess, maxActiveRuns: op.maxActiveRuns, runBackwards: op.runBackwards, dryRun: op.dryRun });
  if (!result) return [{ level: 'error', text: `Could not find Dag ${op.dagId}` }];
  if (result instanceof Error) return [{ level: 'error', text: result.message }];
  if (result.backfillId === null) {
    return [
      { level: 'info', text: `Performing dry run of backfill: ${result.outcomes.length} runs to be attempted, nothing created` },
      ...result.outcomes.map((o): Outcome => ({ level: 'info', text: `dry run: would run logical date ${isoAirflow(o.logicalDateMs)}` })),
    ];
  }
  const lines: Outcome[] = [{ level: 'info', text: `Created backfill ${result.backfillId} of Dag ${op.dagId}: ${result.outcomes.length} logical dates, reprocess ${op.reprocess}, max_active_runs ${op.maxActiveRuns}` }];
  for (const o of result.outcomes) {
    const date = isoAirflow(o.logicalDateMs);
    if (o.action === 'created') lines.push({ level: 'info', text: `created run ${o.runId} for logical date ${date}` });
    else if (o.action === 'cleared') lines.push({ level: 'info', text: `cleared run ${o.runId} for logical date ${date}: queued again as a backfill run` });
    else lines.push({ level: 'warn', text: `skipped logical date ${date}: run ${o.runId} ${o.action}` });
  }
  return lines;
}

function resetOffsets(sim: Simulation, cluster: KafkaCluster, op: Extract<Step['op'], { kind: 'reset-offsets' }>): Outcome {
  const mine = cluster.groups.describe().filter((g) => g.group === op.group);
  // The broker refuses to alter the offsets of a group with members (GroupCoordinator: "non-empty group").
  if (mine.some((g) => g.members.length > 0)) {
    return { level: 'error', text: `Error: Assignments can only be reset if the group '${op.group}' is inactive, but the current state is Stable.` };
  }
  const committed = (topic: string, p: number): number | null => mine.find((g) => g.topic === topic)?.committed.find((c) => c.partition === p)?.offset ?? null;
  const plan = planReset(op.options, mine.length > 0 ? mine : [{ group: op.group, topic: op.topic, generation: 0, members: [], committed: [] }], cluster, committed);
  if ('error' in plan) return { level: 'error', text: plan.error };
  const printed = [...(op.execute || op.options.flags.has('dry-run') ? [] : [NO_EXECUTE_WARNING]), ...plan.warnings, formatPlan(op.group, plan.rows)].join('\n');
  if (!op.execute) return { level: 'info', text: printed };
  for (const row of plan.rows) {
    const from = committed(row.topic, row.partition);
    // Jumping forward: the group never reads what lies between its old and its new offset.
    if (from !== null && row.offset > from) {
      const why = `kafka-consumer-groups --reset-offsets moved group ${op.group} past it on ${row.topic}-${row.partition}`;
      cluster.visitRange(row.topic, row.partition, from, row.offset, (rid) => sim.ledger.noteLoss(rid, cluster.id, why));
    }
  }
  const byTopic = new Map<string, [number, number][]>();
  for (const row of plan.rows) byTopic.set(row.topic, [...(byTopic.get(row.topic) ?? []), [row.partition, row.offset]]);
  for (const [topic, offsets] of byTopic) cluster.groups.alterOffsets(op.group, topic, offsets);
  return { level: 'info', text: printed };
}
