/**
 * The ledger is the checker (DESIGN §2): ground truth is what the workload generated;
 * for every record it learns what happened to it from the mechanisms themselves.
 *
 * Nodes do not decide outcomes. They report observations as they happen:
 * - `noteLoss(rid, where, why)`: a copy of the record was destroyed here (a dropped
 *   message, a memory queue wiped by a crash, an offset committed past it, …).
 *   Copies can be lost and then resent, so this is only a candidate explanation;
 *   it becomes the verdict only if the record never reaches the output.
 * - `noteDuplicate(rid, where)`: a copy was made that may repeat one already delivered
 *   (a resend after an ACK timeout, a replay from a checkpoint, a link duplicate).
 * - `noteFiltered` / `noteLate`: dropped on purpose (a `drop` filter, a window closed).
 * - `noteDeadLettered` / `noteLateSideOutput`: set aside on purpose, kept where a person can
 *   still reach them (Logstash's dead letter queue, Flink's late-data side output).
 *
 * At the end each output reports how many times every rid counts in its final state.
 * The fate is read off that count: 1 exactly once, ≥ 2 duplicated, 0 then in flight (some
 * node still holds it), filtered, late, routed to the late side output, dead-lettered, or lost
 * (at the last place a loss was noted).
 */
import type { OutputLedger } from '../run/result.js';
import { RidSet, type RidLookup } from '../core/rid-set.js';
import { NoteColumn, SlotColumn } from './note-column.js';

export interface TraceStep {
  readonly timeMs: number;
  readonly where: string;
  readonly what: string;
}

export type FateKind = 'exactlyOnce' | 'duplicated' | 'lost' | 'filtered' | 'late' | 'lateSideOutput' | 'deadLettered' | 'inFlight';

/** How many notes each place has made so far (copies destroyed, extra copies made, filtered, late, set aside): sampled over time for the diagram. */
export interface NoteCounts {
  lost: number;
  duplicated: number;
  filtered: number;
  late: number;
  lateSideOutput: number;
  deadLettered: number;
}

export class Ledger {
  /** Records generated so far (rids 0 … generated-1). */
  generated = 0;
  private readonly lossWhere = new NoteColumn();
  private readonly lossWhy = new NoteColumn();
  /**
   * A record noted lost at more than one place (two jobs reading one topic, a crash and then a
   * retry) keeps its earlier notes: the one before the latest in two slot columns (a replay can
   * do this to a million records), any older ones as slot pairs (where, why), oldest first.
   */
  private readonly earlierWhere = new SlotColumn();
  private readonly earlierWhy = new SlotColumn();
  private readonly olderLoss = new Map<number, number[]>();
  /** Outputs whose writer was retired (Kappa's old job after a replay took over): what misses them since, nobody lost on the way. */
  private readonly retired = new Map<string, { where: string; why: string }>();
  private readonly dupWhere = new NoteColumn();
  private readonly filteredWhere = new NoteColumn();
  private readonly lateWhere = new NoteColumn();
  private readonly sideOutputWhere = new NoteColumn();
  private readonly deadLetterWhere = new NoteColumn();
  /** Why each dead-lettered record was refused (the DLQ entry's reason). */
  private readonly deadLetterWhy = new NoteColumn();
  private readonly traces = new Map<number, TraceStep[]>();
  private traceAll = false;
  private readonly traced = new Set<number>();
  /** Place (node or link id) → running note counts, in first-note order (the run samples them every second). */
  readonly notesAt = new Map<string, NoteCounts>();
  /**
   * The true key of a record (the workload's `key` field), set by the run: order is promised per
   * key (per partition), so reordering is counted per key. Without it, order is judged globally.
   */
  keyOf: ((rid: number) => string) | null = null;
  /**
   * The same key as a small number (equal keys, equal numbers; 0 is a key too), when the run can give
   * it: counting reorders over a million arrivals then indexes an array instead of hashing a string.
   * Takes precedence over `keyOf`.
   */
  keySlotOf: ((rid: number) => number) | null = null;
  /**
   * The places that feed an output (see run/feeds.ts), set by the run: a record lost at several
   * places is reported, for each output, at the latest place upstream of that output.
   */
  feedsOf: ((output: string) => ReadonlySet<string>) | null = null;
  /** Set by the simulation so notes carry the current virtual time. */
  clock: () => number = () => 0;

  /** Records whose life is recorded hop by hop: all of them, or a chosen few. */
  setTracing(which: 'all' | readonly number[]): void {
    if (which === 'all') this.traceAll = true;
    else for (const rid of which) this.traced.add(rid);
  }

  isTraced(rid: number): boolean {
    return this.traceAll || this.traced.has(rid);
  }

  trace(rid: number, where: string, what: string): void {
    if (!this.isTraced(rid)) return;
    this.addStep(rid, where, what);
  }

  private addStep(rid: number, where: string, what: string): void {
    let steps = this.traces.get(rid);
    if (!steps) this.traces.set(rid, (steps = []));
    steps.push({ timeMs: this.clock(), where, what });
  }

  traceOf(rid: number): readonly TraceStep[] {
    return this.traces.get(rid) ?? [];
  }

  private countNote(where: string, kind: keyof NoteCounts): void {
    let c = this.notesAt.get(where);
    if (!c) this.notesAt.set(where, (c = { lost: 0, duplicated: 0, filtered: 0, late: 0, lateSideOutput: 0, deadLettered: 0 }));
    c[kind]++;
  }

  noteLoss(rid: number, where: string, why: string): void {
    this.countNote(where, 'lost');
    const before = this.lossWhere.get(rid);
    if (before !== undefined && before !== where) {
      if (this.earlierWhere.get(rid) !== 0) {
        let list = this.olderLoss.get(rid);
        if (!list) this.olderLoss.set(rid, (list = []));
        list.push(this.earlierWhere.get(rid), this.earlierWhy.get(rid));
      }
      this.earlierWhere.set(rid, this.lossWhere.slotOf(rid));
      this.earlierWhy.set(rid, this.lossWhy.slotOf(rid));
    }
    this.lossWhere.set(rid, where);
    this.lossWhy.set(rid, why);
    if (this.isTraced(rid)) this.addStep(rid, where, `lost: ${why}`);
  }

  noteDuplicate(rid: number, where: string, why = 'sent again'): void {
    this.countNote(where, 'duplicated');
    if (!this.dupWhere.has(rid)) this.dupWhere.set(rid, where);
    if (this.isTraced(rid)) this.addStep(rid, where, `copy: ${why}`);
  }

  noteFiltered(rid: number, where: string, why = 'dropped by a filter'): void {
    this.countNote(where, 'filtered');
    this.filteredWhere.set(rid, where);
    if (this.isTraced(rid)) this.addStep(rid, where, `filtered: ${why}`);
  }

  noteLate(rid: number, where: string, why = 'arrived after its window closed'): void {
    this.countNote(where, 'late');
    this.lateWhere.set(rid, where);
    if (this.isTraced(rid)) this.addStep(rid, where, `late: ${why}`);
  }

  /** Routed to the late-data side output: out of the main stream, but kept and counted there, unlike a dropped late record. */
  noteLateSideOutput(rid: number, where: string, why = 'arrived after its window closed'): void {
    this.countNote(where, 'lateSideOutput');
    this.sideOutputWhere.set(rid, where);
    if (this.isTraced(rid)) this.addStep(rid, where, `late, to the side output: ${why}`);
  }

  /** Written to a dead letter queue: refused downstream, kept for a later pipeline to fix and resend. */
  noteDeadLettered(rid: number, where: string, why: string): void {
    this.countNote(where, 'deadLettered');
    this.deadLetterWhere.set(rid, where);
    this.deadLetterWhy.set(rid, why);
    if (this.isTraced(rid)) this.addStep(rid, where, `dead-lettered: ${why}`);
  }

  /**
   * `output` gets nothing more from `where` from now on, on purpose (a job retired after a replay
   * took over its role): records that never reached it and that nobody noted lost are counted
   * there, instead of at "unknown".
   */
  noteRetired(output: string, where: string, why: string): void {
    this.retired.set(output, { where, why });
  }

  /** Where and why `rid` was lost — for `output`, the latest place that feeds it (else the latest of all). */
  lossOf(rid: number, output?: string): { where: string; why: string } | undefined {
    const where = this.lossWhere.get(rid);
    if (where === undefined) return output === undefined ? undefined : this.retired.get(output);
    const [whereSlot, whySlot] = this.lossSlots(rid, output);
    return { where: this.lossWhere.valueOfSlot(whereSlot, where), why: this.lossWhy.valueOfSlot(whySlot, '') };
  }

  /** Slots (where, why) of the loss note that counts for `output`. */
  private lossSlots(rid: number, output: string | undefined): [number, number] {
    const latest: [number, number] = [this.lossWhere.slotOf(rid), this.lossWhy.slotOf(rid)];
    const feeding = this.earlierWhere.get(rid) === 0 ? null : this.feedingTest(output);
    return feeding ? this.chosenLoss(rid, feeding, latest) : latest;
  }

  /** Among `rid`'s loss notes, latest first, the first whose place passes `feeding`; else the latest. */
  private chosenLoss(rid: number, feeding: (slot: number) => boolean, latest: [number, number]): [number, number] {
    if (feeding(latest[0])) return latest;
    const earlier = this.earlierWhere.get(rid);
    if (feeding(earlier)) return [earlier, this.earlierWhy.get(rid)];
    const older = this.olderLoss.get(rid) ?? [];
    for (let i = older.length - 2; i >= 0; i -= 2) if (feeding(older[i]!)) return [older[i]!, older[i + 1]!];
    return latest;
  }

  /**
   * Whether a place (a loss-note slot) feeds `output`; null when there is no output to choose for.
   * Each slot's answer is kept: accounting asks it for every record lost at several places.
   */
  private feedingTest(output: string | undefined): ((slot: number) => boolean) | null {
    if (output === undefined || !this.feedsOf) return null;
    const feeds = this.feedsOf(output);
    const known: (boolean | undefined)[] = [];
    return (slot) => (known[slot] ??= feeds.has(this.lossWhere.valueOfSlot(slot, '')));
  }

  /**
   * Reads every record's fate in one output off its counts.
   * `held` holds the rids some node still has in flight.
   */
  account(counts: Uint32Array, held: RidLookup, arrival?: Iterable<number>, output?: string): OutputLedger {
    const out: OutputLedger = {
      generated: this.generated,
      exactlyOnce: 0,
      duplicated: 0,
      extraCopies: 0,
      lost: 0,
      filtered: 0,
      late: 0,
      lateSideOutput: 0,
      deadLettered: 0,
      inFlight: 0,
      reordered: 0,
      lostAt: {},
      duplicatedAt: {},
    };
    // Tallies by note slot, turned into place names once at the end (a view can lose a million records).
    const lostAt = new SlotTally(this.lossWhere);
    const dupAt = new SlotTally(this.dupWhere);
    const feeding = this.feedingTest(output);
    for (let rid = 0; rid < this.generated; rid++) {
      const c = rid < counts.length ? counts[rid]! : 0;
      if (c === 1) out.exactlyOnce++;
      else if (c >= 2) {
        out.duplicated++;
        out.extraCopies += c - 1;
        dupAt.add(rid);
      } else if (held.has(rid)) out.inFlight++;
      else if (this.filteredWhere.has(rid)) out.filtered++;
      else if (this.sideOutputWhere.has(rid)) out.lateSideOutput++;
      else if (this.lateWhere.has(rid)) out.late++;
      else if (this.deadLetterWhere.has(rid)) out.deadLettered++;
      else {
        out.lost++;
        lostAt.add(rid, feeding && this.earlierWhere.get(rid) !== 0 ? this.chosenLoss(rid, feeding, [this.lossWhere.slotOf(rid), this.lossWhy.slotOf(rid)])[0] : this.lossWhere.slotOf(rid));
      }
    }
    lostAt.into(out.lostAt, (output !== undefined && this.retired.get(output)?.where) || 'unknown');
    dupAt.into(out.duplicatedAt);
    if (arrival) out.reordered = this.keySlotOf ? countReorderedBySlot(arrival, this.keySlotOf) : countReordered(arrival, this.keyOf);
    return out;
  }

  /** The fate of one record in an output, as a category and the place that decided it. */
  fateKind(rid: number, count: number, held: RidLookup, output?: string): { kind: FateKind; where?: string } {
    if (count === 1) return { kind: 'exactlyOnce' };
    if (count >= 2) return { kind: 'duplicated', where: this.dupWhere.get(rid) ?? 'unknown' };
    if (held.has(rid)) return { kind: 'inFlight' };
    const filtered = this.filteredWhere.get(rid);
    if (filtered !== undefined) return { kind: 'filtered', where: filtered };
    const side = this.sideOutputWhere.get(rid);
    if (side !== undefined) return { kind: 'lateSideOutput', where: side };
    const late = this.lateWhere.get(rid);
    if (late !== undefined) return { kind: 'late', where: late };
    const dead = this.deadLetterWhere.get(rid);
    if (dead !== undefined) return { kind: 'deadLettered', where: dead };
    return { kind: 'lost', where: this.lossOf(rid, output)?.where ?? 'unknown' };
  }

  /** The fate of one record in an output, in words (for `trace` and the ledger view). */
  fateOf(rid: number, count: number, held: RidLookup, output?: string): string {
    if (count === 1) return 'delivered exactly once';
    if (count >= 2) return `duplicated: ${count} copies (first extra copy made at ${this.dupWhere.get(rid) ?? 'unknown'})`;
    if (held.has(rid)) return 'still in flight';
    const filtered = this.filteredWhere.get(rid);
    if (filtered !== undefined) return `filtered at ${filtered}`;
    const side = this.sideOutputWhere.get(rid);
    if (side !== undefined) return `late: routed to the side output at ${side}`;
    const late = this.lateWhere.get(rid);
    if (late !== undefined) return `late: dropped at ${late}`;
    const dead = this.deadLetterWhere.get(rid);
    if (dead !== undefined) return `dead-lettered at ${dead}: ${this.deadLetterWhy.get(rid) ?? ''}`;
    const loss = this.lossOf(rid, output);
    return loss ? `lost at ${loss.where}: ${loss.why}` : 'lost (no stage reported it)';
  }
}

/** Counts records per noted place (a NoteColumn slot); `unknown` for records nobody noted. */
class SlotTally {
  private readonly counts: Uint32Array;
  /** The first rid counted in each slot: places are listed in that order, as a per-record walk would list them. */
  private readonly firstRid: Float64Array;

  constructor(private readonly column: NoteColumn) {
    this.counts = new Uint32Array(column.slotCount);
    this.firstRid = new Float64Array(column.slotCount);
  }

  /** Counts `rid` at its noted place, or at `slot` when the caller chose another of its notes. */
  add(rid: number, slot = this.column.slotOf(rid)): void {
    if (this.counts[slot]!++ === 0) this.firstRid[slot] = rid;
  }

  into(map: Record<string, number>, unnoted = 'unknown'): void {
    const used: number[] = [];
    for (let slot = 0; slot < this.counts.length; slot++) if (this.counts[slot]! > 0) used.push(slot);
    used.sort((a, b) => this.firstRid[a]! - this.firstRid[b]!);
    for (const slot of used) {
      const place = this.column.valueOfSlot(slot, unnoted);
      map[place] = (map[place] ?? 0) + this.counts[slot]!;
    }
  }
}

/**
 * Counts records that arrived after a record of the same key generated later than them.
 * rids are generation order, so an arrival below the highest rid already seen for its key was
 * overtaken. Only first arrivals count; a duplicate's second copy is not a reorder.
 * Keys come as small numbers (equal keys, equal numbers): the highest rid per key is kept in an array.
 */
function countReorderedBySlot(arrival: Iterable<number>, keySlotOf: (rid: number) => number): number {
  const maxBySlot: number[] = [];
  let reordered = 0;
  const seen = new RidSet();
  // Arrival orders are arrays (or Int32Arrays) of up to a million rids: indexed, so no iterator steps even before optimization.
  const rids: ArrayLike<number> = Array.isArray(arrival) || arrival instanceof Int32Array ? (arrival as ArrayLike<number>) : [...arrival];
  for (let i = 0; i < rids.length; i++) {
    const rid = rids[i]!;
    if (!seen.add(rid)) continue;
    const slot = keySlotOf(rid);
    while (maxBySlot.length <= slot) maxBySlot.push(-1);
    if (rid < maxBySlot[slot]!) reordered++;
    else maxBySlot[slot] = rid;
  }
  return reordered;
}

/** `countReorderedBySlot` with keys as strings (numbered in first-seen order), or one key for all when there is no `keyOf`. */
function countReordered(arrival: Iterable<number>, keyOf: ((rid: number) => string) | null): number {
  if (!keyOf) return countReorderedBySlot(arrival, () => 0);
  const slots = new Map<string, number>();
  return countReorderedBySlot(arrival, (rid) => {
    const key = keyOf(rid);
    let slot = slots.get(key);
    if (slot === undefined) slots.set(key, (slot = slots.size));
    return slot;
  });
}
