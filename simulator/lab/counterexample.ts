/**
 * Find a counterexample: search seeds and fault schedules for a run that breaks a claim
 * ("outputs.es.lost == 0"), then shrink it — drop faults, soften the rest — to the smallest
 * schedule that still breaks it, like a property-based tester does. The result is a spec
 * (text) and a seed anyone can replay.
 *
 * The search is itself deterministic: its fault schedules come from a PRNG seeded by
 * `searchSeed`, so the same request finds the same counterexample.
 */
import { Rng } from '../core/prng.js';
import { parseSpec, formatIssue, formatDuration } from '../spec/index.js';
import { checkSearch, estimateRun } from '../spec/limits.js';
import type { PipelineSpec } from '../spec/schema/pipeline.js';
import { edgesOf, faultTargets } from '../spec/references.js';
import { runSync } from '../run/run.js';
import type { CheckResult } from '../run/result.js';
import { parseCheck } from '../exercise/check-parse.js';
import { evaluateCheck } from '../exercise/check-eval.js';
import type { CheckSpec } from '../exercise/types.js';
import { parseDocument } from 'yaml';

export interface CounterexampleRequest {
  spec: string;
  /** A check expression that should hold in every run, e.g. `outputs.es.lost == 0`. */
  claim: string;
  /** Most runs to spend searching (shrinking has its own budget of the same size). */
  budget?: number;
  searchSeed?: number;
  /** Most faults added to one candidate schedule. */
  maxFaults?: number;
}

export type FaultEntry = Record<string, unknown>;

export interface Counterexample {
  found: boolean;
  runs: number;
  claim: string;
  /** When found: the shrunk schedule, its seed, the replayable spec and what the claim saw. */
  seed?: number;
  faults?: FaultEntry[];
  spec?: string;
  check?: CheckResult;
  /** Faults before shrinking, for the curious. */
  unshrunk?: FaultEntry[];
  /**
   * When found: the runs spent searching, up to the one that broke the claim (within the budget).
   * The rest of `runs` went to shrinking (a budget of its own) and one run confirming the shrunk
   * schedule, which is why `runs` may exceed the budget, and the lab says so.
   */
  searchRuns?: number;
}

function claimCheck(claim: string): CheckSpec {
  const parsed = parseCheck(claim);
  if (!parsed.ok) throw new Error(`claim: ${parsed.error.message}`);
  return { source: claim, name: claim, expr: parsed.expr, at: { file: 'claim', line: 1, column: 1 }, exactColumns: true };
}

function withFaults(text: string, faults: readonly FaultEntry[]): string {
  const doc = parseDocument(text, { logLevel: 'error' });
  doc.set('faults', doc.createNode(faults.map((f) => ({ ...f }))));
  return doc.toString();
}

/** A random fault for this pipeline: a crash, a lossy or duplicating link, or a partition. */
function randomFault(rng: Rng, spec: PipelineSpec, crashable: string[], edges: [string, string][]): FaultEntry {
  const horizon = spec.duration;
  const at = rng.int(0, Math.max(0, horizon - 1));
  const kind = rng.int(0, 3);
  if (kind === 0 && crashable.length > 0) {
    return { crash: rng.pick(crashable), at: formatDuration(at), 'restart-after': formatDuration(rng.int(1, 30) * 1000) };
  }
  if (kind === 3 && crashable.length > 0) {
    return { partition: [rng.pick(crashable)], from: formatDuration(at), to: formatDuration(at + rng.int(1, 20) * 1000) };
  }
  const [a, b] = edges.length > 0 ? rng.pick(edges) : [crashable[0]!, crashable[0]!];
  const to = at + rng.int(2, 30) * 1000;
  return kind === 1
    ? { link: `${a}->${b}`, loss: rng.pick([0.05, 0.1, 0.2, 0.5]), from: formatDuration(at), to: formatDuration(to) }
    : { link: `${a}->${b}`, duplicate: rng.pick([0.05, 0.1, 0.3]), loss: rng.pick([0, 0.1]), from: formatDuration(at), to: formatDuration(to) };
}

/** Softer versions of one fault: shorter windows, less loss, shorter downtime. */
function softenings(f: FaultEntry): FaultEntry[] {
  const out: FaultEntry[] = [];
  const halve = (key: string) => {
    const v = f[key];
    if (typeof v === 'number' && v > 0.01) out.push({ ...f, [key]: Math.round((v / 2) * 1000) / 1000 });
    if (typeof v === 'string') {
      const ms = parseMs(v);
      if (ms !== undefined && ms >= 2000) out.push({ ...f, [key]: formatDuration(Math.round(ms / 2000) * 1000) });
    }
  };
  halve('loss');
  halve('duplicate');
  halve('restart-after');
  if (typeof f['from'] === 'string' && typeof f['to'] === 'string') {
    const from = parseMs(f['from'] as string) ?? 0;
    const to = parseMs(f['to'] as string) ?? 0;
    if (to - from >= 2000) out.push({ ...f, to: formatDuration(from + Math.round((to - from) / 2000) * 1000) });
  }
  return out;
}

function parseMs(v: string): number | undefined {
  const m = /^(\d+)(ms|s|m)$/.exec(v);
  if (!m) return undefined;
  return Number(m[1]) * (m[2] === 'ms' ? 1 : m[2] === 's' ? 1000 : 60_000);
}

export function findCounterexample(req: CounterexampleRequest): Counterexample {
  const check = claimCheck(req.claim);
  const base = parseSpec(req.spec, 'spec');
  if (!base.ok) throw new Error(base.errors.map(formatIssue).join('\n'));
  const spec = base.spec;
  const budget = req.budget ?? 40;
  const tooBig = checkSearch(budget, estimateRun(spec).records);
  if (tooBig) throw new Error(tooBig);
  const rng = new Rng(req.searchSeed ?? 1);
  const stores = new Set(['elasticsearch', 's3', 'serving']);
  const crashable = faultTargets(spec).filter((t) => {
    const node = spec.nodes[t.split('/')[0]!];
    return node && !stores.has(node.type) && !(node.type === 'kafka' && !t.includes('/'));
  });
  const edges = edgesOf(spec);
  const original = (parseDocument(req.spec, { logLevel: 'error' }).toJS() as { faults?: FaultEntry[] }).faults ?? [];
  let runs = 0;

  const breaks = (faults: readonly FaultEntry[], seed: number): CheckResult | undefined => {
    runs++;
    const parsed = parseSpec(withFaults(req.spec, faults), 'candidate');
    if (!parsed.ok) return undefined;
    const result = runSync(parsed.spec, { seed }).result;
    const verdict = evaluateCheck(check, result);
    return verdict.pass ? undefined : verdict;
  };

  for (let attempt = 0; attempt < budget; attempt++) {
    const seed = rng.int(1, 1_000_000);
    const extra = attempt === 0 ? 0 : rng.int(1, req.maxFaults ?? 3);
    const faults = [...original];
    for (let i = 0; i < extra; i++) faults.push(randomFault(rng, spec, crashable, edges));
    const verdict = breaks(faults, seed);
    if (!verdict) continue;
    const searchRuns = runs;
    const shrunk = shrink(faults, seed, budget, breaks);
    const final = breaks(shrunk.faults, seed) ?? verdict;
    return { found: true, runs, claim: req.claim, seed, faults: shrunk.faults, unshrunk: faults, spec: withFaults(req.spec, shrunk.faults), check: final, searchRuns };
  }
  return { found: false, runs, claim: req.claim };
}

/** Greedy shrinking: drop any fault whose removal still breaks the claim, then soften what is left. */
function shrink(faults: FaultEntry[], seed: number, budget: number, breaks: (f: readonly FaultEntry[], seed: number) => CheckResult | undefined) {
  let current = faults;
  let spent = 0;
  let progress = true;
  while (progress && spent < budget) {
    progress = false;
    for (let i = 0; i < current.length && spent < budget; i++) {
      const candidate = current.filter((_, j) => j !== i);
      spent++;
      if (breaks(candidate, seed)) {
        current = candidate;
        progress = true;
        i--;
      }
    }
    for (let i = 0; i < current.length && spent < budget; i++) {
      for (const softer of softenings(current[i]!)) {
        if (spent >= budget) break;
        const candidate = current.map((f, j) => (j === i ? softer : f));
        spent++;
        if (breaks(candidate, seed)) {
          current = candidate;
          progress = true;
          break;
        }
      }
    }
  }
  return { faults: current };
}
