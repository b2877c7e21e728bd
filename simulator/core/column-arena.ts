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

/** A maker of empty views of one type, cut from chunks that only its views share (unless they are large). */
function views<T extends Column>(Type: ColumnType<T>): (n: number) => T {
  let chunk = new Type(0);
  let used = 0;
  return (n) => {
    if (n > CHUNK_ELEMENTS / 8) return new Type(n);
    if (used + n > chunk.length) {
      chunk = new Type(CHUNK_ELEMENTS);
      used = 0;
    }
    // The constructor on the chunk's buffer, not subarray(): subarray looks up a species constructor each call.
    const view = new Type(chunk.buffer, used * Type.BYTES_PER_ELEMENT, n);
    used += n;
    return view;
  };
}

/** A maker of columns of one type holding the first `n` of given values. */
function arena<T extends Column>(Type: ColumnType<T>): (values: ArrayLike<number>, n?: number) => T {
  const view = views(Type);
  return (values, n = values.length) => {
    const column = view(n);
    for (let i = 0; i < n; i++) column[i] = values[i]!;
    return column;
  };
}

/** An Int32Array holding the first `n` of `values` (all of them by default). */
export const int32Column = arena(Int32Array);
/** A Uint16Array holding the first `n` of `values` (all of them by default; each at most 0xffff). */
export const uint16Column = arena(Uint16Array);

/**
 * Zeroed scratch columns for values that are still being collected (a producer batch filling up):
 * chunks of their own, so a scratch column's unused tail never keeps a stored column's chunk alive,
 * and the chunk goes once the scratch columns cut from it are dropped.
 */
export const scratchInt32 = views(Int32Array);
export const scratchUint16 = views(Uint16Array);
