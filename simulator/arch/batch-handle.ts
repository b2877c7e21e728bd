/**
 * What Lambda's batch layer offers the serving layer (registered with `ctx.provide(batchId, …)`).
 */
import type { ViewRow } from './batch-view.js';

/** A batch view as published at the end of a completed run; replaced atomically by the next one. */
export interface PublishedView {
  readonly version: string;
  readonly startedAtMs: number;
  readonly publishedAtMs: number;
  /** Newest write time among the objects the run read: the run covers everything written by then. */
  readonly cutOffMs: number;
  /** Windows ending at or before this come from the batch view: min(cut-off, run start − `cut-off-margin`). */
  readonly coversWindowsEndingByMs: number;
  readonly rows: readonly ViewRow[];
  /** Records the run read. */
  readonly records: number;
  /** Keys of the objects the run read (to tell which master-dataset records it covered). */
  readonly objectKeys: ReadonlySet<string>;
}

export interface BatchRunInfo {
  readonly version: string;
  readonly startedAtMs: number;
  /** Publish time, or null while running or if aborted. */
  readonly finishedAtMs: number | null;
  readonly abortedAtMs: number | null;
  readonly records: number;
  /** Of those, records in objects an earlier run had read already. */
  readonly alreadyRead: number;
  readonly cutOffMs: number;
  /** With a DAG schedule: the Airflow run and the task try this run is. */
  readonly runId?: string;
  readonly tryNumber?: number;
}

export interface BatchLayerHandle {
  /** The view in force now, or null before the first run completes. */
  view(): PublishedView | null;
  /** Every run started so far, in start order. */
  runs(): readonly BatchRunInfo[];
  /** Records read so far by all runs (a running or aborted run counts what it read until now / the abort). */
  processed(nowMs: number): number;
  /** Of those, records read again (the whole history, every run). */
  reprocessed(nowMs: number): number;
  /** Records in the master dataset under the job's prefix now. */
  masterRecords(): number;
  /** The master dataset's node id. */
  readonly sourceNode: string;
  readonly prefix: string;
}
