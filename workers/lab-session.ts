/**
 * The lab worker's logic apart from the comlink wiring (so Node — the bench, unit tests — can
 * drive exactly the code the browser runs): sweeps with progress and cancel, counterfactuals,
 * counterexample search, and traces of the records a counterfactual changed.
 *
 * Sweeps go through `sweep()` with `yieldToHost`, so between slices of simulated time the worker
 * returns to its event loop and a `cancel()` from the page is handled before the next slice.
 */
import { sweep, parseValues, SweepError } from '../simulator/lab/sweep.js';
import { counterfactual } from '../simulator/lab/counterfactual.js';
import { findCounterexample } from '../simulator/lab/counterexample.js';
import { setAt } from '../simulator/lab/spec-edit.js';
import { parseSpec, formatIssue } from '../simulator/spec/index.js';
import { run } from '../simulator/run/run.js';
import { Workload } from '../simulator/workload/workload.js';
import { recordStory, formatStory } from '../simulator/shell/index.js';
import type { LabApi, LabTraceReply, CounterfactualSide, SweepProgress } from './lab-api.js';

/** Least wall time between two progress reports. */
const PROGRESS_EVERY_MS = 100;

export interface LabSessionOptions {
  yieldToHost: () => Promise<void>;
  /** Wall clock for throttling progress and timing experiments (the simulator never reads it). */
  wallClock: () => number;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createLabSession(options: LabSessionOptions): LabApi {
  let controller: AbortController | undefined;
  /** The last counterfactual's two spec texts and seed: a trace replays one of them. */
  let lastCf: { before: string; after: string; seed: number } | undefined;
  const traces = new Map<string, LabTraceReply>();

  return {
    async ping() {
      return 'pong';
    },

    async parseValues(text) {
      const values = parseValues(text);
      return typeof values === 'string' ? { ok: false, message: values } : { ok: true, values };
    },

    async sweep(request, onProgress) {
      controller?.abort();
      const mine = new AbortController();
      controller = mine;
      const started = options.wallClock();
      let lastAt = -Infinity;
      const progress = (p: SweepProgress) => {
        const now = options.wallClock();
        if (!onProgress || (now - lastAt < PROGRESS_EVERY_MS && p.done < p.total)) return;
        lastAt = now;
        onProgress(p);
      };
      try {
        const result = await sweep(request, { signal: mine.signal, onProgress: progress, yieldToHost: options.yieldToHost });
        if (!result) return { ok: true, cancelled: true };
        return { ok: true, result, wallMs: options.wallClock() - started };
      } catch (error) {
        return { ok: false, message: error instanceof SweepError ? error.message : message(error) };
      } finally {
        if (controller === mine) controller = undefined;
      }
    },

    async cancel() {
      controller?.abort();
    },

    async counterfactual(spec, pointer, value, seed) {
      const started = options.wallClock();
      try {
        const cf = counterfactual(spec, pointer, value, seed);
        const after = setAt(spec, pointer, value);
        lastCf = { before: spec, after: typeof after === 'string' ? after : spec, seed };
        traces.clear();
        return { ok: true, counterfactual: cf, wallMs: options.wallClock() - started };
      } catch (error) {
        return { ok: false, message: message(error) };
      }
    },

    async trace(side: CounterfactualSide, recordId: string): Promise<LabTraceReply> {
      if (!lastCf) return { ok: false, message: 'no counterfactual yet' };
      const key = `${side} ${recordId}`;
      const cached = traces.get(key);
      if (cached) return cached;
      const parsed = parseSpec(side === 'before' ? lastCf.before : lastCf.after, `${side}.yaml`);
      if (!parsed.ok) return { ok: false, message: parsed.errors.map(formatIssue).join('\n') };
      // The workload alone names the records (same spec + seed → same lines), so the rid is found
      // without running; then one replay with tracing on for just that record (DESIGN §2).
      const workload = new Workload(parsed.spec.workload, lastCf.seed, parsed.spec.duration);
      let rid = -1;
      for (let r = 0; r < workload.total && rid < 0; r++) if (workload.displayId(r) === recordId) rid = r;
      if (rid < 0) return { ok: false, message: `no record ${recordId} in this run` };
      controller?.abort();
      const mine = new AbortController();
      controller = mine;
      try {
        const handle = await run(parsed.spec, { seed: lastCf.seed, trace: [rid], signal: mine.signal, yieldToHost: options.yieldToHost });
        if (handle.result.ended === 'cancelled') return { ok: false, message: 'trace cancelled' };
        const story = recordStory(handle, rid);
        const reply: LabTraceReply = { ok: true, story, text: formatStory(story) };
        traces.set(key, reply);
        return reply;
      } finally {
        if (controller === mine) controller = undefined;
      }
    },

    async counterexample(request) {
      const started = options.wallClock();
      try {
        return { ok: true, counterexample: findCounterexample(request), wallMs: options.wallClock() - started };
      } catch (error) {
        return { ok: false, message: message(error) };
      }
    },
  };
}
