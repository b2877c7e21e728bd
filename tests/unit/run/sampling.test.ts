import { describe, expect, it } from 'vitest';
import { MAX_SAMPLES, sampleIntervalMs } from '../../../simulator/run/sampling.js';
import { parseSpec } from '../../../simulator/spec/parse.js';
import { runSync } from '../../../simulator/run/run.js';

describe('sampling interval', () => {
  it('is one simulated second up to six hours, so every lesson keeps its per-second samples', () => {
    expect(sampleIntervalMs(60_000)).toBe(1000);
    expect(sampleIntervalMs(6 * 3_600_000)).toBe(1000);
  });

  it('grows in whole seconds beyond, never keeping more than MAX_SAMPLES samples', () => {
    expect(sampleIntervalMs(6 * 3_600_000 + 1)).toBe(2000);
    expect(sampleIntervalMs(10 * 86_400_000)).toBe(40_000);
    for (const span of [7 * 3_600_000, 31 * 3_600_000, 10 * 86_400_000, 400 * 86_400_000]) {
      expect(Math.floor(span / sampleIntervalMs(span)) + 1).toBeLessThanOrEqual(MAX_SAMPLES + 1);
    }
  });

  it('a run of 30 h 10 s samples every 6 s (whole seconds, at most 21,600 samples)', () => {
    const spec = parseSpec(`name: long
duration: 10s
drain: 30h
workload: { rate: 10/s }
nodes:
  filebeat: { type: beats, output: es }
  es: { type: elasticsearch }
faults:
  - { crash: es, at: 5s, restart-after: 29h }
`);
    if (!spec.ok) throw new Error(JSON.stringify(spec.errors));
    const h = runSync(spec.spec);
    const times = h.result.samples.map((s) => s.timeMs);
    expect(times[1]! - times[0]!).toBe(6000);
    expect(times.length).toBeLessThanOrEqual(MAX_SAMPLES + 1);
    expect(h.result.outputs['es']).toMatchObject({ generated: 100, exactlyOnce: 100 });
  });
});
