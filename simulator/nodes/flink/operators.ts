/**
 * The job's operator chain for one job version: `where` filter → keyed `dedupe` → keyed
 * event-time windows with their aggregate (or pass-through when the job has no window, or
 * no job at all). Watermarks come from the source partitions (see watermarks.ts); window
 * results and passed-through records go to `emit`, in order.
 */
import { LazyRec, type Rec } from '../../core/record.js';
import { recField, splitFieldPath } from '../../core/record.js';
import type { NodeContext } from '../../core/node.js';
import type { JobSpec } from '../../spec/schema/job.js';
import type { PolledRecords } from '../kafka/polled-records.js';
import { compileWhere } from './where.js';
import { Dedupe } from './dedupe.js';
import { KeyedWindows, contribution, parseAggregate, windowResult, type Aggregate, type StoredWindowCell, type WindowCell } from './windows.js';
import { WatermarkTracker } from './watermarks.js';
import type { SubtaskLayout } from './subtasks.js';
import { LocalGlobalCost, sliceLength } from './local-global.js';

const OVERLAP_WHY = 'counted in each of the overlapping sliding windows it belongs to';
const REFIRED_WHY = 'window fired again: its new result repeats the records of the earlier one';

/** The keyed state a checkpoint stores (watermarks are not checkpointed: they regenerate from replayed data). */
export interface OperatorState {
  windows: StoredWindowCell[];
  dedupe: Map<string, number> | null;
}

export class Operators {
  private where: ((fields: Rec['fields']) => boolean) | null = null;
  private dedupe: Dedupe | null = null;
  private windows: KeyedWindows | null = null;
  private agg: Aggregate = { kind: 'count' };
  private keyBy = '';
  readonly watermarks: WatermarkTracker;
  /** Records routed to the late side output (kept for inspection). */
  readonly sideOutput: Rec[] = [];
  lateDropped = 0;
  /** Copies the dedupe step dropped (an extra write that was absorbed: simulator/cost). */
  dedupeDropped = 0;
  processed = 0;
  emitted = 0;
  windowsFired = 0;

  constructor(
    private readonly ctx: NodeContext,
    private readonly where_: string,
    private job: JobSpec | undefined,
    defaultKey: string,
    partitions: readonly number[],
    idleness: number | undefined,
    /** The job's subtasks: where each key's state lives, what each subtask did. */
    readonly layout: SubtaskLayout,
  ) {
    this.keyBy = job?.['key-by'] ?? defaultKey;
    this.configure(job);
    const bound = job?.watermark?.['max-out-of-orderness'] ?? 0;
    this.watermarks = new WatermarkTracker(partitions, bound, idleness, ctx.now(), layout.emptySourceSubtasks);
  }

  /** Partitions a discovery found: their source subtasks (split owners), and a watermark input each. Returns the owners. */
  addPartitions(partitions: readonly number[]): number[] {
    const owners = this.layout.addPartitions(partitions);
    for (const p of partitions) this.watermarks.addPartition(p, this.ctx.now(), this.layout.emptySourceSubtasks);
    return owners;
  }

  /** Installs a job version's code; keyed window state carries over when the window shape is unchanged. */
  configure(job: JobSpec | undefined, defaultKey = this.keyBy): void {
    const sameWindow = JSON.stringify(job?.window) === JSON.stringify(this.job?.window) && job?.['allowed-lateness'] === this.job?.['allowed-lateness'];
    const previous = this.windows && sameWindow ? this.windows.snapshot() : null;
    this.job = job;
    this.keyBy = job?.['key-by'] ?? defaultKey;
    this.where = job?.where ? compileWhere(job.where) : null;
    if (job?.dedupe) {
      if (!this.dedupe) this.dedupe = new Dedupe(job.dedupe.field, job.dedupe.ttl);
    } else this.dedupe = null;
    this.agg = parseAggregate(job?.aggregate ?? 'count');
    this.windows = job?.window ? new KeyedWindows(job.window, job['allowed-lateness']) : null;
    if (previous && this.windows) this.windows.restore(previous);
  }

  get hasWindows(): boolean {
    return this.windows !== null;
  }

  windowStateSize(): number {
    return this.windows?.size() ?? 0;
  }

  /** Ids the dedupe step remembers now (its keyed state). */
  dedupeStateSize(): number {
    return this.dedupe?.size() ?? 0;
  }

  /** Runs records through the chain; outputs are appended to `out`. */
  process(records: PolledRecords, out: Rec[]): void {
    const ledger = this.ctx.ledger;
    const where = this.where_;
    const now = this.ctx.now();
    const wm = this.watermarks.watermark;
    const fire = (cell: WindowCell) => this.fire(cell, out);
    const filteredWhy = `job filter: where ${this.job?.where ?? ''}`;
    const noKeyWhy = `no ${this.keyBy} field to key by`;
    // A top-level key (`status`) is read here directly: one property name at this site stays a fast
    // lookup, where the shared readField sees every path of the run.
    const keyParts = splitFieldPath(this.keyBy);
    const topKey = keyParts.length === 1 ? keyParts[0]! : null;
    // Per-subtask counts only for a parallel job: parallelism 1 keeps the single-task loop as it was.
    const layout = this.layout.parallelism > 1 ? this.layout : null;
    // Without a filter or a dedupe step a record is read field by field (its key, its value): a column
    // that keeps ids then makes no record for it.
    const byIndex = !this.where && !this.dedupe && this.windows !== null;
    for (let i = 0; i < records.length; i++) {
      const partition = records.partitionAt(i);
      if (byIndex) {
        this.processed++;
        const rid = records.ridAt(i);
        const eventTimeMs = records.eventTimeAt(i);
        this.watermarks.observe(partition, eventTimeMs, now);
        const keyValue = records.fieldAt(i, this.keyBy);
        if (keyValue === undefined || keyValue === null) {
          ledger.noteFiltered(rid, where, noKeyWhy);
          continue;
        }
        const key = String(keyValue);
        if (layout) layout.countIn(layout.subtaskOf(key));
        const v = this.agg.kind === 'count' ? 1 : contribution(this.agg, records.fieldAt(i, this.agg.field));
        this.placed(this.windows!.add(key, eventTimeMs, rid, v, wm, fire), rid, key, layout, records, i);
        continue;
      }
      const rec = records.recordAt(i);
      this.processed++;
      this.watermarks.observe(partition, rec.eventTimeMs, now);
      if (this.where && !this.where(rec.fields)) {
        ledger.noteFiltered(rec.rid, where, filteredWhy);
        continue;
      }
      if (this.dedupe && !this.dedupe.admit(rec, now)) {
        this.dedupeDropped++;
        if (ledger.isTraced(rec.rid)) ledger.trace(rec.rid, where, 'dropped by the dedupe step: id already seen');
        continue;
      }
      if (!this.windows) {
        if (layout) layout.countIn(layout.sourceSubtaskOf(partition));
        out.push(rec);
        continue;
      }
      const keyValue = topKey !== null && !(rec instanceof LazyRec) ? rec.fields[topKey] : recField(rec, this.keyBy);
      if (keyValue === undefined || keyValue === null) {
        ledger.noteFiltered(rec.rid, where, noKeyWhy);
        continue;
      }
      const key = String(keyValue);
      // keyBy: the record goes to the subtask owning its key group, which holds the key's window state.
      if (layout) layout.countIn(layout.subtaskOf(key));
      const v = this.agg.kind === 'count' ? 1 : contribution(this.agg, recField(rec, this.agg.field));
      this.placed(this.windows.add(key, rec.eventTimeMs, rec.rid, v, wm, fire), rec.rid, key, layout, records, i);
    }
    this.emitted += out.length;
  }

  /** What became of record `i` once window state took it into `windows` windows (0: all of them had closed). */
  private placed(windows: number, rid: number, key: string, layout: SubtaskLayout | null, records: PolledRecords, i: number): void {
    const ledger = this.ctx.ledger;
    const where = this.where_;
    // Sliding windows overlap: a record counts once in each of its windows, so the results hold it that many times.
    for (let w = 1; w < windows; w++) ledger.noteDuplicate(rid, where, OVERLAP_WHY);
    if (windows === 0) {
      if (this.job?.['late-data'] === 'side-output') {
        this.sideOutput.push(records.recordAt(i));
        ledger.noteLateSideOutput(rid, where, 'window already closed: routed to the late-data side output');
      } else {
        this.lateDropped++;
        ledger.noteLate(rid, where, 'window already closed: dropped (numLateRecordsDropped)');
      }
    } else if (ledger.isTraced(rid)) ledger.trace(rid, where, layout ? `added to window state (key ${key}, subtask ${layout.subtaskOf(key)} of ${layout.parallelism})` : `added to window state (key ${key})`);
  }

  /**
   * How long a polled batch keeps the job busy at `processingTime` per record. The per-record work is
   * the keyed window operator's when the job keys records (DataStream keyBy().window(): no local
   * pre-aggregation), so it falls on the subtask owning each record's key; a job without a keyed step
   * does its work chained to the source, on the subtask owning the record's partition. A SQL window
   * aggregation the planner split into local and global phases spreads it as local-global.ts says.
   */
  busyTime(records: PolledRecords, processingTime: number): number {
    const layout = this.layout;
    if (layout.parallelism <= 1) {
      layout.busyMs[0] = layout.busyMs[0]! + records.length * processingTime;
      return records.length * processingTime;
    }
    const twoPhase = this.windows && this.job?.['local-global'] && this.job.window ? new LocalGlobalCost(layout, sliceLength(this.job.window)) : null;
    if (twoPhase) twoPhase.startBatch();
    else layout.startBatch();
    for (let i = 0; i < records.length; i++) {
      const partition = records.partitionAt(i);
      if (!this.windows) {
        layout.charge(layout.sourceSubtaskOf(partition));
        continue;
      }
      const rec = records.recordAt(i);
      // Records the filter drops never cross the keyBy.
      if (this.where && !this.where(rec.fields)) continue;
      const keyValue = recField(rec, this.keyBy);
      if (keyValue === undefined || keyValue === null) continue;
      if (twoPhase) twoPhase.charge(partition, String(keyValue), rec.eventTimeMs);
      else layout.charge(layout.subtaskOf(String(keyValue)));
    }
    return layout.busyTime(processingTime);
  }

  /** The periodic watermark: fires windows it passed. */
  onWatermark(out: Rec[]): void {
    const before = this.watermarks.watermark;
    const wm = this.watermarks.emit(this.ctx.now());
    if (wm === before || !this.windows) return;
    this.windows.advance(wm, (cell, last) => this.fire(cell, out, last));
    this.emitted += out.length;
  }

  /**
   * A window's result goes out. A window that fired before (a late record within allowed-lateness,
   * timers again after a restore, sessions merged) sends its records again: each is an extra copy
   * made here, unless the sink's document id makes the new result replace the old one.
   */
  private fire(cell: WindowCell, out: Rec[], last = false): void {
    this.windowsFired++;
    const ledger = this.ctx.ledger;
    for (let i = 0; i < cell.emitted; i++) ledger.noteDuplicate(cell.lineage.at(i), this.where_, REFIRED_WHY);
    cell.emitted = cell.lineage.length;
    out.push(windowResult(this.agg, cell, last));
  }

  snapshot(): OperatorState {
    this.dedupe?.expire(this.ctx.now());
    return { windows: this.windows?.snapshot() ?? [], dedupe: this.dedupe?.snapshot() ?? null };
  }

  restore(state: OperatorState): void {
    this.windows?.restore(state.windows);
    if (state.dedupe) this.dedupe?.restore(state.dedupe);
  }

  heldRecords(visit: (rid: number) => void): void {
    this.windows?.heldRecords(visit);
  }

  /** Records in window state not emitted yet, once per window holding them (a sliding window's record can be in several). */
  unemitted(visit: (rid: number) => void): void {
    this.windows?.unemitted(visit);
  }

  /** Everything in window state: what a failure wipes (replayed from the checkpoint afterwards). */
  allRecords(visit: (rid: number) => void): void {
    this.windows?.allRecords(visit);
  }

  /** Per-subtask partitions, key groups, state and work. */
  subtasks(): ReturnType<SubtaskLayout['view']> {
    return this.layout.view(this.windows?.cellKeys() ?? [], this.dedupe?.ids() ?? []);
  }

  inspect(): unknown {
    const now = this.ctx.now();
    return {
      ...(this.layout.parallelism > 1 ? { parallelism: this.layout.parallelism, maxParallelism: this.layout.maxParallelism, subtasks: this.subtasks(), idleSourceSubtasks: this.layout.emptySourceSubtasks } : {}),
      watermark: this.watermarks.watermark,
      partitions: this.watermarks.inspect(now),
      windowStateSize: this.windowStateSize(),
      dedupeStateSize: this.dedupe?.size() ?? 0,
      numLateRecordsDropped: this.lateDropped,
      lateSideOutput: this.sideOutput.length,
      processed: this.processed,
      windowsFired: this.windowsFired,
    };
  }
}
