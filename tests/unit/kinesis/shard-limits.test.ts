/**
 * Per-shard limits, both capacity modes: writes up to 1 MB/s or 1,000 records/s; reads up to
 * 2 MB/s and 5 GetRecords calls/s; beyond them `ProvisionedThroughputExceededException`.
 * https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html
 */
import { describe, it, expect } from 'vitest';
import { Shard } from '../../../simulator/nodes/kinesis/shard.js';
import { evenHashKeyRanges } from '../../../simulator/nodes/kinesis/hash-key.js';

const rec = (rid: number) => ({ rid, eventTimeMs: 0, fields: {} });
const shard = () => new Shard(0, 'shardId-000000000000', evenHashKeyRanges(1)[0]!);

describe('a shard\'s limits', () => {
  it('takes 1,000 records in one second and refuses the 1,001st; the next second starts afresh', () => {
    const s = shard();
    for (let i = 0; i < 1000; i++) expect(s.tryAppend('k', rec(i), 100, 500)).not.toBeNull();
    expect(s.tryAppend('k', rec(1000), 100, 999)).toBeNull();
    expect(s.tryAppend('k', rec(1000), 100, 1000)?.seq).toBe(1001);
    expect(s.counters).toMatchObject({ written: 1001, throttledWrites: 1 });
  });

  it('takes 1 MiB in one second: two 512 KiB records fit, a third byte does not', () => {
    const s = shard();
    expect(s.tryAppend('k', rec(0), 524_288, 0)).not.toBeNull();
    expect(s.tryAppend('k', rec(1), 524_288, 0)).not.toBeNull();
    expect(s.tryAppend('k', rec(2), 1, 0)).toBeNull();
  });

  it('serves 5 reads a second, then refuses', () => {
    const s = shard();
    s.tryAppend('k', rec(0), 10, 0);
    for (let i = 0; i < 5; i++) expect(s.read(0, 100, 2000)).toHaveLength(1);
    expect(s.read(0, 100, 2999)).toBeNull();
    expect(s.read(0, 100, 3000)).toHaveLength(1);
  });

  it('returns about 2 MiB a second: a call stops before the record that would pass it, and once past it reads are refused', () => {
    const s = shard();
    for (let i = 0; i < 3; i++) s.tryAppend('k', rec(i), 1_000_000, i * 1000);
    expect(s.read(0, 100, 5000)?.map((r) => r.seq)).toEqual([1, 2]);
    // A call always returns at least one record when there is one, so it may go past the budget…
    expect(s.read(2, 100, 5000)?.map((r) => r.seq)).toEqual([3]);
    // …after which the rest of that second is refused.
    expect(s.read(3, 100, 5500)).toBeNull();
    expect(s.read(3, 100, 6000)).toEqual([]);
  });
});
