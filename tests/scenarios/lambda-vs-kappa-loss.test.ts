/**
 * At-most-once loss in the speed layer (SEMANTICS §4 recovery without checkpoints, §6).
 * Both stream jobs run without checkpoints and start from `latest`; both crash at 12 s for 3 s,
 * so the records of 12–15 s never reach their windows. Lambda's answer is wrong until a batch run
 * covers window [10 s, 20 s) (the run at 40 s: the run at 20 s trusts only windows ending by its
 * cut-off − 3 s), then equals the truth; Kappa's stays wrong until the replay at 45 s catches up.
 */
import { describe, it, expect } from 'vitest';
import { runSync } from '../../simulator/run/run.js';
import { comparisonSpec, at } from '../unit/arch/comparison-spec.js';
import type { BatchRunInfo } from '../../simulator/arch/batch-handle.js';
import type { FlinkInstanceInfo } from '../../simulator/nodes/flink/handle.js';

const spec = comparisonSpec({
  duration: '60s',
  rate: '50/s',
  startingOffsets: 'latest',
  margin: '3s',
  replayAt: '45s',
  faults: [
    { crash: 'speed', at: '12s', 'restart-after': '3s' },
    { crash: 'stream', at: '12s', 'restart-after': '3s' },
  ],
});
const { result, components } = runSync(spec);
const lambda = result.architectures!['lambda']!;
const kappa = result.architectures!['kappa']!;
const runs = (result.state['batch'] as { runs: BatchRunInfo[] }).runs;
const streamInstances = (components.get('stream') as { instances(): FlinkInstanceInfo[] }).instances();
/** Samples well after the last window end, when a live stream job has fired it (watermark = newest − 1 ms). */
const settled = (t: number) => t % 10_000 >= 5000 && t < 60_000;

describe('at-most-once loss in the speed layer', () => {
  it('both answers are wrong once window [10 s, 20 s) has fired without the lost records', () => {
    expect(at(lambda.error, 25_000)).toBeGreaterThan(0);
    expect(at(kappa.error, 25_000)).toBeGreaterThan(0);
    expect(at(lambda.answer, 25_000)).toBeLessThan(at(lambda.truth, 25_000));
  });

  it('Lambda equals the truth from the first sample after the batch run at 40 s publishes', () => {
    const fix = runs.find((r) => r.startedAtMs === 40_000)!;
    expect(fix.finishedAtMs).toBe(40_000 + Math.ceil((fix.records / 2000) * 1000));
    const firstCorrect = lambda.error.find((p) => p.timeMs >= 20_000 && settled(p.timeMs) && p.value === 0)?.timeMs;
    const firstSettledAfterFix = lambda.error.map((p) => p.timeMs).find((t) => t >= fix.finishedAtMs! && settled(t))!;
    expect(firstCorrect).toBe(firstSettledAfterFix);
    expect(firstCorrect).toBe(45_000);
    for (const p of lambda.error) if (p.timeMs >= 20_000 && p.timeMs < fix.finishedAtMs! && settled(p.timeMs)) expect(p.value).toBeGreaterThan(0);
    for (const p of lambda.error) if (p.timeMs >= firstSettledAfterFix && settled(p.timeMs)) expect(p.value).toBe(0);
  });

  it('Kappa stays wrong until the replay catches up, then equals the truth', () => {
    expect(at(kappa.error, 43_000)).toBeGreaterThan(0);
    const replay = streamInstances[1]!;
    expect(replay.version).toBe('v2');
    expect(replay.startedAtMs).toBe(45_000);
    const swap = streamInstances[0]!.stoppedAtMs!;
    expect(swap).toBeGreaterThan(45_000);
    for (const p of kappa.error) if (p.timeMs < swap && p.timeMs >= 20_000 && settled(p.timeMs)) expect(p.value).toBeGreaterThan(0);
    for (const p of kappa.error) if (p.timeMs >= swap && settled(p.timeMs)) expect(p.value).toBe(0);
  });

  it('the answer ledgers show where the records went missing', () => {
    const lost = kappa.outputs['es/counts']!;
    expect(lost.lost).toBeGreaterThan(0);
    expect(Object.keys(lost.lostAt).some((w) => w.includes('stream'))).toBe(true);
    expect(lambda.outputs['batch-view']!.lost).toBe(0);
  });
});
