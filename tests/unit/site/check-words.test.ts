// The failed-check sentence (site/scripts/exercise/check-words.ts) for every comparison operator,
// for durations and percentages, and for a path the run lacks. The values go through the check
// engine's own formatValue, so the sentence is read with the numbers a learner really sees.
import { describe, expect, it } from 'vitest';
import { checkNumbers, checkSource, checkWhy, splitComparison } from '../../../site/scripts/exercise/check-words.js';
import { formatValue } from '../../../simulator/exercise/check-eval.js';

const ms = (value: number) => formatValue({ value, unit: 'ms' });
const ratio = (value: number) => formatValue({ value, unit: 'ratio' });

describe('the failed-check sentence', () => {
  it.each([
    ['outputs.es.duplicated == 0', '37', 'Expected exactly 0; this run gave 37.'],
    ['outputs.es.lost != 0', '0', 'Expected anything other than 0; this run gave 0.'],
    ['outputs.es.lost < 10', '12', 'Expected less than 10; this run gave 12.'],
    ['outputs.es.lost <= 0', '4801', 'Expected at most 0; this run gave 4801.'],
    ['outputs.es.exactlyOnce > 1000', '1000', 'Expected more than 1000; this run gave 1000.'],
    ['outputs.es.exactlyOnce >= 5000', '4801', 'Expected at least 5000; this run gave 4801.'],
  ])('%s reads as a target in words', (source, actual, sentence) => {
    expect(checkNumbers({ expected: source, actual })).toBe(sentence);
  });

  it('keeps a duration or percentage literal as the author wrote it, beside the value the run gave', () => {
    expect(checkNumbers({ expected: 'simulatedMs <= 30s', actual: ms(61_500) })).toBe('Expected at most 30s; this run gave 61.5s.');
    expect(checkNumbers({ expected: 'p99 < 500ms', actual: ms(740) })).toBe('Expected less than 500ms; this run gave 740ms.');
    expect(checkNumbers({ expected: 'outputs.es.lossRate <= 1%', actual: ratio(0.013) })).toBe('Expected at most 1%; this run gave 1.3%.');
  });

  it('uses the value of a right side that is a path or arithmetic, not its text', () => {
    const expected = `outputs.es.lost <= outputs.lake.lost * 0.5 (right side = ${ratio(0.05)})`;
    expect(checkNumbers({ expected, actual: ratio(0.2) })).toBe('Expected at most 0.05 (5%); this run gave 0.2 (20%).');
    expect(checkNumbers({ expected: 'outputs.es.lossRate < 0.01', actual: ratio(0.013) })).toBe('Expected less than 0.01; this run gave 0.013 (1.3%).');
    expect(checkSource({ expected })).toBe('outputs.es.lost <= outputs.lake.lost * 0.5');
  });

  it('finds the comparison outside quoted strings, with or without spaces', () => {
    expect(splitComparison('state == "a<b==c"')).toEqual({ left: 'state', op: '==', right: '"a<b==c"' });
    expect(splitComparison('outputs.es.lost>=1')).toEqual({ left: 'outputs.es.lost', op: '>=', right: '1' });
    expect(checkNumbers({ expected: 'jobs.flink.state == "RUNNING"', actual: '"FAILED"' })).toBe('Expected exactly "RUNNING"; this run gave "FAILED".');
  });

  it('says so when the run has no such value, instead of "this run gave no value"', () => {
    expect(checkNumbers({ expected: 'outputs.nowhere.lost == 0', actual: 'no value' })).toBe('Expected exactly 0, but this run has no such value.');
  });

  it('drops the engine\'s own "expected …" opening from the explanation, whichever way it names the left side', () => {
    const simple = { expected: 'outputs.es.lost == 0', actual: '3' };
    expect(checkWhy({ ...simple, explanation: 'expected outputs.es.lost == 0, got 3: lines are lost — see lostAt: filebeat 3' })).toBe('lines are lost — see lostAt: filebeat 3');
    const sum = { expected: 'outputs.es.lost + outputs.es.duplicated == 0', actual: '5' };
    expect(checkWhy({ ...sum, explanation: 'expected outputs.es.lost + outputs.es.duplicated == 0, left side = 5: not exactly once' })).toBe('not exactly once');
  });
});
