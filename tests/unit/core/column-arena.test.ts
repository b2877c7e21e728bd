/** Columns cut from shared chunks hold their own values: no column sees another's writes. */
import { describe, expect, it } from 'vitest';
import { int32Column, scratchInt32, scratchUint16, uint16Column } from '../../../simulator/core/column-arena.js';

describe('column arena', () => {
  it('gives each column its own values across chunk boundaries', () => {
    const made: { column: Int32Array; values: number[] }[] = [];
    for (let i = 0; i < 3000; i++) {
      const values = Array.from({ length: 1 + (i % 97) }, (_, j) => i * 1000 + j - 500);
      made.push({ column: int32Column(values), values });
    }
    for (const { column, values } of made) expect([...column]).toEqual(values);
  });

  it('keeps unsigned 16-bit lengths, and a large column in a buffer of its own', () => {
    const lengths = uint16Column([0, 1, 65_535]);
    expect([...lengths]).toEqual([0, 1, 65_535]);
    const large = Array.from({ length: 20_000 }, (_, j) => j);
    const column = int32Column(large);
    expect(column.length).toBe(20_000);
    expect(column.buffer.byteLength).toBe(20_000 * 4);
  });

  it('cuts zeroed scratch columns that no stored column shares', () => {
    const scratch = Array.from({ length: 2000 }, (_, i) => (i % 2 ? scratchInt32(81) : scratchUint16(81)));
    for (const column of scratch) expect(column.every((v) => v === 0)).toBe(true);
    scratch.forEach((column, i) => column.fill(i + 1));
    const stored = int32Column([7, 8, 9]);
    for (const column of scratch) expect(column.buffer).not.toBe(stored.buffer);
    scratch.forEach((column, i) => expect(column.every((v) => v === i + 1)).toBe(true));
  });
});
