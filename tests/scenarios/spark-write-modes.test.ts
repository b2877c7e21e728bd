/**
 * Spark write modes under an Airflow retry, a backfill and late data (SEMANTICS-2 §5 scenarios 1–2;
 * Spark docs configuration.html `spark.sql.sources.partitionOverwriteMode` [SP1];
 * InsertIntoHadoopFsRelationCommand [SP2]; file names with the job UUID [SP3]).
 * The task's Spark job commits, then the Airflow try is marked failed (e.g. the worker lost the
 * heartbeat) and retried: the second job writes the same partition again.
 */
import { describe, it, expect } from 'vitest';
import type { Rec } from '../../simulator/core/record.js';
import { PartitionedTable, type SaveMode, type PartitionOverwriteMode } from '../../simulator/orchestrator/spark-write.js';
import { parseDag } from '../../simulator/orchestrator/dag-parse.js';
import { DagScheduler, dagSettings, runScheduler } from '../../simulator/orchestrator/scheduler.js';

const H = 3_600_000;
const countRow = (key: string, rids: number[]): Rec => ({ rid: -1, eventTimeMs: 0, fields: { status: key, count: rids.length }, id: `count:${key}`, lineage: rids });

/** An hourly DAG whose aggregate task commits its Spark job on every try, but try 1 is reported failed. */
function run(mode: SaveMode, overwrite: PartitionOverwriteMode, lake: () => number[][]) {
  const table = new PartitionedTable('s3://lake/counts');
  const dag = parseDag('with DAG(dag_id="counts", schedule="@hourly", start_date=datetime(2026, 1, 1), catchup=True) as dag:\n    agg = SparkSubmitOperator(task_id="aggregate", retries=1, retry_delay=60)\n', 'counts.py');
  if (!dag.ok) throw new Error('dag');
  const settings = dagSettings(dag.dag) as Exclude<ReturnType<typeof dagSettings>, Error>;
  const s = new DagScheduler(dag.dag, settings, {
    execute: (task, r, tryNumber, startMs) => {
      const hour = r.interval.startMs / H;
      const rids = lake()[hour] ?? [];
      table.commit(new Map([[`dt=2026-01-01/hour=${String(hour).padStart(2, '0')}`, [countRow('200', rids)]]]), mode, overwrite, { runId: r.runId, taskId: task.taskId, tryNumber }, startMs + 60_000);
      return { durationMs: 60_000, ok: tryNumber > 1 || hour !== 0 };
    },
    poke: () => true,
  });
  return { table, s };
}

describe('a retry after the Spark job had committed', () => {
  const lake = () => [[0, 1, 2], [3, 4]];
  it('append: hour 00 holds two files, every record counts twice, blamed on aggregate try 2', () => {
    const { table, s } = run('append', 'dynamic', lake);
    runScheduler(s, 2 * H, 2 * H + 10 * 60_000);
    expect(table.partitions.get('dt=2026-01-01/hour=00')!.length).toBe(2);
    expect(table.countsByRid().get(0)).toBe(2);
    expect(table.countsByRid().get(3)).toBe(1);
    expect(table.blame(0)).toEqual([{ runId: 'scheduled__2026-01-01T00:00:00+00:00', taskId: 'aggregate', tryNumber: 2 }]);
  });
  it('overwrite (dynamic): the retry replaces hour 00 only; each record once, hour 01 kept', () => {
    const { table, s } = run('overwrite', 'dynamic', lake);
    runScheduler(s, 2 * H, 2 * H + 10 * 60_000);
    expect([...table.countsByRid().values()].every((n) => n === 1)).toBe(true);
    expect([...table.partitions.keys()].sort()).toEqual(['dt=2026-01-01/hour=00', 'dt=2026-01-01/hour=01']);
  });
  it('overwrite (static, Spark default): each job deletes the whole table first — only the last written hour survives', () => {
    const { table, s } = run('overwrite', 'static', lake);
    runScheduler(s, 2 * H, 2 * H + 10 * 60_000);
    expect([...table.partitions.keys()]).toEqual(['dt=2026-01-01/hour=00']); // the 00 retry ran last
  });
});

describe('a backfill over hours already written, after late data arrived', () => {
  it('overwrite (dynamic) picks up the late record exactly once; append counts the hour twice', () => {
    for (const mode of ['overwrite', 'append'] as const) {
      let late = false;
      const { table, s } = run(mode, 'dynamic', () => [late ? [0, 1, 2, 99] : [0, 1, 2], [3, 4]]);
      runScheduler(s, 2 * H, 2 * H + 10 * 60_000);
      late = true; // a record of hour 00 reaches the lake after the run
      // airflow backfill create --from-date 2026-01-01T00:00 --to-date 2026-01-01T00:00 --reprocess-behavior completed
      s.backfill({ fromMs: 0, toMs: 0, reprocess: 'completed', maxActiveRuns: 10, runBackwards: false, dryRun: false }, 3 * H);
      runScheduler(s, 3 * H, 3 * H + 10 * 60_000);
      const counts = table.countsByRid();
      // append: try 1 and its retry (try 2) wrote hour 00, and the backfill (try 3) wrote it again
      if (mode === 'overwrite') expect([counts.get(0), counts.get(99)]).toEqual([1, 1]);
      else expect([counts.get(0), counts.get(99)]).toEqual([3, 1]);
      expect(table.partitions.get('dt=2026-01-01/hour=00')!.at(-1)!.writer.tryNumber).toBe(3);
    }
  });
});
