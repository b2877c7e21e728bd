/** RidSet, the bit map of record ids the ledger and the outputs use in place of a Set<number>. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RidSet } from '../../../simulator/core/rid-set.js';

describe('RidSet', () => {
  it('answers `has` as a Set of the same ids does, across growth', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 100_000 }), { maxLength: 200 }), fc.array(fc.integer({ min: -5, max: 120_000 }), { maxLength: 200 }), (added, asked) => {
        const bits = RidSet.of(added);
        const set = new Set(added.filter((rid) => rid >= 0));
        for (const rid of [...added, ...asked]) expect(bits.has(rid)).toBe(set.has(rid));
      }),
      { numRuns: 300 },
    );
  });

  it('add reports whether the id is new', () => {
    const bits = new RidSet();
    expect(bits.add(5000)).toBe(true);
    expect(bits.add(5000)).toBe(false);
    expect(() => bits.add(-1)).toThrow(/record ids/);
  });

  it('a copy is independent of the set it was made from', () => {
    const original = RidSet.of([1, 2, 3]);
    const copy = original.copy();
    copy.add(40_000);
    original.add(7);
    expect(copy.has(40_000)).toBe(true);
    expect(original.has(40_000)).toBe(false);
    expect(copy.has(7)).toBe(false);
    expect(copy.has(3)).toBe(true);
  });
});
