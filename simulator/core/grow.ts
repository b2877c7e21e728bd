/**
 * Room for `index` in a typed array indexed by record id: the array itself when it is long
 * enough, else a copy whose length doubles until it is. Bit maps and note columns grow this way
 * as records are generated.
 */
export function withRoomFor<T extends Uint8Array | Uint32Array | Int32Array | Float64Array>(array: T, index: number): T {
  if (index < array.length) return array;
  let size = array.length * 2;
  while (size <= index) size *= 2;
  const grown = new (array.constructor as new (length: number) => T)(size);
  grown.set(array);
  return grown;
}
