/**
 * Which partition a record goes to (SEMANTICS §3: same key → same partition; order holds only
 * within a partition).
 *
 * Keyed records use the Java client's default: `toPositive(murmur2(utf8(key))) % partitions`,
 * so a key lands where it would on a real cluster — and moves when the partition count changes
 * (MISCONCEPTIONS 6). Records without a key use the sticky partitioner (KIP-480): they stick to
 * one partition until its batch is sent, then move on, so batches fill up.
 */
const encoder = new TextEncoder();

/** Kafka's murmur2 (org.apache.kafka.common.utils.Utils.murmur2), 32-bit. */
export function murmur2(data: Uint8Array): number {
  const m = 0x5bd1e995;
  const length = data.length;
  let h = (0x9747b28c ^ length) | 0;
  const whole = length - (length % 4);
  for (let i = 0; i < whole; i += 4) {
    let k = (data[i]! & 0xff) | ((data[i + 1]! & 0xff) << 8) | ((data[i + 2]! & 0xff) << 16) | ((data[i + 3]! & 0xff) << 24);
    k = Math.imul(k, m);
    k ^= k >>> 24;
    k = Math.imul(k, m);
    h = Math.imul(h, m);
    h ^= k;
  }
  const rest = length % 4;
  if (rest === 3) h ^= (data[whole + 2]! & 0xff) << 16;
  if (rest >= 2) h ^= (data[whole + 1]! & 0xff) << 8;
  if (rest >= 1) {
    h ^= data[whole]! & 0xff;
    h = Math.imul(h, m);
  }
  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h | 0;
}

/** Partition of a keyed record, as the Java client's BuiltInPartitioner computes it. */
export function partitionForKey(key: string, partitions: number): number {
  return keyHash(key) % partitions;
}

/**
 * `toPositive(murmur2(utf8(key)))`, remembered per key: workloads key by a field with few values
 * (a status code, a user), and hashing reallocated the key's bytes for every record.
 * Bounded, so a key per record cannot grow it without limit.
 */
const KEY_HASH_LIMIT = 4096;
const keyHashes = new Map<string, number>();

function keyHash(key: string): number {
  let h = keyHashes.get(key);
  if (h === undefined) {
    if (keyHashes.size >= KEY_HASH_LIMIT) keyHashes.clear();
    h = murmur2(encoder.encode(key)) & 0x7fffffff;
    keyHashes.set(key, h);
  }
  return h;
}

/** Sticky choice for records without a key: one partition per topic until `next()` is called. */
export class StickyPartitioner {
  private readonly current = new Map<string, number>();

  constructor(private readonly start: (partitions: number) => number) {}

  partition(topic: string, partitions: number): number {
    let p = this.current.get(topic);
    if (p === undefined || p >= partitions) {
      p = this.start(partitions);
      this.current.set(topic, p);
    }
    return p;
  }

  /** The batch for the sticky partition was sent: move on to the next partition. */
  next(topic: string, partitions: number): void {
    const p = this.current.get(topic);
    if (p !== undefined) this.current.set(topic, (p + 1) % partitions);
  }
}
