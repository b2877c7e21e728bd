import { describe, it, expect } from 'vitest';
import { parseCheck } from '../../../simulator/exercise/check-parse.js';
import { evaluateCheck } from '../../../simulator/exercise/check-eval.js';
import type { CheckSpec } from '../../../simulator/exercise/types.js';
import type { RunResult } from '../../../simulator/run/result.js';
import { architecture, fakeResult, ledger } from './support.js';

function check(source: string, extra: Partial<CheckSpec> = {}): CheckSpec {
  const parsed = parseCheck(source);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return { source, name: source, expr: parsed.expr, at: { file: 'exercise.yaml', line: 1, column: 1 }, exactColumns: true, ...extra };
}

const run = (source: string, result: RunResult, extra: Partial<CheckSpec> = {}) => evaluateCheck(check(source, extra), result);

describe('checks language: evaluation over a RunResult', () => {
  it('passes and fails plain comparisons', () => {
    const r = fakeResult({ outputs: { es: ledger({ lost: 3, lostAt: { logstash: 3 } }) } });
    expect(run('outputs.es.lost == 3', r).pass).toBe(true);
    expect(run('outputs.es.lost != 3', r).pass).toBe(false);
    expect(run('outputs.es.lost < 3', r).pass).toBe(false);
    expect(run('outputs.es.lost <= 3', r).pass).toBe(true);
    expect(run('outputs.es.lost > 2', r).pass).toBe(true);
    expect(run('outputs.es.lost >= 4', r).pass).toBe(false);
  });

  it('explains a failure with the author text and where the records went', () => {
    const r = fakeResult({ outputs: { es: ledger({ exactlyOnce: 963, duplicated: 37, extraCopies: 37, duplicatedAt: { 'filebeat->logstash': 37 } }) } });
    const c = run('outputs.es.duplicated == 0', r, { name: 'Indexed once', explain: 'log lines were indexed more than once' });
    expect(c).toEqual({
      name: 'Indexed once',
      pass: false,
      expected: 'outputs.es.duplicated == 0',
      actual: '37',
      explanation: 'expected outputs.es.duplicated == 0, got 37: log lines were indexed more than once — see duplicatedAt: filebeat->logstash 37',
    });
  });

  it('adds the hint to a failure and not to a pass', () => {
    const r = fakeResult({ outputs: { es: ledger({ lost: 5, lostAt: { 'logstash': 5 } }) } });
    expect(run('outputs.es.lost == 0', r, { hint: 'Try a persisted queue.' }).explanation).toBe('expected outputs.es.lost == 0, got 5: see lostAt: logstash 5 Hint: Try a persisted queue.');
    expect(run('outputs.es.lost == 5', r, { hint: 'Try a persisted queue.' }).explanation).toBe('outputs.es.lost == 5: 5');
  });

  it('does arithmetic with percentages on the right side and shows its value', () => {
    const r = fakeResult({ outputs: { es: ledger({ generated: 1000, exactlyOnce: 980, lost: 20 }) } });
    const c = run('outputs.es.exactlyOnce >= 99% * outputs.es.generated', r);
    expect(c.pass).toBe(false);
    expect(c.expected).toBe('outputs.es.exactlyOnce >= 99% * outputs.es.generated (right side = 990)');
    expect(c.actual).toBe('980');
    expect(run('outputs.es.exactlyOnce >= 0.98 * outputs.es.generated', r).pass).toBe(true);
    expect(run('outputs.es.lost / outputs.es.generated <= 2%', r).pass).toBe(true);
  });

  it('compares durations in ms and prints them with units', () => {
    const r = fakeResult({ architectures: { kappa: architecture({ freshness: { p50: 1000, p95: 7200, max: 9000 } }) } });
    const c = run('architectures.kappa.freshness.p95 < 5s', r);
    expect(c.pass).toBe(false);
    expect(c.actual).toBe('7.2s');
    expect(run('architectures.kappa.freshness.p95 < 7500ms', r).pass).toBe(true);
    expect(run('architectures.kappa.error.final == 0', r).pass).toBe(true);
    expect(run('architectures.kappa.cost.reprocessed == 0', r).pass).toBe(true);
  });

  it('reads query errors per answer (brackets for ids with slashes) and the worst over all answers', () => {
    const r = fakeResult({
      query: {
        description: 'count per status per 10s tumbling window',
        windows: [{ key: '200', windowStartMs: 0, windowEndMs: 10_000, truth: 100, answers: { 'es/counts': 98, lake: 100 } }],
        error: { 'es/counts': { max: 0.02, mean: 0.02, total: 0.02 }, lake: { max: 0, mean: 0, total: 0 } },
      },
    });
    expect(run('query.error["lake"].max == 0', r).pass).toBe(true);
    const c = run('query.error["es/counts"].max <= 0.01', r);
    expect(c.pass).toBe(false);
    expect(c.actual).toBe('0.02 (2%)');
    expect(c.explanation).toContain('worst window: key 200, window 0s–10s: truth 100, es/counts answered 98');
    expect(run('query.error.max <= 1%', r).pass).toBe(false);
    expect(run('query.windows == 1', r).pass).toBe(true);
  });

  it('reads an id absent from lostAt as 0', () => {
    expect(run('outputs.es.lostAt["filebeat->logstash"] == 0', fakeResult()).pass).toBe(true);
  });

  it('fails (never passes) when the run lacks the output, the query or the architecture', () => {
    const r = fakeResult({ outputs: { lake: ledger() } });
    const c = run('outputs.es.lost == 0', r);
    expect(c.pass).toBe(false);
    expect(c.explanation).toBe('cannot check `outputs.es.lost == 0`: this run has no output `es` in `outputs` (outputs in this run: `lake`)');
    expect(run('query.error.max <= 1', r).pass).toBe(false);
    expect(run('architectures.kappa.error.final <= 1', r).explanation).toBe('cannot check `architectures.kappa.error.final <= 1`: this run has no `architectures` (architectures exist only in Lambda/Kappa runs (a `type: serving` node))');
    expect(run('outputs.lake.documents == 0', r).explanation).toContain('this run has no `outputs.lake.documents`');
    expect(run('outputs.lake.bucketBytes == 0', r).explanation).toContain('`outputs.lake.bucketBytes` is not reported by this output');
  });

  it('reads sink statistics an output reports, and text values', () => {
    const r = fakeResult({ outputs: { es: ledger({ documents: 990, versionsAbove1: 10 }) } });
    expect(run('outputs.es.versionsAbove1 == 10', r).pass).toBe(true);
    expect(run('ended == "drained"', r).pass).toBe(true);
    expect(run('log.errors == 0', r).pass).toBe(true);
    expect(run('warnings == 0', r).pass).toBe(true);
  });

  it('treats values equal up to rounding as equal', () => {
    const r = fakeResult({ outputs: { es: ledger({ generated: 3, exactlyOnce: 3 }) } });
    expect(run('outputs.es.exactlyOnce / outputs.es.generated == 100%', r).pass).toBe(true);
    expect(run('0.1 + 0.2 == 0.3', r).pass).toBe(true);
  });

  it('fails a division by zero with a readable value', () => {
    const r = fakeResult({ outputs: { es: ledger({ generated: 0, exactlyOnce: 0 }) } });
    const c = run('outputs.es.exactlyOnce / outputs.es.generated >= 99%', r);
    expect(c.pass).toBe(false);
    expect(c.actual).toBe('not a number (division by zero)');
  });
});
