/**
 * State held by the pipeline's stateful steps, at its peak: the ids a Flink dedupe step remembers
 * and the window cells (key × window) Flink keeps open. Read at every sample of the run (every
 * simulated second by default, run/sampling.ts) from the jobs' live operators: a count per job,
 * no per-record work.
 */
import type { Simulation } from '../core/simulation.js';
import { FlinkNode } from '../nodes/flink/flink-node.js';

export interface StateHeld {
  /** Most dedupe ids held at one sample, over all jobs. */
  dedupKeys: number;
  /** Most open window cells at one sample, over all jobs. */
  windowCells: number;
  /** Most of both together at one sample. */
  peak: number;
}

export class StateSampler {
  readonly held: StateHeld = { dedupKeys: 0, windowCells: 0, peak: 0 };
  private readonly jobs: FlinkNode[];

  constructor(sim: Simulation) {
    this.jobs = [...sim.nodes()].filter((n): n is FlinkNode => n instanceof FlinkNode);
  }

  sample(): void {
    let keys = 0;
    let cells = 0;
    for (const job of this.jobs) {
      for (const inst of job.instances) {
        if (inst.status !== 'running') continue;
        keys += inst.operators.dedupeStateSize();
        cells += inst.operators.windowStateSize();
      }
    }
    const h = this.held;
    h.dedupKeys = Math.max(h.dedupKeys, keys);
    h.windowCells = Math.max(h.windowCells, cells);
    h.peak = Math.max(h.peak, keys + cells);
  }
}
