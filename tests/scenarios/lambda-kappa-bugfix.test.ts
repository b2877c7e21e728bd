/**
 * Human fault tolerance (SEMANTICS §6): job v1 leaves out server errors (`[status] != "500"`);
 * v2 is deployed at 25 s. Lambda fixes history when the first batch run after the deploy (at
 * 40 s) publishes; Kappa when the v2 replay has caught up and readers switch to `counts-v2`.
 */
import { describe, it, expect } from 'vitest';
import { runSync } from '../../simulator/run/run.js';
import { comparisonSpec, at } from '../unit/arch/comparison-spec.js';
import type { BatchRunInfo } from '../../simulator/arch/batch-handle.js';
import type { FlinkInstanceInfo } from '../../simulator/nodes/flink/handle.js';

const spec = comparisonSpec({ duration: '60s', rate: '50/s', checkpoint: '2s', margin: '3s', bug: '[status] != "500"', deployAt: '25s' });
const { result, components } = runSync(spec);
const lambda = result.architectures!['lambda']!;
const kappa = result.architectures!['kappa']!;
const runs = (result.state['batch'] as { runs: BatchRunInfo[] }).runs;
const instances = (components.get('stream') as { instances(): FlinkInstanceInfo[] }).instances();
const settled = (t: number) => t % 10_000 >= 5000 && t < 60_000;
const firstCorrectFrom = (series: typeof lambda, from: number) => series.error.find((p) => p.timeMs >= from && settled(p.timeMs) && p.value === 0)?.timeMs;

describe('a buggy v1 fixed by v2', () => {
  it('both answers undercount while v1 is in force', () => {
    expect(at(lambda.error, 13_000)).toBeGreaterThan(0);
    expect(at(kappa.error, 13_000)).toBeGreaterThan(0);
    expect(at(lambda.answer, 23_000)).toBeLessThan(at(lambda.truth, 23_000));
  });

  it('Lambda: the batch run at 20 s still runs v1; the run at 40 s runs v2 and fixes all history when it publishes', () => {
    expect(runs.slice(0, 3).map((r) => [r.startedAtMs, r.version])).toEqual([
      [20_000, 'main'],
      [40_000, 'v2'],
      [60_000, 'v2'],
    ]);
    const fix = runs[1]!;
    expect(fix.finishedAtMs).toBe(40_000 + Math.ceil((fix.records / 2000) * 1000));
    for (const p of lambda.error) if (p.timeMs > 25_000 && p.timeMs < fix.finishedAtMs! && settled(p.timeMs)) expect(p.value).toBeGreaterThan(0);
    const firstSettledAfterFix = lambda.error.map((p) => p.timeMs).find((t) => t >= fix.finishedAtMs! && settled(t));
    expect(firstCorrectFrom(lambda, 25_000)).toBe(firstSettledAfterFix);
    for (const p of lambda.error) if (p.timeMs >= fix.finishedAtMs! && settled(p.timeMs)) expect(p.value).toBe(0);
  });

  it('Kappa: the v2 replay starts at 25 s from the earliest offset; history is fixed when readers switch', () => {
    expect(instances.map((i) => [i.version, i.startedAtMs, i.sink.target])).toEqual([
      ['main', 0, 'counts'],
      ['v2', 25_000, 'counts-v2'],
    ]);
    const swap = instances[0]!.stoppedAtMs!;
    expect(swap).toBeGreaterThan(25_000);
    expect(swap).toBeLessThan(30_000);
    for (const p of kappa.error) if (p.timeMs < swap && p.timeMs > 10_000 && settled(p.timeMs)) expect(p.value).toBeGreaterThan(0);
    const firstSettledAfterSwap = kappa.error.map((p) => p.timeMs).find((t) => t >= swap && settled(t));
    expect(firstCorrectFrom(kappa, 25_000)).toBe(firstSettledAfterSwap);
    for (const p of kappa.error) if (p.timeMs >= swap && settled(p.timeMs)) expect(p.value).toBe(0);
  });

  it('replaying costs Kappa the retained log once; recomputing costs Lambda all history per run', () => {
    expect(kappa.summary.cost.reprocessed).toBeGreaterThan(0);
    // The run starting at the deadline has read nothing yet.
    expect(lambda.summary.cost.reprocessed).toBe(runs.filter((r) => r.finishedAtMs !== null).reduce((a, r) => a + r.alreadyRead, 0));
  });
});
