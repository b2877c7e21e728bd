/**
 * Counterfactuals: the same spec, seed and faults with one setting changed. Because every
 * random draw comes from a stream named after its component, changing `acks` on the producer
 * leaves the network's coin flips where they were — so the difference really is the setting's.
 */
import { gridsInState, type DagGrid } from '../orchestrator/grid.js';
import { parseSpec, formatIssue } from '../spec/index.js';
import { runSync, type RunHandle } from '../run/run.js';
import type { FateKind } from '../ledger/ledger.js';
import { readAt, setAt } from './spec-edit.js';
import { metricsOf, type RunMetrics } from './metrics.js';

export interface FateChange {
  record: string;
  output: string;
  before: { kind: FateKind; where?: string };
  after: { kind: FateKind; where?: string };
}

export interface Counterfactual {
  param: string;
  before: { value: unknown; metrics: RunMetrics };
  after: { value: unknown; metrics: RunMetrics };
  /** metric → after − before, only where it differs */
  delta: Record<string, number>;
  /** per output: how many records moved from one fate to another (`lost→exactlyOnce`: 37) */
  transitions: Record<string, Record<string, number>>;
  /** the first records that changed fate, for the ledger view */
  changes: FateChange[];
  changedRecords: number;
  /** The DAG-run grids of the two runs (empty when no DAG ran), for the Lab to draw side by side. */
  grids: { before: DagGrid[]; after: DagGrid[] };
}

function runText(text: string, label: string, seed: number): RunHandle {
  const parsed = parseSpec(text, label);
  if (!parsed.ok) throw new Error(parsed.errors.map(formatIssue).join('\n'));
  return runSync(parsed.spec, { seed });
}

export function counterfactual(spec: string, param: string, value: unknown, seed: number, maxChanges = 200): Counterfactual {
  const changed = setAt(spec, param, value);
  if (typeof changed !== 'string') throw new Error(changed.error);
  const a = runText(spec, 'before', seed);
  const b = runText(changed, 'after', seed);
  const ma = metricsOf(a.result);
  const mb = metricsOf(b.result);
  const delta: Record<string, number> = {};
  for (const key of new Set([...Object.keys(ma), ...Object.keys(mb)])) {
    const d = (mb[key] ?? 0) - (ma[key] ?? 0);
    if (d !== 0) delta[key] = Math.round(d * 1e9) / 1e9;
  }
  const transitions: Counterfactual['transitions'] = {};
  const changes: FateChange[] = [];
  let changedRecords = 0;
  const heldA = a.heldRecords();
  const heldB = b.heldRecords();
  const outputs = [...a.outputs.keys()].filter((id) => b.outputs.has(id));
  for (const id of outputs) {
    const ca = a.countsOf(id);
    const cb = b.countsOf(id);
    const moved: Record<string, number> = {};
    for (let rid = 0; rid < a.workload.total; rid++) {
      const fa = a.sim.ledger.fateKind(rid, ca[rid] ?? 0, heldA, id);
      const fb = b.sim.ledger.fateKind(rid, cb[rid] ?? 0, heldB, id);
      if (fa.kind === fb.kind && fa.where === fb.where) continue;
      changedRecords++;
      const key = `${fa.kind}→${fb.kind}`;
      moved[key] = (moved[key] ?? 0) + 1;
      if (changes.length < maxChanges) changes.push({ record: a.workload.displayId(rid), output: id, before: fa, after: fb });
    }
    transitions[id] = moved;
  }
  return {
    param,
    before: { value: readAt(spec, param), metrics: ma },
    after: { value, metrics: mb },
    delta,
    grids: { before: gridsInState(a.spec.nodes, a.result.state), after: gridsInState(b.spec.nodes, b.result.state) },
    transitions,
    changes,
    changedRecords,
  };
}
