/**
 * The Lab's counterfactual carries each run's DAG-run grid (simulator/orchestrator/grid.ts), so the page can draw
 * the two grids one above the other. The spec is the batch lesson's second starter, compiled: a worker restart at
 * 81 s kills the only try of the run of 00:01:00. With `retries` 2 alone the TI waits `up_for_retry`: `retry_delay`
 * keeps Airflow's default of 300 s [AF3], longer than the rest of the run.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkspaceFolder } from '../../../simulator/cli/workspace-commands.js';
import { compileWorkspace } from '../../../simulator/config/workspace/index.js';
import { counterfactual } from '../../../simulator/lab/counterfactual.js';
import { specYaml } from '../../../simulator/spec/spec-yaml.js';

const files = readWorkspaceFolder(join(import.meta.dirname, '../../../lessons/05-batch-in-production/exercises/one-failure-and-the-day-is-stale/starter'));
const compiled = compileWorkspace(files);
if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
// Written as the Lab gets it (s3 `time_file` with its unit: a plain number there is minutes).
const spec = specYaml(compiled.spec);

describe('counterfactual grids', () => {
  it('retries 0 → 2: the run of 00:01:00 goes from failed after try 1 to up_for_retry (the next try is due 300 s later)', { timeout: 60_000 }, () => {
    const cf = counterfactual(spec, '/nodes/batch/schedule/retries', 2, 61);
    const cell = (side: 'before' | 'after') => cf.grids[side][0]!.runs.find((r) => r.logicalDate === '2026-01-01T00:01:00+00:00')!.cells[0]!;
    expect(cf.grids.before.map((g) => [g.dagId, g.tasks])).toEqual([['batch_view', ['batch_view']]]);
    expect(cell('before')).toMatchObject({ state: 'failed', tryNumber: 1 });
    expect(cell('after')).toMatchObject({ state: 'up_for_retry', tryNumber: 1 });
  });
});
