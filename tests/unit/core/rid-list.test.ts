/** A lineage list: views taken earlier keep what they held while the list grows past them. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RidList } from '../../../simulator/core/rid-list.js';

describe('RidList', () => {
  it('holds what was pushed, and every earlier view keeps its rids through later pushes and regrowth', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0x7fffffff }), { maxLength: 300 }), fc.integer({ min: 1, max: 40 }), (rids, every) => {
        const list = new RidList(1);
        const views: [Int32Array, number[]][] = [];
        rids.forEach((rid, i) => {
          list.push(rid);
          if (i % every === 0) views.push([list.view(), rids.slice(0, i + 1)]);
        });
        expect(list.length).toBe(rids.length);
        expect(Array.from({ length: list.length }, (_, i) => list.at(i))).toEqual(rids);
        for (const [view, expected] of views) expect([...view]).toEqual(expected);
        expect([...list.final()]).toEqual(rids);
        expect([...RidList.of(rids).view()]).toEqual(rids);
      }),
    );
  });

  it('final() keeps at most a third spare: a mostly empty buffer is copied to the rids alone', () => {
    const list = new RidList(1024);
    for (let rid = 0; rid < 10; rid++) list.push(rid);
    expect(list.final().buffer.byteLength).toBe(10 * 4);
    const full = new RidList(16);
    for (let rid = 0; rid < 16; rid++) full.push(rid);
    expect(full.final().buffer.byteLength).toBe(16 * 4);
    expect(full.final().buffer).toBe(full.view().buffer);
  });
});
