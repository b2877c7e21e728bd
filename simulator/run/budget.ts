/**
 * The budget a run spends while it goes (spec/limits.ts `runBudget`): simulation events and the
 * record copies links carry. Both are counts, so a run stops at the same event in Node and in the
 * browser; wall time or heap size would differ between them and between machines.
 */
import type { Simulation } from '../core/simulation.js';
import { LIMITS, type RunBudget } from '../spec/limits.js';
import type { BudgetStop } from './result.js';

/** The budget the run has used up, if any: events first (the spec's `max-events`), then record copies. */
export function budgetSpent(sim: Simulation, budget: RunBudget): BudgetStop | undefined {
  if (sim.events >= budget.events) return { kind: 'events', used: sim.events, limit: budget.events };
  if (sim.recordCopies >= budget.recordCopies) return { kind: 'recordCopies', used: sim.recordCopies, limit: budget.recordCopies };
  return undefined;
}

const n = (x: number) => x.toLocaleString('en-US');

/** One plain sentence on why the run stopped and how to read what it did (the CLI report and the run log). */
export function budgetSentence(stop: BudgetStop): string {
  const rest = 'What happened until then is counted; records not yet delivered are listed as in flight.';
  return stop.kind === 'events'
    ? `The run stopped after ${n(stop.used)} events, its budget (max-events ${n(stop.limit)}): something kept the simulator busy, often a retry loop against a node that never comes back. ${rest}`
    : `The run stopped after its links carried ${n(stop.used)} record copies, its budget (${LIMITS.recordCopiesPerRecord} per record generated): something resends or copies records without end. ${rest}`;
}
