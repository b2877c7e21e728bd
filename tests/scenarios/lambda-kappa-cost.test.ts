/**
 * Compute cost (DESIGN §4): Lambda's batch layer reads the whole master dataset at every run,
 * so its cost per run grows with total history; Kappa processes each record once live and
 * again only when it replays (the retained log, once).
 */
import { describe, it, expect } from 'vitest';
import { runSync } from '../../simulator/run/run.js';
import { comparisonSpec } from '../unit/arch/comparison-spec.js';
import type { BatchRunInfo } from '../../simulator/arch/batch-handle.js';
import type { FlinkInstanceInfo } from '../../simulator/nodes/flink/handle.js';

const { result, components } = runSync(comparisonSpec({ duration: '60s', rate: '50/s', checkpoint: '2s', every: '10s', replayAt: '50s' }));
const runs = (result.state['batch'] as { runs: BatchRunInfo[] }).runs;
const lambda = result.architectures!['lambda']!;
const kappa = result.architectures!['kappa']!;

describe('compute cost', () => {
  it('each batch run reads all history: run sizes grow, and all but the new objects is re-processing', () => {
    const sizes = runs.map((r) => r.records);
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]!).toBeGreaterThanOrEqual(sizes[i - 1]!);
    expect(sizes[5]!).toBeGreaterThan(5 * (sizes[0]! - 100));
    for (let i = 1; i < runs.length; i++) expect(runs[i]!.alreadyRead).toBe(runs[i - 1]!.records);
    const speedProcessed = lambda.summary.cost.processed - runs.filter((r) => r.finishedAtMs !== null).reduce((a, r) => a + r.records, 0);
    expect(speedProcessed).toBeGreaterThan(2900);
    expect(speedProcessed).toBeLessThanOrEqual(3000);
  });

  it('Kappa processes each record once, plus the replay of the retained log', () => {
    const inst = (components.get('stream') as { instances(): FlinkInstanceInfo[] }).instances();
    expect(inst.map((i) => i.version)).toEqual(['main', 'v2']);
    expect(kappa.summary.cost.reprocessed).toBeGreaterThan(2400); // the log retained at 50 s (all of it: 7 d retention)
    expect(kappa.summary.cost.processed - kappa.summary.cost.reprocessed).toBeLessThanOrEqual(3000);
  });

  it('before the replay, Kappa has spent less than Lambda at every sample after the second batch run', () => {
    for (let i = 0; i < kappa.cost.length; i++) {
      const t = kappa.cost[i]!.timeMs;
      if (t > 21_000 && t < 50_000) expect(kappa.cost[i]!.value).toBeLessThan(lambda.cost[i]!.value);
    }
    expect(lambda.summary.cost.processed).toBeGreaterThan(2 * kappa.summary.cost.processed);
  });

  it('the cost series never decreases', () => {
    for (const s of [lambda, kappa]) for (let i = 1; i < s.cost.length; i++) expect(s.cost[i]!.value).toBeGreaterThanOrEqual(s.cost[i - 1]!.value);
  });
});
