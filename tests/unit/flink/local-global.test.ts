/**
 * Local-global window aggregation (Flink docs "Performance Tuning" → "Local-Global Aggregation";
 * TwoStageOptimizedWindowAggregateRule): when the planner splits it, and what it costs the key's owner.
 */
import { describe, expect, it } from 'vitest';
import { runsLocalGlobal } from '../../../simulator/config/flink/agg-phases.js';
import type { FlinkConfig } from '../../../simulator/config/flink/config-yaml.js';
import { Problems } from '../../../simulator/config/shared/issues.js';
import { LocalGlobalCost, sliceLength } from '../../../simulator/nodes/flink/local-global.js';
import { SubtaskLayout } from '../../../simulator/nodes/flink/subtasks.js';

const config = (strategy?: string): FlinkConfig => {
  const c: FlinkConfig = new Map();
  const loc = { line: 1, column: 1, endLine: 1, endColumn: 1 };
  if (strategy) c.set('table.optimizer.agg-phase-strategy', { value: strategy, loc, file: new Problems('config.yaml') });
  return c;
};

describe('when the planner runs a window aggregation in two phases', () => {
  const tvf = { window: { type: 'tumbling' } };
  it('a window table function with mergeable functions: yes by default (AUTO) and with TWO_PHASE, not with ONE_PHASE', () => {
    expect(runsLocalGlobal(tvf, false, config())).toBe(true);
    expect(runsLocalGlobal(tvf, false, config('TWO_PHASE'))).toBe(true);
    expect(runsLocalGlobal(tvf, false, config('ONE_PHASE'))).toBe(false);
  });

  it('never for a legacy group window, a session window, COUNT(DISTINCT …) or no window', () => {
    expect(runsLocalGlobal(tvf, true, config())).toBe(false);
    expect(runsLocalGlobal({ window: { type: 'session' } }, false, config())).toBe(false);
    expect(runsLocalGlobal({ ...tvf, dedupe: { field: 'id' } }, false, config())).toBe(false);
    expect(runsLocalGlobal({}, false, config())).toBe(false);
  });
});

describe('the work of a two-phase aggregation', () => {
  it('slices a hopping window by the greatest common divisor of size and slide', () => {
    expect(sliceLength({ type: 'tumbling', size: 5000 })).toBe(5000);
    expect(sliceLength({ type: 'sliding', size: 10_000, slide: 4000 })).toBe(2000);
  });

  it('a hot key: each record on the subtask that read it, one merge per source subtask on the key owner', () => {
    const layout = new SubtaskLayout('logs', 4, 4, 128);
    const cost = new LocalGlobalCost(layout, 5000);
    cost.startBatch();
    // 100 records of one key, 25 from each partition, all in one window.
    for (let i = 0; i < 100; i++) cost.charge(i % 4, '200', 1000 + i);
    const owner = layout.subtaskOf('200');
    const busy = layout.busyTime(4);
    // 25 local accumulates per subtask, plus 4 merges on the owner: 29 × 4 ms, against 100 × 4 ms in one phase.
    expect(busy).toBe(29 * 4);
    expect(layout.busyMs[owner]).toBe(29 * 4);
  });
});
