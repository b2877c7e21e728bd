/**
 * Partition key → shard: MD5 of the key as a 128-bit integer, each shard owning a contiguous range
 * of the hash-key space, split evenly by CreateStream.
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecords.html ("An MD5 hash function
 * is used to map partition keys to 128-bit integer values and to map associated data records to shards")
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_HashKeyRange.html
 */
import { describe, it, expect } from 'vitest';
import { evenHashKeyRanges, hashKeyOf, shardIndexFor } from '../../../simulator/nodes/kinesis/hash-key.js';

describe('Kinesis hash keys', () => {
  it('hashes a partition key with MD5, read as an unsigned 128-bit integer', () => {
    // md5("a") = 0cc175b9c0f1b6a831c399e269772661 (RFC 1321 test suite)
    expect(hashKeyOf('a')).toBe(0x0cc175b9c0f1b6a831c399e269772661n);
    // md5("-") = 336d5ebc5436534e61d16e63ddfca327: the kinesis output's default partition key
    expect(hashKeyOf('-')).toBe(0x336d5ebc5436534e61d16e63ddfca327n);
  });

  it('splits the hash-key space evenly, as list-shards shows for a new 2-shard stream', () => {
    const [s0, s1] = evenHashKeyRanges(2);
    expect(s0!.startingHashKey.toString()).toBe('0');
    expect(s0!.endingHashKey.toString()).toBe('170141183460469231731687303715884105727');
    expect(s1!.startingHashKey.toString()).toBe('170141183460469231731687303715884105728');
    expect(s1!.endingHashKey.toString()).toBe('340282366920938463463374607431768211455');
  });

  it('maps a key to the shard whose range holds its hash: same key, same shard', () => {
    const four = evenHashKeyRanges(4);
    expect(shardIndexFor(hashKeyOf('-'), four)).toBe(0); // 0x33… < 2^126
    expect(shardIndexFor(hashKeyOf('a'), four)).toBe(0);
    expect(shardIndexFor(0xffffffffffffffffffffffffffffffffn, four)).toBe(3);
    expect(shardIndexFor(1n << 127n, four)).toBe(2);
  });
});
