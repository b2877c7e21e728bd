/** `cost.*` as check paths: budgets in real units (durations, sizes), parsed, checked for units, evaluated. */
import { describe, it, expect } from 'vitest';
import { parseCheck } from '../../../simulator/exercise/check-parse.js';
import { evaluateCheck } from '../../../simulator/exercise/check-eval.js';
import { analyseCheck } from '../../../simulator/exercise/check-static.js';
import { isCostCheck } from '../../../simulator/exercise/reference-cost.js';
import type { CheckSpec } from '../../../simulator/exercise/types.js';
import type { RunCost } from '../../../simulator/cost/run-cost.js';
import { metricsOf } from '../../../simulator/lab/metrics.js';
import { fakeResult } from '../exercise/support.js';

function check(source: string): CheckSpec {
  const parsed = parseCheck(source);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return { source, name: source, expr: parsed.expr, at: { file: 'exercise.yaml', line: 1, column: 1 }, exactColumns: true };
}

const cost: RunCost = {
  latency: { es: { records: 10, p50: 1500, p99: 2400, max: 2500 }, 'kafka/out': { records: 10, p50: 900, p99: 5100, max: 5200 } },
  extraWrites: { retries: 3, markers: 2, aborted: 1, overwrites: 4, deduplicated: 0, total: 10 },
  bytes: { kafkaIn: 3 * 1024 * 1024, kafkaOut: 512, links: { 'filebeat->logstash': 2048 }, total: 2048 },
  state: { dedupKeys: 6000, windowCells: 30, peak: 6030 },
  freshness: { p50: 4000, p95: 9000 },
  recompute: { records: 9503 },
};
const result = { ...fakeResult({}), cost };
const run = (source: string) => evaluateCheck(check(source), result);

describe('cost budgets as checks', () => {
  it('reads latency per output and the slowest output', () => {
    expect(run('cost.latency["es"].p99 <= 2.5s').pass).toBe(true);
    expect(run('cost.latency.p99 <= 5s')).toMatchObject({ pass: false, actual: '5.1s' });
    expect(run('cost.latency.p50 == 1500ms').pass).toBe(true);
  });

  it('compares sizes written with 1024-based units', () => {
    expect(run('cost.bytes.kafkaIn <= 3MB').pass).toBe(true);
    expect(run('cost.bytes.kafkaIn < 3MB')).toMatchObject({ pass: false, actual: '3MB' });
    expect(run('cost.bytes.kafkaOut == 512B').pass).toBe(true);
    expect(run('cost.bytes.kafkaIn <= 3072KB').pass).toBe(true);
    // Per link, by its id in brackets; a link that carried nothing reads 0.
    expect(run('cost.bytes.links["filebeat->logstash"] == 2KB').pass).toBe(true);
    expect(run('cost.bytes.links["logstash->es"] == 0B').pass).toBe(true);
    expect(run('cost.bytes.total <= 1KB')).toMatchObject({ pass: false, actual: '2KB' });
  });

  it('reads extra writes, state, freshness and recompute work', () => {
    expect(run('cost.extraWrites.total == 10').pass).toBe(true);
    expect(run('cost.extraWrites.markers + cost.extraWrites.aborted == 3').pass).toBe(true);
    expect(run('cost.state.peak <= 7000').pass).toBe(true);
    expect(run('cost.freshness.p95 <= 10s').pass).toBe(true);
    expect(run('cost.recompute.records <= 9000').pass).toBe(false);
  });

  it('refuses a budget in the wrong unit and a fractional size', () => {
    expect(analyseCheck(check('cost.bytes.kafkaIn <= 5s').expr)[0]?.message).toBe('compares a size in bytes with a duration');
    expect(analyseCheck(check('cost.latency.p99 <= 2MB').expr)[0]?.message).toBe('compares a duration with a size in bytes');
    expect(analyseCheck(check('cost.latency.p99 <= 2s').expr)).toEqual([]);
    const fractional = parseCheck('cost.bytes.kafkaIn <= 1.5MB');
    expect(fractional.ok).toBe(false);
  });

  it('knows which checks are cost budgets (the verdict shows the reference value for those)', () => {
    expect(isCostCheck('cost.latency.p99 <= 2s')).toBe(true);
    expect(isCostCheck('outputs.es.lost == 0')).toBe(false);
    expect(isCostCheck('outputs.cost.lost == 0')).toBe(false);
  });

  it('gives the Lab every cost measure as a metric to sweep', () => {
    const m = metricsOf(result);
    expect(m['cost.latency.es.p99']).toBe(2400);
    expect(m['cost.extraWrites.total']).toBe(10);
    expect(m['cost.bytes.kafkaIn']).toBe(3 * 1024 * 1024);
    expect(m['cost.bytes.links["filebeat->logstash"]']).toBe(2048);
    expect(m['cost.bytes.total']).toBe(2048);
    expect(m['cost.state.dedupKeys']).toBe(6000);
    expect(m['cost.freshness.p95']).toBe(9000);
    expect(m['cost.recompute.records']).toBe(9503);
  });
});
