/**
 * Small typed arrays cut out of large shared ones. `new Int32Array(n)` gives each array a backing
 * store of its own outside the heap, costly to make and to free; a Kafka log keeps a small column per
 * stored batch, tens of thousands in a run. A view onto a shared chunk costs one small heap object.
 * A chunk lives as long as any view onto it; logs drop batches oldest first, so chunks go in order too.
 */
const CHUNK_ELEMENTS = 1 << 16;

let int32Chunk = new Int32Array(0);
let int32Used = 0;
let uint16Chunk = new Uint16Array(0);
let uint16Used = 0;

/** An Int32Array holding `values`, in a shared chunk unless it is large. */
export function int32Column(values: readonly number[]): Int32Array {
  const n = values.length;
  if (n > CHUNK_ELEMENTS / 8) return Int32Array.from(values);
  if (int32Used + n > int32Chunk.length) {
    int32Chunk = new Int32Array(CHUNK_ELEMENTS);
    int32Used = 0;
  }
  // The constructor on the chunk's buffer, not subarray(): subarray looks up a species constructor each call.
  const column = new Int32Array(int32Chunk.buffer, int32Used * 4, n);
  int32Used += n;
  for (let i = 0; i < n; i++) column[i] = values[i]!;
  return column;
}

/** A Uint16Array holding `values` (each at most 0xffff), in a shared chunk unless it is large. */
export function uint16Column(values: readonly number[]): Uint16Array {
  const n = values.length;
  if (n > CHUNK_ELEMENTS / 8) return Uint16Array.from(values);
  if (uint16Used + n > uint16Chunk.length) {
    uint16Chunk = new Uint16Array(CHUNK_ELEMENTS);
    uint16Used = 0;
  }
  const column = new Uint16Array(uint16Chunk.buffer, uint16Used * 2, n);
  uint16Used += n;
  for (let i = 0; i < n; i++) column[i] = values[i]!;
  return column;
}
