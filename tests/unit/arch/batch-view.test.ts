import { describe, it, expect } from 'vitest';
import { computeView } from '../../../simulator/arch/batch-view.js';
import { compileWhere } from '../../../simulator/arch/job-filter.js';
import type { Rec } from '../../../simulator/core/record.js';
import type { JobSpec } from '../../../simulator/spec/schema/job.js';

const rec = (rid: number, t: number, status: string, bytes = 1): Rec => ({ rid, id: `r${rid}`, eventTimeMs: t, fields: { status, bytes, '@metadata': { _id: `id${rid % 1000}` } } });
const job = (over: Partial<JobSpec>): JobSpec => ({ aggregate: 'count', 'allowed-lateness': 0, 'late-data': 'drop', 'key-by': 'status', window: { type: 'tumbling', size: 10_000 }, ...over });
const keepAll = compileWhere(undefined) as (r: Rec) => boolean;

describe('computeView (the batch job over the whole master dataset)', () => {
  it('counts per key per tumbling window, with lineage and newest event time', () => {
    const recs = [rec(0, 1000, '200'), rec(1, 9999, '200'), rec(2, 10_000, '200'), rec(3, 5000, '404')];
    const v = computeView(recs, job({}), 'status', keepAll);
    expect(v.rows.map((r) => [r.key, r.windowStartMs, r.windowEndMs, r.value, r.lineage.flat(), r.newestEventMs])).toEqual([
      ['200', 0, 10_000, 2, [0, 1], 9999],
      ['404', 0, 10_000, 1, [3], 5000],
      ['200', 10_000, 20_000, 1, [2], 10_000],
    ]);
  });

  it('applies a buggy where (v1 drops 500s) and reports what it filtered', () => {
    const recs = [rec(0, 1000, '200'), rec(1, 2000, '500'), rec(2, 3000, '500')];
    const keep = compileWhere('[status] != "500"');
    if (keep instanceof Error) throw keep;
    const v = computeView(recs, job({ where: '[status] != "500"' }), 'status', keep);
    expect(v.rows.map((r) => [r.key, r.value])).toEqual([['200', 1]]);
    expect(v.filtered.map((r) => r.rid)).toEqual([1, 2]);
  });

  it('puts a record in size/slide sliding windows and sums a field', () => {
    const v = computeView([rec(0, 12_000, '200', 7)], job({ window: { type: 'sliding', size: 10_000, slide: 5000 }, aggregate: 'sum:bytes' }), 'status', keepAll);
    expect(v.rows.map((r) => [r.windowStartMs, r.windowEndMs, r.value])).toEqual([
      [5000, 15_000, 7],
      [10_000, 20_000, 7],
    ]);
  });

  it('merges session windows per key by the gap', () => {
    const recs = [rec(0, 0, 'a'), rec(1, 4000, 'a'), rec(2, 20_000, 'a')];
    const v = computeView(recs, job({ window: { type: 'session', gap: 5000 } }), 'status', keepAll);
    expect(v.rows.map((r) => [r.windowStartMs, r.windowEndMs, r.value])).toEqual([
      [0, 9000, 2],
      [20_000, 25_000, 1],
    ]);
  });

  it('counts a record stored twice twice, unless the job dedupes by a stable id', () => {
    const recs = [rec(0, 1000, '200'), rec(0, 1000, '200')];
    expect(computeView(recs, job({}), 'status', keepAll).rows[0]!.value).toBe(2);
    const deduped = computeView(recs, job({ dedupe: { field: '@metadata._id', ttl: 1000 } }), 'status', keepAll);
    expect(deduped.rows[0]!.value).toBe(1);
  });

  it('skips records without the key field (unparsed lines)', () => {
    const v = computeView([{ rid: 0, id: 'x', eventTimeMs: 0, fields: { message: 'garbage' } }], job({}), 'status', keepAll);
    expect(v.rows).toEqual([]);
    expect(v.filtered).toHaveLength(1);
  });
});

describe('partial views per object', () => {
  it('merge to the same view as one pass over all records', async () => {
    const { partialView, mergeView } = await import('../../../simulator/arch/batch-view.js');
    const recs = Array.from({ length: 200 }, (_, i) => rec(i, i * 137, ['200', '404', '500'][i % 3]!, i));
    const j = job({ window: { type: 'sliding', size: 10_000, slide: 5000 }, aggregate: 'avg:bytes' });
    const whole = computeView(recs, j, 'status', keepAll);
    const merged = mergeView([partialView(recs.slice(0, 77), j, 'status', keepAll), partialView(recs.slice(77), j, 'status', keepAll)], j.aggregate);
    const flat = (rows: typeof whole.rows) => rows.map((r) => [r.key, r.windowStartMs, r.value, r.lineage.flatMap((chunk) => [...chunk]).sort((a, b) => a - b)]);
    expect(flat(merged.rows)).toEqual(flat(whole.rows));
  });
});
