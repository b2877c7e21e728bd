/**
 * Kappa's serving view (SEMANTICS §6, Kreps): readers see the output of the Flink job's serving
 * instance. A `deploy: { mode: reprocess }` starts a second instance that replays the retained log
 * from its earliest offset into a new index; the job handle switches the serving instance when
 * the new one's lag reaches zero and stops the old one — the alias swap. From that moment this
 * view reads the new index. If the topic's retention is shorter than the history, the replay
 * starts after the deleted records and the rebuilt index simply lacks them: the answer for that
 * period drops, and the ledger shows those records lost at the Kafka retention.
 */
import type { ArchitectureSource } from '../run/architectures.js';
import type { OutputLedger } from '../run/result.js';
import type { WindowValue } from '../run/query.js';
import type { FlinkJobHandle } from '../nodes/flink/handle.js';
import type { ElasticsearchStore } from '../nodes/elasticsearch/store.js';
import type { Simulation } from '../core/simulation.js';
import { NewestCache, StepMemo, readAggregateIndex, type AnswerRow } from './aggregate-docs.js';
import { accountRows } from './answer-ledger.js';
import { RidSet } from '../core/rid-set.js';
import { servingTarget, speedCost } from './speed-layer.js';

export interface KappaParts {
  sim: Simulation;
  total: number;
  speed: FlinkJobHandle;
  stores: (node: string) => ElasticsearchStore | undefined;
  /** Records the source topic retains now (what a replay could read). */
  retainedLog: () => number;
  /** Records ever appended to the stream job's source topic (one pass over the log). */
  appendedLog: () => number;
  eventTimeOf: (rid: number) => number;
  sampleEveryMs: number;
}

export class KappaServing implements ArchitectureSource {
  private readonly newest: NewestCache;
  private readonly memo = new StepMemo<AnswerRow[]>();
  readonly sampleEveryMs: number;

  constructor(private readonly p: KappaParts) {
    this.newest = new NewestCache(p.eventTimeOf);
    this.sampleEveryMs = p.sampleEveryMs;
  }

  /** The served rows (read once per simulation step: the sampler asks several times). */
  rows(): AnswerRow[] {
    return this.memo.get(this.p.sim, () => {
      const target = servingTarget(this.p.speed);
      return target ? readAggregateIndex(this.p.stores(target.node), target.target, this.newest) : [];
    });
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
    return speedCost(this.p.speed, this.p.appendedLog()).processed;
  }

  reprocessed(): number {
    return speedCost(this.p.speed, this.p.appendedLog()).reprocessed;
  }

  /** The retained log plus the documents of every instance still running (old and new tables side by side during a replay). */
  storage(): number {
    let docs = 0;
    for (const inst of this.p.speed.instances()) {
      if (inst.stoppedAtMs !== null || inst.sink.kind !== 'elasticsearch') continue;
      docs += this.p.stores(inst.sink.node)?.documentCount(inst.sink.target) ?? 0;
    }
    return this.p.retainedLog() + docs;
  }

  /** Ledger entries: the served answer, and each instance's output index. */
  outputs(heldNow?: RidSet): Record<string, OutputLedger> {
    const { sim, total } = this.p;
    const held = heldNow ?? RidSet.of(sim.heldRecords());
    const out: Record<string, OutputLedger> = { answer: accountRows(sim.ledger, this.rows(), total, held) };
    for (const inst of this.p.speed.instances()) {
      if (inst.sink.kind !== 'elasticsearch') continue;
      const rows = readAggregateIndex(this.p.stores(inst.sink.node), inst.sink.target, this.newest);
      const id = `${inst.sink.node}/${inst.sink.target}`;
      out[id] = accountRows(sim.ledger, rows, total, held, id);
    }
    return out;
  }
}
