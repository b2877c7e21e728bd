/** The budget a run spends while it goes (simulator/run/budget.ts): counts, so it stops at the same event everywhere. */
import { describe, it, expect } from 'vitest';
import { parseSpec } from '../../../simulator/spec/index.js';
import { run, runSync } from '../../../simulator/run/run.js';
import { budgetSentence, budgetSpent } from '../../../simulator/run/budget.js';
import { LIMITS, runBudget } from '../../../simulator/spec/limits.js';
import { Simulation } from '../../../simulator/core/simulation.js';
import { BUDGETED } from '../spec/careless-specs.js';

function specOf(text: string) {
  const r = parseSpec(text, 'p.yaml');
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.spec;
}

describe('run budget', () => {
  it('stops at exactly max-events, however small, and sliced or not gives the same bytes', async () => {
    for (const max of [1, 10, 2000]) {
      const spec = specOf(BUDGETED.replace('max-events: 2000', `max-events: ${max}`));
      const sync = runSync(spec).result;
      expect(sync.ended).toBe('budget');
      expect(sync.events).toBe(max);
      expect(sync.budget).toEqual({ kind: 'events', used: max, limit: max });
      const sliced = (await run(spec, { yieldToHost: () => Promise.resolve() })).result;
      expect(JSON.stringify(sliced)).toBe(JSON.stringify(sync));
    }
  });

  it('a run that does not spend its budget has no budget field', () => {
    const result = runSync(specOf(BUDGETED.replace('max-events: 2000', 'max-events: 10000000').replace('  - { partition: [logstash], from: 10s }', '  []'))).result;
    expect(result.ended).not.toBe('budget');
    expect('budget' in result).toBe(false);
  });

  it('counts record copies on links, and stops on them after events', () => {
    const spec = specOf(BUDGETED);
    const budget = runBudget(spec, 12_000);
    expect(budget).toEqual({ events: 2000, recordCopies: 100_000 * LIMITS.recordCopiesPerRecord });
    expect(runBudget(spec, 1_000_000).recordCopies).toBe(1_000_000 * LIMITS.recordCopiesPerRecord);
    const sim = new Simulation(1);
    expect(budgetSpent(sim, budget)).toBeUndefined();
    sim.recordCopies = budget.recordCopies;
    const stop = budgetSpent(sim, budget)!;
    expect(stop).toEqual({ kind: 'recordCopies', used: budget.recordCopies, limit: budget.recordCopies });
    expect(budgetSentence(stop)).toBe(
      'The run stopped after its links carried 3,200,000 record copies, its budget (32 per record generated): something resends or copies records without end. What happened until then is counted; records not yet delivered are listed as in flight.',
    );
    sim.events = 2000;
    expect(budgetSpent(sim, budget)!.kind).toBe('events');
  });

  it('the links count every record copy they are given', () => {
    const result = runSync(specOf(BUDGETED.replace('max-events: 2000', 'max-events: 10000000')));
    let carried = 0;
    for (const s of result.sim.linkStats.values()) carried += s.records;
    expect(result.sim.recordCopies).toBe(carried);
    expect(carried).toBeGreaterThan(0);
  });
});
