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

/** The partition key's MD5 as an unsigned 128-bit integer (the digest read big-endian). */
export function hashKeyOf(partitionKey: string): bigint {
  let value = 0n;
  for (const byte of md5(encoder.encode(partitionKey))) value = (value << 8n) | BigInt(byte);
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
