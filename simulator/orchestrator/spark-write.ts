/**
 * A partitioned result table written the way Spark 3.x file sources write (SEMANTICS-2 §5 [SP1]–[SP3][HD1]):
 *
 * - `mode("append")` always adds files; their names carry the job's UUID (`part-00000-<jobId>.json`), so a
 *   job **re-run** after it had succeeded (an Airflow retry of a task whose Spark job committed, a
 *   backfill over a day already written) adds a second set of rows: every record counts twice [SP2][SP3].
 * - `mode("overwrite")` with `partitionOverwriteMode=dynamic`: at job commit only the partitions that
 *   received data are replaced; others stay. With `static` (Spark's default, `spark.sql.sources.
 *   partitionOverwriteMode=STATIC`) and no static partition spec, the whole table path is deleted before
 *   the write [SP1][SP2].
 * - A task attempt that dies inside a job never reaches the output (v1 commit / S3A committers [HD1]):
 *   only a committed job's files are here, so a table write is all or nothing per job.
 *
 * Every row keeps the lineage of the records it aggregates and the task attempt that wrote it, so a record
 * counted twice can be blamed on the attempt that appended the second copy.
 */
import type { Rec } from '../core/record.js';
import { ridsOf } from '../core/record.js';

export type SaveMode = 'append' | 'overwrite';
export type PartitionOverwriteMode = 'static' | 'dynamic';

/** Who wrote a file: the Airflow task attempt whose Spark job committed it. */
export interface WriterAttempt {
  readonly runId: string;
  readonly taskId: string;
  readonly tryNumber: number;
}

export interface TableFile {
  readonly name: string;
  readonly rows: readonly Rec[];
  readonly writer: WriterAttempt;
  readonly committedMs: number;
}

export class PartitionedTable {
  /** Partition path (`dt=2026-01-01/hour=13`) → its files, in commit order. */
  readonly partitions = new Map<string, TableFile[]>();
  private jobs = 0;

  constructor(readonly path: string) {}

  /** One committed Spark job writing `rows` grouped by partition. */
  commit(rowsByPartition: ReadonlyMap<string, readonly Rec[]>, mode: SaveMode, overwriteMode: PartitionOverwriteMode, writer: WriterAttempt, nowMs: number): void {
    const jobId = `00000000-0000-4000-8000-${(this.jobs++).toString(16).padStart(12, '0')}`;
    if (mode === 'overwrite' && overwriteMode === 'static') this.partitions.clear();
    let task = 0;
    for (const [partition, rows] of rowsByPartition) {
      if (rows.length === 0) continue;
      const file: TableFile = { name: `${this.path}/${partition}/part-${String(task++).padStart(5, '0')}-${jobId}.c000.json`, rows, writer, committedMs: nowMs };
      if (mode === 'overwrite') this.partitions.set(partition, [file]);
      else this.partitions.set(partition, [...(this.partitions.get(partition) ?? []), file]);
    }
  }

  /** How many times each record is counted in the table (its rid appears in rows' lineage). */
  countsByRid(): Map<number, number> {
    const counts = new Map<number, number>();
    for (const files of this.partitions.values()) for (const f of files) for (const row of f.rows) for (const rid of ridsOf(row)) counts.set(rid, (counts.get(rid) ?? 0) + 1);
    return counts;
  }

  /**
   * For a record counted more than once: the attempts that added the copies after the first — the
   * attempt to blame (e.g. `aggregate` try 2 of `scheduled__…13:00`, which appended again).
   */
  blame(rid: number): WriterAttempt[] {
    const writers: WriterAttempt[] = [];
    for (const files of this.partitions.values()) for (const f of files) if (f.rows.some((r) => ridsOf(r).includes(rid))) writers.push(f.writer);
    return writers.slice(1);
  }
}
