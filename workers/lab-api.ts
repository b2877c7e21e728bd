/**
 * The typed interface between the Lab page and its own worker (workers/lab.worker.ts).
 *
 * The lab runs many simulations per experiment (a sweep is values × seeds runs), so it gets a
 * worker of its own: a long sweep never queues behind — or cancels — the single run the page's
 * simulator worker is doing. Everything that crosses is plain data; the page imports only types.
 */
import type { SweepRequest, SweepResult, SweepProgress } from '../simulator/lab/sweep.js';
import type { Counterfactual, FateChange } from '../simulator/lab/counterfactual.js';
import type { Counterexample, CounterexampleRequest, FaultEntry } from '../simulator/lab/counterexample.js';
import type { RunMetrics } from '../simulator/lab/metrics.js';
import type { RecordStory } from '../simulator/shell/index.js';

export type { SweepRequest, SweepResult, SweepProgress, Counterfactual, FateChange, Counterexample, CounterexampleRequest, FaultEntry, RunMetrics, RecordStory };

/** A failure the learner can act on (a spec that does not parse, a pointer into a scalar, a bad claim). */
export interface LabProblem {
  ok: false;
  message: string;
}

/** `cancelled`: the page pressed Cancel before the sweep finished; the points so far are dropped. */
export type SweepReply = { ok: true; result: SweepResult; wallMs: number } | { ok: true; cancelled: true } | LabProblem;

export type CounterfactualReply = { ok: true; counterfactual: Counterfactual; wallMs: number } | LabProblem;

export type CounterexampleReply = { ok: true; counterexample: Counterexample; wallMs: number } | LabProblem;

/** Which run of the last counterfactual a trace replays. */
export type CounterfactualSide = 'before' | 'after';

export type LabTraceReply = { ok: true; story: RecordStory; text: string } | LabProblem;

export interface LabApi {
  ping(): Promise<'pong'>;
  /** Reads a sweep's values field (`0,0.05,0.1`, `0..0.2 step 0.05`, `1s,5s`) as the CLI does, or says what is wrong. */
  parseValues(text: string): Promise<{ ok: true; values: (number | string | boolean)[] } | LabProblem>;
  /**
   * Runs every (value, seed) point of the sweep, one ordinary run each (simulator/lab/sweep.ts).
   * `onProgress` is throttled to about one call per 100 ms of wall time.
   */
  sweep(request: SweepRequest, onProgress?: (p: SweepProgress) => void): Promise<SweepReply>;
  /** Stops the sweep in progress at the next slice boundary of its current run. */
  cancel(): Promise<void>;
  /** The same spec, seed and faults with one setting changed (two runs). */
  counterfactual(spec: string, pointer: string, value: unknown, seed: number): Promise<CounterfactualReply>;
  /** One record's hops in the before or after run of the last counterfactual (replayed with tracing). */
  trace(side: CounterfactualSide, recordId: string): Promise<LabTraceReply>;
  /**
   * Searches seeds and fault schedules for a run breaking the claim, then shrinks it. The search is
   * synchronous inside the worker: the page cancels it by terminating the worker.
   */
  counterexample(request: CounterexampleRequest): Promise<CounterexampleReply>;
}
