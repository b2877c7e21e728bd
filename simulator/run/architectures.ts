/**
 * Sampling an architecture's answer over simulated time (DESIGN §4): at each sample the
 * serving view's answer for every window that has ended is compared with the truth of
 * those windows, alongside freshness, compute cost and storage.
 */
import type { ArchitectureSeries, OutputLedger, SeriesPoint } from './result.js';
import type { WindowValue } from './query.js';

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
  /** Ledger entries for this architecture's outputs, filled at the end of the run. */
  outputs?(): Record<string, OutputLedger>;
}

export class ArchitectureSampler {
  private readonly answer: SeriesPoint[] = [];
  private readonly truth: SeriesPoint[] = [];
  private readonly error: SeriesPoint[] = [];
  private readonly freshness: SeriesPoint[] = [];
  private readonly cost: SeriesPoint[] = [];
  private readonly storage: SeriesPoint[] = [];

  constructor(
    private readonly source: ArchitectureSource,
    /** True window values, sorted by window end. */
    private readonly truthByEnd: readonly WindowValue[],
  ) {}

  sample(nowMs: number): void {
    let truthTotal = 0;
    const ended = new Set<string>();
    for (const w of this.truthByEnd) {
      if (w.windowEndMs > nowMs) break;
      truthTotal += w.value;
      ended.add(`${w.key}\u0000${w.windowStartMs}`);
    }
    let answerTotal = 0;
    for (const v of this.source.currentValues()) {
      if (v.windowEndMs <= nowMs) answerTotal += v.value;
    }
    void ended;
    const newest = this.source.newestCountedEventMs();
    this.answer.push({ timeMs: nowMs, value: answerTotal });
    this.truth.push({ timeMs: nowMs, value: truthTotal });
    this.error.push({ timeMs: nowMs, value: round(Math.abs(answerTotal - truthTotal) / Math.max(1, truthTotal)) });
    this.freshness.push({ timeMs: nowMs, value: newest === null ? nowMs : Math.max(0, nowMs - newest) });
    this.cost.push({ timeMs: nowMs, value: this.source.processed() });
    this.storage.push({ timeMs: nowMs, value: this.source.storage() });
  }

  series(): ArchitectureSeries {
    const errors = this.error.map((p) => p.value);
    const fresh = this.freshness.map((p) => p.value).sort((a, b) => a - b);
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
      outputs: this.source.outputs?.() ?? {},
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
