/**
 * Copies a restored window state makes in an at-least-once sink (ledger bookkeeping shared by the
 * Elasticsearch sink and the non-transactional Kafka sink; not sink state, so it outlives a failure).
 *
 * After a restore from checkpoint N the window state of N emits again what it had not emitted at N's
 * barrier. Those of its records replayed from Kafka are noted by the job; the others come out of the
 * restored state, and if a write sent after N's barrier already stands in the target (acknowledged,
 * or possibly applied: no answer when the job failed), each new write of them is a copy made by the
 * job. The sink hands this class every write that stands (`remember`) and every write it sends
 * (`sending`); the job hands it the restored state's unemitted records (`restored`).
 */
import type { Rec } from '../../core/record.js';
import type { SinkHost } from './sink.js';

/** The words for one sink: where earlier writes landed, and what a write without an answer may have done. */
export interface RepeatWords {
  /** e.g. `es`, or `kafka topic out`. */
  target: string;
  /** e.g. `the earlier bulk got no response and may have been applied`. */
  unanswered: string;
}

export class RestoredRepeats<T> {
  /**
   * Writes that stand (or may: no answer when the job failed), sent after the barrier of a checkpoint
   * a restore could still start from. Kept by reference, one entry per request or run of writes.
   */
  private sentAfter: { after: number; items: readonly T[]; responseLost: boolean; run?: T[] }[] = [];
  /**
   * After a restore: rid → repeats the restored state still has to write, as count × 2, plus 1 when
   * every earlier write known got no answer (which reason to give). Null when nothing is owed.
   */
  private owed: Map<number, number> | null = null;
  /** `owed` at each barrier since the latest completed checkpoint: repeats the state taken there has yet to write. */
  private owedAt: { id: number; owed: Map<number, number> }[] = [];
  /** The two reasons of the current restore, built once (a template per record would be a new string each time). */
  private why = { written: '', responseLost: '' };

  constructor(
    /** The job the copies are noted at (its context exists once the job runs). */
    private readonly host: SinkHost,
    private readonly recordOf: (item: T) => Rec,
    private readonly words: RepeatWords,
  ) {}

  /** Whether writes being sent must be checked (`sending`): only while a restored state owes repeats. */
  get owing(): boolean {
    return this.owed !== null;
  }

  /** Writes that stand in the target (or may), sent after checkpoint `after`'s barrier (0: before any); kept by reference. */
  remember(after: number, items: readonly T[], responseLost: boolean): void {
    if (after > 0 && items.length > 0) this.sentAfter.push({ after, items, responseLost });
  }

  /** One write that stands (a producer's acknowledgement): runs of them share one entry of their own. */
  rememberOne(after: number, item: T, responseLost: boolean): void {
    if (after <= 0) return;
    const last = this.sentAfter[this.sentAfter.length - 1];
    if (last?.run && last.after === after && last.responseLost === responseLost) last.run.push(item);
    else {
      const run = [item];
      this.sentAfter.push({ after, items: run, responseLost, run });
    }
  }

  /** The barrier of checkpoint `id` passed the sink: the repeats still owed are those its state has yet to write. */
  barrier(id: number): void {
    if (this.owed !== null) this.owedAt.push({ id, owed: new Map(this.owed) });
  }

  /** Checkpoint `id` completed: a restore now starts from it or a later one, whose state emitted whatever was written before its barrier. */
  completed(id: number): void {
    if (this.sentAfter.length > 0) this.sentAfter = this.sentAfter.filter((e) => e.after >= id);
    if (this.owedAt.length > 0) this.owedAt = this.owedAt.filter((o) => o.id >= id);
  }

  /** The job failed: what the state owes is worked out again at the restore, from the checkpoint it restores. */
  failed(): void {
    this.owed = null;
  }

  /** Restored from checkpoint `restoredId`, whose window state still has to emit what `unemitted` visits (once per window). */
  restored(restoredId: number, unemitted: (visit: (rid: number) => void) => void): void {
    // How many windows of the restored state will emit each record: at most that many of its writes repeat one.
    const windows = new Map<number, number>();
    unemitted((rid) => windows.set(rid, (windows.get(rid) ?? 0) + 1));
    if (windows.size === 0) return;
    const owed = new Map<number, number>();
    const add = (rid: number, writes: number, responseLost: number): void => {
      const most = windows.get(rid);
      if (most === undefined) return; // not in the restored state: a replay from Kafka, noted by the job
      const before = owed.get(rid);
      // One answered write is enough to say it was written; otherwise its earlier write only may have been applied.
      const unanswered = before === undefined ? responseLost : before & responseLost;
      owed.set(rid, Math.min(most, ((before ?? 0) >> 1) + writes) * 2 + unanswered);
    };
    // Repeats owed when this checkpoint was taken (written by an attempt before the one that took it) …
    const atBarrier = this.owedAt.find((o) => o.id === restoredId)?.owed;
    if (atBarrier) for (const [rid, v] of atBarrier) add(rid, v >> 1, v & 1);
    // … and every write after its barrier that stands in the target, in any attempt since.
    for (const e of this.sentAfter) {
      if (e.after < restoredId) continue;
      const lost = e.responseLost ? 1 : 0;
      for (const it of e.items) {
        const record = this.recordOf(it);
        if (record.rid >= 0) add(record.rid, 1, lost);
        else for (const rid of record.lineage ?? []) add(rid, 1, lost);
      }
    }
    if (owed.size === 0) return;
    this.owed = owed;
    const again = `re-emitted after restore from checkpoint ${restoredId}`;
    this.why = {
      written: `${again}; already written to ${this.words.target}, but the checkpoint's window state had not emitted it yet`,
      responseLost: `${again}; ${this.words.unanswered}`,
    };
  }

  /** Writes go out with records the restored state owed: each repeat of an earlier write is a copy made here. */
  sending(items: readonly T[]): void {
    const owed = this.owed;
    if (owed === null) return;
    const ledger = this.host.ctx.ledger;
    for (const it of items) {
      // Only window results (rid −1, their records in lineage) come out of restored window state.
      const record = this.recordOf(it);
      const lineage = record.lineage;
      if (record.rid >= 0 || !lineage) continue;
      for (const rid of lineage) {
        const v = owed.get(rid);
        if (v === undefined) continue;
        ledger.noteDuplicate(rid, this.host.where, (v & 1) === 1 ? this.why.responseLost : this.why.written);
        if (v >= 4) owed.set(rid, v - 2);
        else owed.delete(rid);
      }
    }
    if (owed.size === 0) this.owed = null;
  }
}
