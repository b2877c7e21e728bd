/**
 * Sampling an architecture's answer over simulated time (DESIGN §4): at each sample the
 * serving view's answer for every window that has ended (end ≤ now) is compared with the
 * truth of those windows, alongside freshness, compute cost and storage.
 *
 * - answer / truth: totals over the ended windows;
 * - error: Σ over ended windows |answer − truth| / max(1, Σ truth) — per window, so a loss in one
 *   window and a duplicate in another do not cancel out; a window with no answer yet counts as 0;
 * - freshness: now − event time of the newest record counted in the answer (now, if none);
 * - cost: records processed so far by every layer, re-processing included;
 * - storage: records held (raw history plus view rows).
 */
import type { ArchitectureSeries, OutputLedger, SeriesPoint } from './result.js';
import type { WindowValue } from './query.js';
import type { RidSet } from '../core/rid-set.js';

/** What a serving view exposes to the sampler. */
export interface ArchitectureSource {
  /** The answer the view would give now, per (key, window). */
  currentValues(): WindowValue[];
  /** Event time of the newest record counted in the answer, or null if none. */
  newestCountedEventMs(): number | null;
  /** Records processed so far, all layers together, including re-processing. */
  processed(): number;
  /** Of those, records processed again (batch recomputation, replays). */
  reprocessed(): number;
  /** Records held in storage for this architecture (master dataset, retained log, views). */
  storage(): number;
  /**
   * Ledger entries for this architecture's outputs, filled at the end of the run. `held` is the
   * simulation's in-flight set at that moment (the run computes it once for every output); without
   * it the source asks the simulation.
   */
  outputs?(held?: RidSet): Record<string, OutputLedger>;
  /** Sample at most this often (the serving node's `sample-every`); default every call. */
  readonly sampleEveryMs?: number;
}

const cell = (key: string, start: number) => `${key}\u0000${start}`;

export class ArchitectureSampler {
  private readonly answer: SeriesPoint[] = [];
  private readonly truth: SeriesPoint[] = [];
  private readonly error: SeriesPoint[] = [];
  private readonly freshness: SeriesPoint[] = [];
  private readonly cost: SeriesPoint[] = [];
  private readonly storage: SeriesPoint[] = [];
  private readonly truthByCell = new Map<string, WindowValue>();
  private lastSampleMs = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly source: ArchitectureSource,
    /** True window values, sorted by window end. */
    private readonly truthByEnd: readonly WindowValue[],
    /**
     * End of the sources' production (`duration`). Freshness percentiles are taken over samples up
     * to here: during the drain no new data arrives, so "age of the newest counted record" only grows
     * and says nothing about the architecture. The series itself keeps every sample.
     */
    private readonly productionEndMs = Number.POSITIVE_INFINITY,
  ) {
    for (const w of truthByEnd) this.truthByCell.set(cell(w.key, w.windowStartMs), w);
  }

  /** Samples at `nowMs` unless the last sample is more recent than `sampleEveryMs`; `force` always samples. */
  sample(nowMs: number, force = false): void {
    if (!force && nowMs - this.lastSampleMs < (this.source.sampleEveryMs ?? 0)) return;
    if (nowMs === this.lastSampleMs) return;
    this.lastSampleMs = nowMs;
    let truthTotal = 0;
    for (const w of this.truthByEnd) {
      if (w.windowEndMs > nowMs) break;
      truthTotal += w.value;
    }
    // Per window: answered windows against their truth, then the ended windows nobody answered.
    let answerTotal = 0;
    let absError = 0;
    const answered = new Set<string>();
    for (const v of this.source.currentValues()) {
      if (v.windowEndMs > nowMs) continue;
      const c = cell(v.key, v.windowStartMs);
      answered.add(c);
      answerTotal += v.value;
      const t = this.truthByCell.get(c);
      absError += Math.abs(v.value - (t && t.windowEndMs <= nowMs ? t.value : 0));
    }
    for (const w of this.truthByEnd) {
      if (w.windowEndMs > nowMs) break;
      if (!answered.has(cell(w.key, w.windowStartMs))) absError += Math.abs(w.value);
    }
    const newest = this.source.newestCountedEventMs();
    this.answer.push({ timeMs: nowMs, value: round(answerTotal) });
    this.truth.push({ timeMs: nowMs, value: round(truthTotal) });
    this.error.push({ timeMs: nowMs, value: round(absError / Math.max(1, truthTotal)) });
    this.freshness.push({ timeMs: nowMs, value: newest === null ? nowMs : Math.max(0, nowMs - newest) });
    this.cost.push({ timeMs: nowMs, value: this.source.processed() });
    this.storage.push({ timeMs: nowMs, value: this.source.storage() });
  }

  series(held?: RidSet): ArchitectureSeries {
    const errors = this.error.map((p) => p.value);
    const producing = this.freshness.filter((p) => p.timeMs <= this.productionEndMs);
    const fresh = (producing.length > 0 ? producing : this.freshness).map((p) => p.value).sort((a, b) => a - b);
    return {
      answer: this.answer,
      truth: this.truth,
      error: this.error,
      freshness: this.freshness,
      cost: this.cost,
      storage: this.storage,
      summary: {
        error: { max: Math.max(0, ...errors), final: errors[errors.length - 1] ?? 0, mean: round(errors.reduce((a, b) => a + b, 0) / Math.max(1, errors.length)) },
        freshness: { p50: percentile(fresh, 0.5), p95: percentile(fresh, 0.95), max: fresh[fresh.length - 1] ?? 0 },
        cost: { processed: this.source.processed(), reprocessed: this.source.reprocessed() },
        storage: { max: Math.max(0, ...this.storage.map((p) => p.value)) },
      },
      outputs: this.source.outputs?.(held) ?? {},
    };
  }
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
