/**
 * Sweeps: one parameter over a range of values, several seeds per value. Each point is an
 * ordinary run of the edited spec, so a sweep point equals the individual run of the same
 * settings, byte for byte — the lab adds no simulation logic of its own.
 */
import { parseSpec, formatIssue } from '../spec/index.js';
import { run, runSync, type RunOptions } from '../run/run.js';
import { setAt } from './spec-edit.js';
import { metricsOf, type RunMetrics } from './metrics.js';
import { checkSweep, estimateRun } from '../spec/limits.js';

export interface SweepRequest {
  /** The base spec text. */
  spec: string;
  /** JSON Pointer of the swept setting, e.g. `/faults/0/loss`. */
  param: string;
  /** Values to try, as the spec would write them (numbers, `10s`, `"1"`, …). */
  values: readonly (number | string | boolean)[];
  seeds: readonly number[];
}

export interface SweepPoint {
  value: number | string | boolean;
  seed: number;
  metrics: RunMetrics;
}

export interface SweepResult {
  param: string;
  values: (number | string | boolean)[];
  seeds: number[];
  points: SweepPoint[];
}

/** Parses `0,0.05,0.1`, `0..0.2 step 0.05` or `1s,5s,10s` into values. */
export function parseValues(text: string): (number | string | boolean)[] | string {
  const range = /^\s*(-?[\d.]+)\s*\.\.\s*(-?[\d.]+)\s+step\s+([\d.]+)\s*$/.exec(text);
  if (range) {
    const [from, to, step] = [Number(range[1]), Number(range[2]), Number(range[3])];
    if (!(step > 0) || to < from) return 'a range is written "from..to step s" with from ≤ to and s > 0';
    const out: number[] = [];
    // Count steps rather than adding floats, so 0..0.3 step 0.1 ends at 0.3 exactly.
    const n = Math.floor((to - from) / step + 1e-9);
    for (let i = 0; i <= n && out.length <= 1000; i++) out.push(Math.round((from + i * step) * 1e9) / 1e9);
    return out;
  }
  const items = text.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  if (items.length === 0) return 'give at least one value';
  return items.map(scalarFromText);
}

/**
 * One value as YAML reads a scalar: `"0"` and `'0'` are the string 0 (as `acks` needs it), `true`/`false`
 * booleans, `12` and `0.5` numbers, anything else (`all`, `10s`) the plain string. The Lab and the CLI read
 * values with this one function, so a command the Lab prints runs the same in a shell.
 */
export function scalarFromText(raw: string): number | string | boolean {
  const quoted = /^"([^"]*)"$|^'([^']*)'$/.exec(raw);
  if (quoted) return quoted[1] ?? quoted[2]!;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
}

/** The spec text of one sweep point, or an error naming the point. */
export function pointSpec(req: SweepRequest, value: number | string | boolean): string | { error: string } {
  return setAt(req.spec, req.param, value);
}

function planOf(req: SweepRequest): { value: number | string | boolean; seed: number }[] {
  const plan: { value: number | string | boolean; seed: number }[] = [];
  for (const value of req.values) for (const seed of req.seeds) plan.push({ value, seed });
  return plan;
}

function prepare(req: SweepRequest, value: number | string | boolean) {
  const text = pointSpec(req, value);
  if (typeof text !== 'string') throw new SweepError(`${req.param} = ${String(value)}: ${text.error}`);
  const parsed = parseSpec(text, `${req.param}=${String(value)}`);
  if (!parsed.ok) throw new SweepError(parsed.errors.map(formatIssue).join('\n'));
  return parsed.spec;
}

export class SweepError extends Error {}

/**
 * Refuses a sweep too big to run, before its first run: too many runs, or runs that together
 * generate more records than LIMITS.sweepRecords (spec/limits.ts). Each value's spec is parsed
 * here once, so a value the spec refuses (a limit, a typo) stops the sweep before anything runs too.
 */
export function checkSweepSize(req: SweepRequest): void {
  const runs = req.values.length * req.seeds.length;
  const tooMany = checkSweep(runs, []);
  if (tooMany) throw new SweepError(tooMany);
  const records = req.values.map((value) => estimateRun(prepare(req, value)).records * req.seeds.length);
  const tooBig = checkSweep(runs, records);
  if (tooBig) throw new SweepError(tooBig);
}

/** Runs every point synchronously (CLI, tests). */
export function sweepSync(req: SweepRequest): SweepResult {
  checkSweepSize(req);
  const points = planOf(req).map(({ value, seed }) => ({ value, seed, metrics: metricsOf(runSync(prepare(req, value), { seed }).result) }));
  return { param: req.param, values: [...req.values], seeds: [...req.seeds], points };
}

export interface SweepProgress {
  done: number;
  total: number;
  /** progress inside the current point, 0–1 */
  point: number;
}

/** Runs every point, yielding between slices (the worker): progress and cancel get through. */
export async function sweep(
  req: SweepRequest,
  options: { signal?: AbortSignal; onProgress?: (p: SweepProgress) => void; yieldToHost?: () => Promise<void> } = {},
): Promise<SweepResult | null> {
  checkSweepSize(req);
  const plan = planOf(req);
  const points: SweepPoint[] = [];
  for (const [i, { value, seed }] of plan.entries()) {
    if (options.signal?.aborted) return null;
    const runOptions: RunOptions = {
      seed,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.yieldToHost ? { yieldToHost: options.yieldToHost } : {}),
      onProgress: (p) => options.onProgress?.({ done: i, total: plan.length, point: p.fraction }),
    };
    const handle = await run(prepare(req, value), runOptions);
    if (handle.result.ended === 'cancelled') return null;
    points.push({ value, seed, metrics: metricsOf(handle.result) });
  }
  options.onProgress?.({ done: plan.length, total: plan.length, point: 1 });
  return { param: req.param, values: [...req.values], seeds: [...req.seeds], points };
}

/** Mean, min and max of one metric per value (the chart's line and its spread across seeds). */
export function summarize(result: SweepResult, metric: string): { value: number | string | boolean; mean: number; min: number; max: number }[] {
  return result.values.map((value) => {
    const xs = result.points.filter((p) => p.value === value).map((p) => p.metrics[metric] ?? 0);
    return { value, mean: xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length), min: Math.min(...xs), max: Math.max(...xs) };
  });
}
