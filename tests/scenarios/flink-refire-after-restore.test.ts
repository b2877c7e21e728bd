/**
 * A window that fired before a crash gets a record after the restore (allowed lateness keeps its
 * state). Flink's EventTimeTrigger registers a timer at the window end again and fires once more
 * when the restarted watermark passes it, so the updated result reaches the sink [FL7]. Found by
 * the capstone exercise: before the fix two records sat in window state and never reached ES.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { runSync } from '../../simulator/run/run.js';
import { specOf } from '../support/specs.js';

const text = readFileSync(new URL('../fixtures/specs/flink-refire-after-restore.yaml', import.meta.url), 'utf8');

describe('a fired window updated after a restore', () => {
  it('fires again when the watermark passes its end, so nothing stays behind in window state', () => {
    const h = runSync(specOf(text), { seed: 101 });
    const counts = h.result.outputs['es/counts']!;
    expect(counts.lost).toBe(0);
    const c = h.countsOf('es/counts');
    // The two late lines that joined window [20 s, 30 s) right after the restore at 38 s.
    for (const id of ['access-1.log:1837', 'access-0.log:1838']) expect(c[h.workload.ridOfDisplayId(id)!]).toBe(1);
  });
});
