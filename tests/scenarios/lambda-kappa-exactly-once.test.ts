/**
 * End-to-end exactly-once effect in both architectures: Logstash persisted queue, idempotent
 * producer, Flink with checkpoints and deterministic ES document ids (SEMANTICS §0, §4, §5).
 * Both stream jobs crash at 12 s and restore from their last checkpoint: the replayed window
 * results overwrite their documents. Once windows close, both answers equal the truth.
 */
import { describe, it, expect } from 'vitest';
import { runSync } from '../../simulator/run/run.js';
import { comparisonSpec } from '../unit/arch/comparison-spec.js';

const spec = comparisonSpec({
  duration: '40s',
  rate: '50/s',
  checkpoint: '2s',
  faults: [
    { crash: 'speed', at: '12s', 'restart-after': '2s' },
    { crash: 'stream', at: '12s', 'restart-after': '2s' },
  ],
});
const { result } = runSync(spec);
const settled = (t: number) => t % 10_000 >= 5000 && t < 40_000;

describe('exactly-once effect end to end', () => {
  it('both architectures equal the truth at every sample once the windows have fired', () => {
    for (const id of ['lambda', 'kappa']) {
      const series = result.architectures![id]!;
      const checked = series.error.filter((p) => settled(p.timeMs));
      expect(checked.length).toBeGreaterThan(10);
      for (const p of checked) expect({ id, t: p.timeMs, error: p.value }).toEqual({ id, t: p.timeMs, error: 0 });
    }
  });

  it('every closed window of the final answers equals the truth', () => {
    const windows = result.query!.windows.filter((w) => w.windowEndMs <= 30_000);
    expect(windows.length).toBeGreaterThan(5);
    for (const w of windows) {
      expect(w.answers['lambda']).toBe(w.truth);
      expect(w.answers['kappa']).toBe(w.truth);
    }
  });

  it('Lambda recovers the last window from the batch view; the stream job never closes it (no newer event time)', () => {
    const last = result.query!.windows.filter((w) => w.windowStartMs === 30_000);
    expect(last.length).toBeGreaterThan(0);
    for (const w of last) {
      expect(w.answers['lambda']).toBe(w.truth);
      expect(w.answers['kappa'] ?? 0).toBeLessThan(w.truth);
    }
  });

  it('nothing is lost or duplicated in either answer', () => {
    for (const id of ['lambda', 'kappa']) {
      const ledger = result.architectures![id]!.outputs['answer']!;
      expect(ledger.duplicated).toBe(0);
    }
    expect(result.architectures!['lambda']!.outputs['answer']!.lost).toBe(0);
  });
});
