/**
 * Failure advice never contradicts the exercise (issue 21): the `inFlight` note suggests more
 * `drain:` only when the run hit its deadline and no check of the exercise bounds the run's length.
 */
import { describe, expect, it } from 'vitest';
import { parseCheck } from '../../../simulator/exercise/check-parse.js';
import { evaluateChecks } from '../../../simulator/exercise/check-eval.js';
import type { CheckSpec } from '../../../simulator/exercise/types.js';
import { fakeResult, ledger } from './support.js';

function check(source: string): CheckSpec {
  const parsed = parseCheck(source);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return { source, name: source, expr: parsed.expr, at: { file: 'exercise.yaml', line: 1, column: 1 }, exactColumns: true };
}

const held = (ended: 'deadline' | 'drained') => fakeResult({ ended, outputs: { es: ledger({ inFlight: 12 }) } });

describe('inFlight advice', () => {
  it('suggests more drain time for a run that hit its deadline', () => {
    const [c] = evaluateChecks([check('outputs.es.inFlight == 0')], held('deadline'));
    expect(c?.explanation).toMatch(/more `drain:` time/);
  });

  it('does not when a check bounds the run length', () => {
    const [c] = evaluateChecks([check('outputs.es.inFlight == 0'), check('simulatedMs <= 60s')], held('deadline'));
    expect(c?.explanation).not.toMatch(/drain/);
    expect(c?.explanation).toMatch(/still held/);
  });

  it('does not when the run drained (a longer drain would change nothing)', () => {
    const [c] = evaluateChecks([check('outputs.es.inFlight == 0')], held('drained'));
    expect(c?.explanation).not.toMatch(/drain:/);
  });
});
