/**
 * Flink's key groups: how `keyBy` sends a key to one parallel subtask, and which key groups a
 * subtask owns (its slice of keyed state, which is what a savepoint redistributes on rescale).
 *
 * Reproduces org.apache.flink.runtime.state.KeyGroupRangeAssignment and
 * org.apache.flink.util.MathUtils.murmurHash with 32-bit Java int arithmetic:
 *   keyGroup  = murmurHash(key.hashCode()) % maxParallelism
 *   subtask   = keyGroup * parallelism / maxParallelism
 * and `pipeline.max-parallelism` defaults to
 *   min(max(roundUpToPowerOfTwo(p + p / 2), 128), 32768)
 * (Flink docs, "Operations > Production Readiness > Set an explicit max parallelism").
 * The number of key groups never changes for a job's lifetime: rescaling moves whole key groups
 * between subtasks, so a key's state moves with its group and nothing is lost or repeated.
 */

/** Lower bound of the default max parallelism (KeyGroupRangeAssignment.DEFAULT_LOWER_BOUND_MAX_PARALLELISM). */
export const DEFAULT_LOWER_BOUND_MAX_PARALLELISM = 128;
/** Inclusive upper bound of max parallelism (Transformation.UPPER_BOUND_MAX_PARALLELISM = 1 << 15). */
export const UPPER_BOUND_MAX_PARALLELISM = 32768;

/** java.lang.String.hashCode: s[0]*31^(n-1) + … + s[n-1] over UTF-16 code units, in int arithmetic. */
export function javaStringHashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

function rotateLeft(x: number, bits: number): number {
  return ((x << bits) | (x >>> (32 - bits))) | 0;
}

/** MathUtils.bitMix: murmur3's 32-bit finaliser. */
function bitMix(input: number): number {
  let x = input | 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x | 0;
}

/** MathUtils.murmurHash(int): non-negative murmur3 of one int. */
export function flinkMurmurHash(code: number): number {
  let c = code | 0;
  c = Math.imul(c, 0xcc9e2d51);
  c = rotateLeft(c, 15);
  c = Math.imul(c, 0x1b873593);
  c = rotateLeft(c, 13);
  c = (Math.imul(c, 5) + 0xe6546b64) | 0;
  c ^= 4;
  c = bitMix(c);
  if (c >= 0) return c;
  // Java: -Integer.MIN_VALUE overflows back to itself, so Flink maps it to 0.
  return c === -0x80000000 ? 0 : -c;
}

/** MathUtils.roundUpToPowerOfTwo for positive ints. */
function roundUpToPowerOfTwo(x: number): number {
  let v = (x - 1) | 0;
  v |= v >> 1;
  v |= v >> 2;
  v |= v >> 4;
  v |= v >> 8;
  v |= v >> 16;
  return (v + 1) | 0;
}

/** True when `parallelism` is a valid operator parallelism (1..32768). */
export function parallelismInBounds(parallelism: number): boolean {
  return Number.isInteger(parallelism) && parallelism > 0 && parallelism <= UPPER_BOUND_MAX_PARALLELISM;
}

/** The max parallelism Flink picks when `pipeline.max-parallelism` is not set. */
export function defaultMaxParallelism(operatorParallelism: number): number {
  const p = operatorParallelism;
  return Math.min(
    Math.max(roundUpToPowerOfTwo(p + Math.trunc(p / 2)), DEFAULT_LOWER_BOUND_MAX_PARALLELISM),
    UPPER_BOUND_MAX_PARALLELISM,
  );
}

/** Key group of a key hash (computeKeyGroupForKeyHash). */
export function keyGroupForHash(keyHash: number, maxParallelism: number): number {
  return flinkMurmurHash(keyHash) % maxParallelism;
}

/** Key group of a String key (assignToKeyGroup with String.hashCode). */
export function keyGroupForKey(key: string, maxParallelism: number): number {
  return keyGroupForHash(javaStringHashCode(key), maxParallelism);
}

/** Subtask that owns a key group (computeOperatorIndexForKeyGroup). */
export function subtaskForKeyGroup(maxParallelism: number, parallelism: number, keyGroup: number): number {
  return Math.trunc((keyGroup * parallelism) / maxParallelism);
}

/** Subtask a String key is routed to by `keyBy` (assignKeyToParallelOperator). */
export function subtaskForKey(key: string, maxParallelism: number, parallelism: number): number {
  return subtaskForKeyGroup(maxParallelism, parallelism, keyGroupForKey(key, maxParallelism));
}

/** Inclusive key-group range a subtask owns (computeKeyGroupRangeForOperatorIndex). */
export interface KeyGroupRange {
  readonly start: number;
  readonly end: number;
}

export function keyGroupRangeForSubtask(maxParallelism: number, parallelism: number, subtask: number): KeyGroupRange {
  if (!parallelismInBounds(parallelism) || !parallelismInBounds(maxParallelism) || maxParallelism < parallelism) {
    throw new RangeError(`parallelism ${parallelism} must be within 1..max parallelism ${maxParallelism}`);
  }
  const start = Math.trunc((subtask * maxParallelism + parallelism - 1) / parallelism);
  const end = Math.trunc(((subtask + 1) * maxParallelism - 1) / parallelism);
  return { start, end };
}
