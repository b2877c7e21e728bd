/**
 * A streaming histogram of latencies in whole milliseconds, for percentiles over up to millions
 * of records without keeping one number per record (issue 29, "The price of a guarantee").
 *
 * Buckets: every millisecond below 2048 ms is its own bucket (exact); above, each power of two
 * is split into 1024 buckets, so a value is known to within 0.1 %. 1024 + 30 × 1024 counters
 * reach 2^41 ms (70 years of simulated time): one fixed Uint32Array, no allocation per record.
 */
const EXACT = 2048;
const SUB_BITS = 10;
const SUB = 1 << SUB_BITS;
const OCTAVES = 30;

export class LatencyHistogram {
  private readonly counts = new Uint32Array(EXACT + OCTAVES * SUB);
  /** Records observed. */
  count = 0;
  /** Largest latency observed (exact), 0 when none. */
  max = 0;

  add(latencyMs: number): void {
    const v = Math.max(0, Math.round(latencyMs));
    this.counts[bucketOf(v)]!++;
    this.count++;
    if (v > this.max) this.max = v;
  }

  /**
   * The nearest-rank percentile (`q` in 0–1): the smallest latency at or below which at least
   * q × count records lie. Exact below 2048 ms, the bucket's lower bound above; 0 when empty.
   */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return Math.min(this.max, lowerBoundOf(i));
    }
    return this.max;
  }
}

function bucketOf(v: number): number {
  if (v < EXACT) return v;
  // Called once per record read (a million times a run): below 2^31 ms (24 days) integer bit tricks
  // give the same bucket as the general formula below, without Math.log2 and a power of two.
  if (v < 0x80000000) {
    const log2 = 31 - Math.clz32(v);
    const fast = log2 - 11;
    return EXACT + fast * SUB + ((v >>> (fast + 1)) - SUB);
  }
  const octave = Math.min(OCTAVES - 1, Math.floor(Math.log2(v)) - 11);
  const shift = octave + 11 - SUB_BITS;
  const sub = Math.min(SUB - 1, Math.floor(v / 2 ** shift) - SUB);
  return EXACT + octave * SUB + sub;
}

function lowerBoundOf(bucket: number): number {
  if (bucket < EXACT) return bucket;
  const octave = Math.floor((bucket - EXACT) / SUB);
  const sub = (bucket - EXACT) % SUB;
  return (SUB + sub) * 2 ** (octave + 11 - SUB_BITS);
}
