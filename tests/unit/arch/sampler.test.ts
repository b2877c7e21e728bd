import { describe, it, expect } from 'vitest';
import { ArchitectureSampler, type ArchitectureSource } from '../../../simulator/run/architectures.js';
import type { WindowValue } from '../../../simulator/run/query.js';
import { countsOfRows } from '../../../simulator/arch/answer-ledger.js';

const w = (key: string, start: number, value: number): WindowValue => ({ key, windowStartMs: start, windowEndMs: start + 10_000, value });

function source(values: () => WindowValue[], every = 0): ArchitectureSource {
  return { currentValues: values, newestCountedEventMs: () => 4000, processed: () => 9, reprocessed: () => 1, storage: () => 3, sampleEveryMs: every };
}

describe('ArchitectureSampler', () => {
  const truth = [w('a', 0, 10), w('b', 0, 10), w('a', 10_000, 5)];

  it('compares per ended window, so a loss in one window and a duplicate in another do not cancel', () => {
    const s = new ArchitectureSampler(source(() => [w('a', 0, 12), w('b', 0, 8), w('a', 10_000, 99)]), truth);
    s.sample(10_000);
    const series = s.series();
    expect(series.answer[0]!.value).toBe(20); // only windows ended by 10 s
    expect(series.truth[0]!.value).toBe(20);
    expect(series.error[0]!.value).toBe(0.2); // |12−10| + |8−10| over 20
    expect(series.freshness[0]!.value).toBe(6000);
  });

  it('counts an ended window without an answer as missing, and respects sample-every', () => {
    const s = new ArchitectureSampler(source(() => [w('a', 0, 10)], 2000), truth);
    s.sample(20_000);
    s.sample(21_000); // too soon
    s.sample(22_000);
    const series = s.series();
    expect(series.error.map((p) => p.timeMs)).toEqual([20_000, 22_000]);
    expect(series.error[0]!.value).toBe(0.6); // b and a@10 s missing: 15 of 25
    expect(series.summary.cost).toEqual({ processed: 9, reprocessed: 1 });
  });
});

describe('countsOfRows', () => {
  it('counts copies within one window, not membership in several sliding windows', () => {
    const rows = [
      { key: 'a', windowStartMs: 0, windowEndMs: 10, value: 3, lineage: [[1, 2], [2]], newestEventMs: null },
      { key: 'a', windowStartMs: 5, windowEndMs: 15, value: 2, lineage: [[1, 2]], newestEventMs: null },
    ];
    expect([...countsOfRows(rows, 4)]).toEqual([0, 1, 2, 0]);
  });
});
