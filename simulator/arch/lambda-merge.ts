/**
 * Lambda's serving layer (SEMANTICS §6, Marz): the answer merges the batch view with the
 * realtime view, and realtime results a batch run covers are dropped.
 *
 * The cut-off rule, exactly: let C = the published batch run's cut-off (the newest write time
 * among the master-dataset objects it read), S = the run's start and m = the batch node's
 * `cut-off-margin`; B = min(C, S − m).
 * - a window whose end ≤ B is answered from the batch view (absent there → no value);
 * - a window whose end > B is answered from the realtime view (the speed layer's index);
 * - before the first batch run completes, B = −∞: everything comes from the realtime view.
 * Windows never mix the two views, so nothing is counted twice. A record whose window ended by B
 * but which reached the master dataset after the run listed it (still in the pipeline, or a late
 * event) is in neither view until the next run — the gap a bad cut-off leaves (MISCONCEPTIONS 21).
 * With m ≥ the time records take to reach the master dataset, S − m is below C while data flows,
 * closing that gap; once the sources stop, C stops moving and S − m passes it, so the last
 * windows are covered too. With m = 0 (the default), B = C.
 */
import type { ArchitectureSource } from '../run/architectures.js';
import type { OutputLedger } from '../run/result.js';
import type { WindowValue } from '../run/query.js';
import type { FlinkJobHandle } from '../nodes/flink/handle.js';
import type { ElasticsearchStore } from '../nodes/elasticsearch/store.js';
import type { S3Store } from '../nodes/s3/store.js';
import type { Simulation } from '../core/simulation.js';
import type { BatchLayerHandle } from './batch-handle.js';
import { NewestCache, StepMemo, readAggregateIndex, type AnswerRow } from './aggregate-docs.js';
import { accountRows } from './answer-ledger.js';
import { RidSet } from '../core/rid-set.js';
import { forEachRid } from '../core/record.js';
import { servingTarget, speedCost } from './speed-layer.js';

export interface LambdaParts {
  sim: Simulation;
  total: number;
  batch: BatchLayerHandle;
  speed: FlinkJobHandle;
  stores: (node: string) => ElasticsearchStore | undefined;
  master: () => S3Store | undefined;
  /** Records ever appended to the stream job's source topic (one pass over the log). */
  appendedLog: () => number;
  eventTimeOf: (rid: number) => number;
  sampleEveryMs: number;
}

export class LambdaServing implements ArchitectureSource {
  private readonly newest: NewestCache;
  private readonly memo = new StepMemo<AnswerRow[]>();
  readonly sampleEveryMs: number;

  constructor(private readonly p: LambdaParts) {
    this.newest = new NewestCache(p.eventTimeOf);
    this.sampleEveryMs = p.sampleEveryMs;
  }

  /** Windows ending at or before this come from the batch view. */
  cutOff(): number {
    return this.p.batch.view()?.coversWindowsEndingByMs ?? Number.NEGATIVE_INFINITY;
  }

  private batchRows(): AnswerRow[] {
    const view = this.p.batch.view();
    if (!view) return [];
    const b = view.coversWindowsEndingByMs;
    const rows: AnswerRow[] = [];
    for (const r of view.rows) if (r.windowEndMs <= b) rows.push(r);
    return rows;
  }

  private realtimeRows(all = false): AnswerRow[] {
    const target = servingTarget(this.p.speed);
    if (!target) return [];
    const rows = readAggregateIndex(this.p.stores(target.node), target.target, this.newest);
    if (all) return rows;
    const b = this.cutOff();
    return rows.filter((r) => r.windowEndMs > b);
  }

  /** The merged answer's rows (read once per simulation step: the sampler asks several times). */
  rows(): AnswerRow[] {
    return this.memo.get(this.p.sim, () => [...this.batchRows(), ...this.realtimeRows()]);
  }

  currentValues(): WindowValue[] {
    return this.rows().map((r) => ({ key: r.key, windowStartMs: r.windowStartMs, windowEndMs: r.windowEndMs, value: r.value }));
  }

  newestCountedEventMs(): number | null {
    let newest: number | null = null;
    for (const r of this.rows()) if (r.newestEventMs !== null && (newest === null || r.newestEventMs > newest)) newest = r.newestEventMs;
    return newest;
  }

  processed(): number {
    return this.p.batch.processed(this.p.sim.now) + speedCost(this.p.speed, this.p.appendedLog()).processed;
  }

  reprocessed(): number {
    return this.p.batch.reprocessed(this.p.sim.now) + speedCost(this.p.speed, this.p.appendedLog()).reprocessed;
  }

  /** Master dataset records + batch view rows + realtime index documents. */
  storage(): number {
    const target = servingTarget(this.p.speed);
    const realtime = target ? (this.p.stores(target.node)?.documentCount(target.target) ?? 0) : 0;
    return this.p.batch.masterRecords() + (this.p.batch.view()?.rows.length ?? 0) + realtime;
  }

  /**
   * Ledger entries: the merged answer, the batch view and the realtime view. Records in the master
   * dataset that no published batch run has read yet count as in flight: the next run passes them on.
   */
  outputs(heldNow?: RidSet): Record<string, OutputLedger> {
    const held = heldNow ? heldNow.copy() : RidSet.of(this.p.sim.heldRecords());
    const view = this.p.batch.view();
    for (const o of this.p.master()?.listObjects(this.p.batch.prefix) ?? []) {
      if (view?.objectKeys.has(o.key)) continue;
      forEachRid(o.records, (rid) => held.add(rid));
    }
    const { sim, total } = this.p;
    const realtime = servingTarget(this.p.speed);
    return {
      answer: accountRows(sim.ledger, this.rows(), total, held),
      'batch-view': accountRows(sim.ledger, view?.rows ?? [], total, held, this.p.batch.sourceNode),
      'realtime-view': accountRows(sim.ledger, this.realtimeRows(true), total, held, realtime ? `${realtime.node}/${realtime.target}` : undefined),
    };
  }
}
