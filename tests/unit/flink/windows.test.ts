import { describe, it, expect } from 'vitest';
import { KeyedWindows, windowResult, type WindowCell } from '../../../simulator/nodes/flink/windows.js';
import { WatermarkTracker } from '../../../simulator/nodes/flink/watermarks.js';

const NEG = Number.NEGATIVE_INFINITY;

describe('keyed windows', () => {
  it('tumbling: fires when the watermark reaches end − 1, with the rids as lineage', () => {
    const w = new KeyedWindows({ type: 'tumbling', size: 10_000 }, 0);
    const fired: WindowCell[] = [];
    w.add('200', 1000, 1, 1, NEG, (c) => fired.push(c));
    w.add('200', 9999, 2, 1, NEG, (c) => fired.push(c));
    w.add('200', 10_000, 3, 1, NEG, (c) => fired.push(c));
    w.advance(9998, (c) => fired.push(c));
    expect(fired).toHaveLength(0);
    w.advance(9999, (c) => fired.push(c));
    expect(fired.map((c) => [c.start, c.sum, [...c.lineage.view()]])).toEqual([[0, 2, [1, 2]]]);
    const rec = windowResult({ kind: 'count' }, fired[0]!);
    expect(rec.rid).toBe(-1);
    expect(rec.fields).toEqual({ key: '200', window: { start: 0, end: 10_000 }, value: 2 });
  });

  it('a record for a window the watermark passed is late (lateness 0)', () => {
    const w = new KeyedWindows({ type: 'tumbling', size: 10_000 }, 0);
    w.advance(15_000, () => undefined);
    expect(w.add('200', 5000, 1, 1, 15_000, () => undefined)).toBe(0); // late: in no window
    expect(w.add('200', 12_000, 2, 1, 15_000, () => undefined)).toBe(1); // added to one window
  });

  it('allowed lateness keeps the window and re-fires it with the updated value', () => {
    const w = new KeyedWindows({ type: 'tumbling', size: 10_000 }, 5000);
    const fired: number[] = [];
    w.add('a', 1000, 1, 1, NEG, () => undefined);
    w.advance(10_000, (c) => fired.push(c.sum));
    expect(fired).toEqual([1]);
    expect(w.add('a', 2000, 2, 1, 12_000, (c) => fired.push(c.sum))).toBe(1); // added to one window
    expect(fired).toEqual([1, 2]);
    w.advance(14_999, () => undefined);
    expect(w.add('a', 3000, 3, 1, 14_999, () => undefined)).toBe(0); // late: in no window
  });

  it('a new window behind the watermark (within lateness) fires once, at once, not again at the next advance', () => {
    const w = new KeyedWindows({ type: 'tumbling', size: 10_000 }, 10_000);
    w.advance(20_000, () => undefined);
    const fired: number[] = [];
    w.add('a', 12_000, 1, 1, 20_000, (c) => fired.push(c.sum));
    w.advance(21_000, (c) => fired.push(c.sum));
    expect(fired).toEqual([1]);
  });

  it('session: a fired session merged with a new record fires again when the watermark passes the merged end', () => {
    const w = new KeyedWindows({ type: 'session', gap: 3000 }, 10_000);
    const fired: [number, number, number[], number][] = [];
    const fire = (c: WindowCell) => {
      fired.push([c.start, c.end, [...c.lineage.view()], c.emitted]);
      c.emitted = c.lineage.length; // as the operator does when it sends the result
    };
    w.add('k', 1000, 1, 1, NEG, fire);
    w.advance(5000, fire);
    expect(w.add('k', 3500, 2, 1, 5000, fire)).toBe(1);
    w.advance(7000, fire);
    // The merged session [1000, 6500) went out with both records; record 1 had gone out before.
    expect(fired).toEqual([
      [1000, 4000, [1], 0],
      [1000, 6500, [1, 2], 1],
    ]);
  });

  it('sliding: a record lands in size/slide windows', () => {
    const w = new KeyedWindows({ type: 'sliding', size: 10_000, slide: 5000 }, 0);
    w.add('a', 7000, 1, 1, NEG, () => undefined);
    const starts: number[] = [];
    w.advance(1e9, (c) => starts.push(c.start));
    expect(starts.sort((a, b) => a - b)).toEqual([0, 5000]);
  });

  it('session: records within the gap merge; a gap splits', () => {
    const w = new KeyedWindows({ type: 'session', gap: 3000 }, 0);
    for (const [t, rid] of [[1000, 1], [2500, 2], [9000, 3], [4000, 4]] as const) w.add('k', t, rid, 1, NEG, () => undefined);
    const cells: [number, number, number][] = [];
    w.advance(1e9, (c) => cells.push([c.start, c.end, c.sum]));
    expect(cells).toEqual([
      [1000, 7000, 3],
      [9000, 12_000, 1],
    ]);
  });

  it('snapshot and restore copy state (no aliasing)', () => {
    const w = new KeyedWindows({ type: 'tumbling', size: 1000 }, 0);
    w.add('a', 10, 1, 1, NEG, () => undefined);
    const snap = w.snapshot();
    w.add('a', 20, 2, 1, NEG, () => undefined);
    w.restore(snap);
    const sums: number[] = [];
    w.advance(1e9, (c) => sums.push(c.sum));
    expect(sums).toEqual([1]);
  });
});

describe('watermarks', () => {
  it('bounded out-of-orderness: max seen − bound − 1, minimum over partitions', () => {
    const t = new WatermarkTracker([0, 1], 5000, undefined, 0);
    t.observe(0, 20_000, 0);
    expect(t.emit(0)).toBe(NEG); // partition 1 has nothing yet: holds the watermark back
    t.observe(1, 12_000, 0);
    expect(t.emit(0)).toBe(12_000 - 5000 - 1);
  });

  it('an idle partition stops holding it back only with idleness', () => {
    const held = new WatermarkTracker([0, 1], 0, undefined, 0);
    const idle = new WatermarkTracker([0, 1], 0, 2000, 0);
    for (const tr of [held, idle]) tr.observe(0, 10_000, 5000);
    expect(held.emit(5000)).toBe(NEG);
    expect(idle.emit(5000)).toBe(9999);
  });

  it('reports per partition what it has seen (nothing yet: null), including a partition it was not started with', () => {
    const t = new WatermarkTracker([0, 1], 100, 1000, 0);
    t.observe(0, 0, 10);
    t.observe(5, 7000, 10);
    expect(t.inspect(10)).toEqual([
      { partition: 0, maxEventMs: 0, watermark: -101, idle: false },
      { partition: 1, maxEventMs: null, watermark: NEG, idle: false },
    ]);
    expect(t.emit(10)).toBe(NEG);
    expect(t.inspect(1500).map((p) => p.idle)).toEqual([true, true]);
  });

  it('never goes backwards, and does not move when all partitions are idle', () => {
    const t = new WatermarkTracker([0], 0, 1000, 0);
    t.observe(0, 10_000, 0);
    expect(t.emit(10)).toBe(9999);
    t.observe(0, 3000, 20);
    expect(t.emit(30)).toBe(9999);
    expect(t.emit(50_000)).toBe(9999);
  });
});
