/**
 * Samples every node's operator metrics on the simulated clock (run.ts calls `sample` once per
 * sample interval, between event slices) into a MetricsSeries. Nodes expose raw running totals
 * and gauges; the readers (readers.ts) name them as the real systems do, and this class turns
 * totals into rates and averages over the interval since the previous sample.
 *
 * Cost when nobody reads them: nothing per event — the nodes only bump integer totals — and per
 * sample a few dozen reads per node.
 */
import type { Simulation } from '../core/simulation.js';
import { METRIC_BY_NAME } from './catalog.js';
import type { MetricsSeries } from './series.js';
import { readersFor, type MetricReader, type MetricSink } from './readers.js';

interface Previous {
  timeMs: number;
  total: number;
  count: number;
}

const round = (v: number): number => Math.round(v * 1000) / 1000;

export class MetricsRecorder {
  readonly series: MetricsSeries;
  private readonly readers: { address: string; read: MetricReader; up: () => boolean }[];
  private readonly previous = new Map<string, Previous>();
  private address = '';
  private up = true;
  private readonly sink: MetricSink;

  constructor(
    private readonly sim: Simulation,
    components: ReadonlyMap<string, unknown>,
    everyMs: number,
  ) {
    this.series = { everyMs, timesMs: [], nodes: {} };
    this.readers = readersFor(sim, components);
    this.sink = {
      gauge: (name, value) => this.put(name, value),
      total: (name, total) => {
        if (this.up || METRIC_BY_NAME.get(name)?.survivesCrash) this.put(name, this.rateOf(name, total));
        else {
          // Down: no value, and the next rate starts afresh from the first sample after the restart.
          this.previous.delete(`${this.address}\u0000${name}`);
          this.put(name, null);
        }
      },
      average: (name, sum, count) => this.put(name, this.averageOf(name, sum, count)),
    };
  }

  sample(): void {
    const now = this.sim.now;
    this.series.timesMs.push(now);
    for (const r of this.readers) {
      this.address = r.address;
      this.up = r.up();
      r.read(this.sink, this.up);
    }
    // Metrics not reported this time (a process that is down): a gap.
    const n = this.series.timesMs.length;
    for (const byName of Object.values(this.series.nodes)) for (const values of Object.values(byName)) if (values.length < n) values.push(null);
  }

  private put(name: string, value: number | null): void {
    const kind = METRIC_BY_NAME.get(name);
    if (!this.up && !kind?.survivesCrash) value = null;
    let byName = this.series.nodes[this.address];
    if (!byName) this.series.nodes[this.address] = byName = Object.create(null) as Record<string, (number | null)[]>;
    let values = byName[name];
    if (!values) {
      // First report: earlier samples had nothing.
      values = byName[name] = new Array<number | null>(this.series.timesMs.length - 1).fill(null);
    }
    values.push(value === null || !Number.isFinite(value) ? null : round(value));
  }

  /** A counter as stored (its total), or a rate per second since the previous sample. */
  private rateOf(name: string, total: number): number {
    const def = METRIC_BY_NAME.get(name);
    if (def?.kind !== 'rate') return total;
    const key = `${this.address}\u0000${name}`;
    const now = this.sim.now;
    const prev = this.previous.get(key);
    this.previous.set(key, { timeMs: now, total, count: 0 });
    if (!prev || now <= prev.timeMs) return 0;
    // A total that went down belongs to a new process (a restart starts counting again at 0).
    const delta = total >= prev.total ? total - prev.total : total;
    return (delta * 1000) / (now - prev.timeMs);
  }

  /** Mean over what was answered since the previous sample; null when nothing was. */
  private averageOf(name: string, sum: number, count: number): number | null {
    const key = `${this.address}\u0000${name}`;
    const prev = this.previous.get(key);
    this.previous.set(key, { timeMs: this.sim.now, total: sum, count });
    const reset = !prev || count < prev.count;
    const dSum = reset ? sum : sum - prev.total;
    const dCount = reset ? count : count - prev.count;
    return dCount > 0 ? dSum / dCount : null;
  }
}
