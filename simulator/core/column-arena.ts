/**
 * Small typed arrays cut out of large shared ones. `new Int32Array(n)` gives each array a backing
 * store of its own outside the heap, costly to make and to free; a Kafka log keeps a small column per
 * stored batch, tens of thousands in a run. A view onto a shared chunk costs one small heap object.
 * A chunk lives as long as any view onto it; logs drop batches oldest first, so chunks go in order too.
 */
const CHUNK_ELEMENTS = 1 << 16;

type Column = Int32Array | Uint16Array;

interface ColumnType<T extends Column> {
  new (length: number): T;
  new (buffer: ArrayBufferLike, byteOffset: number, length: number): T;
  readonly BYTES_PER_ELEMENT: number;
  from(values: ArrayLike<number>): T;
}

/** A maker of columns of one type holding given values, in a shared chunk unless they are many. */
function arena<T extends Column>(Type: ColumnType<T>): (values: readonly number[]) => T {
  let chunk = new Type(0);
  let used = 0;
  return (values) => {
    const n = values.length;
    if (n > CHUNK_ELEMENTS / 8) return Type.from(values);
    if (used + n > chunk.length) {
      chunk = new Type(CHUNK_ELEMENTS);
      used = 0;
    }
    // The constructor on the chunk's buffer, not subarray(): subarray looks up a species constructor each call.
    const column = new Type(chunk.buffer, used * Type.BYTES_PER_ELEMENT, n);
    used += n;
    column.set(values);
    return column;
  };
}

/** An Int32Array holding `values`. */
export const int32Column = arena(Int32Array);
/** A Uint16Array holding `values` (each at most 0xffff). */
export const uint16Column = arena(Uint16Array);
