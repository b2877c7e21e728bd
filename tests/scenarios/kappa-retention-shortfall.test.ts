/**
 * Kappa replay is limited by retention (SEMANTICS §3 retention, §6; MISCONCEPTIONS 22). The topic
 * keeps 15 s of records — in segments rolled every 5 s, checked every 5 s, so a segment goes once
 * its newest record is 15 s old — v1 of the job leaves out server errors, and v2 is deployed at 45 s. The
 * Kappa replay starts at the earliest *retained* offset, so the rebuilt index lacks the deleted
 * period and after the switch the Kappa answer is wrong for it — and stays wrong. Lambda's
 * master dataset keeps everything: its next batch run with v2 recovers every window.
 */
import { describe, it, expect } from 'vitest';
import { runSync } from '../../simulator/run/run.js';
import { comparisonSpec } from '../unit/arch/comparison-spec.js';
import type { FlinkInstanceInfo } from '../../simulator/nodes/flink/handle.js';

const spec = comparisonSpec({ duration: '60s', rate: '50/s', checkpoint: '2s', retention: '15s', segment: '5s', retentionCheck: '5s', bug: '[status] != "500"', deployAt: '45s' });
const { result, components } = runSync(spec);
const instances = (components.get('stream') as { instances(): FlinkInstanceInfo[] }).instances();
const windows = result.query!.windows;

describe('Kappa with too-short retention', () => {
  it('switches to the replayed index once it has caught up', () => {
    expect(instances.map((i) => i.version)).toEqual(['main', 'v2']);
    expect(instances[0]!.stoppedAtMs).not.toBeNull();
  });

  it('the rebuilt view misses the period retention deleted; Lambda recovers it from the master dataset', () => {
    const early = windows.filter((w) => w.windowEndMs <= 20_000);
    expect(early.length).toBeGreaterThan(3);
    for (const w of early) {
      expect(w.answers['lambda']).toBe(w.truth);
      expect(w.answers['kappa'] ?? 0).toBeLessThan(w.truth);
    }
  });

  it('windows inside the retained period are fixed by the replay in both', () => {
    const late = windows.filter((w) => w.windowStartMs >= 40_000 && w.windowEndMs <= 50_000);
    expect(late.length).toBeGreaterThan(0);
    for (const w of late) {
      expect(w.answers['lambda']).toBe(w.truth);
      expect(w.answers['kappa']).toBe(w.truth);
    }
  });

  it('shows, not hides: the Kappa answer ledger blames retention, the final error stays above zero', () => {
    const kappa = result.architectures!['kappa']!;
    expect(kappa.summary.error.final).toBeGreaterThan(0.2);
    expect(kappa.outputs['answer']!.lostAt['kafka']).toBeGreaterThan(0);
    expect(result.architectures!['lambda']!.outputs['answer']!.lost).toBe(0);
  });
});
