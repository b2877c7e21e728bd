/**
 * Partition key → shard, as Kinesis Data Streams does it: "An MD5 hash function is used to map
 * partition keys to 128-bit integer values and to map associated data records to shards"; every
 * shard owns a contiguous range of that 128-bit hash-key space, so all records with one partition
 * key go to one shard (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecords.html).
 *
 * `CreateStream` splits the space evenly among the shards it creates; the ranges below follow that
 * (shard i of n starts at ⌊i·2¹²⁸/n⌋), which is what `aws kinesis list-shards` shows for a new
 * stream (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_HashKeyRange.html).
 */
import { md5 } from '@noble/hashes/legacy.js';

const HASH_SPACE = 1n << 128n;
const encoder = new TextEncoder();

/**
 * Digests already worked out, by partition key. A throttled record is put again with the same key
 * every retry of the KPL (many times while a shard is over its limit), and MD5 in plain JavaScript
 * costs microseconds a key: a pure function of the key, so remembering it changes nothing but the
 * time. Bounded: emptied when full, so a run of a million random keys keeps no million entries.
 */
const known = new Map<string, bigint>();
const KNOWN_LIMIT = 1 << 16;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** The partition key's MD5 as an unsigned 128-bit integer (the digest read big-endian). */
export function hashKeyOf(partitionKey: string): bigint {
  let value = known.get(partitionKey);
  if (value === undefined) {
    const digest = md5(encoder.encode(partitionKey));
    let hex = '0x';
    for (let i = 0; i < digest.length; i++) hex += HEX[digest[i]!]!;
    value = BigInt(hex);
    if (known.size >= KNOWN_LIMIT) known.clear();
    known.set(partitionKey, value);
  }
  return value;
}

export interface HashKeyRange {
  readonly startingHashKey: bigint;
  readonly endingHashKey: bigint;
}

/** The even split `CreateStream` makes of the hash-key space among `shardCount` shards. */
export function evenHashKeyRanges(shardCount: number): HashKeyRange[] {
  const n = BigInt(shardCount);
  return Array.from({ length: shardCount }, (_, i) => ({
    startingHashKey: (BigInt(i) * HASH_SPACE) / n,
    endingHashKey: ((BigInt(i) + 1n) * HASH_SPACE) / n - 1n,
  }));
}

/** Index of the range holding `hashKey` (ranges sorted and covering the whole space). */
export function shardIndexFor(hashKey: bigint, ranges: readonly HashKeyRange[]): number {
  for (let i = 0; i < ranges.length; i++) if (hashKey <= ranges[i]!.endingHashKey) return i;
  return ranges.length - 1;
}
