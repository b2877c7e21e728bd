import { describe, it, expect } from 'vitest';
import { LatencyHistogram } from '../../../simulator/cost/latency-histogram.js';

describe('LatencyHistogram', () => {
  it('gives nearest-rank percentiles, exact below 2048 ms', () => {
    const h = new LatencyHistogram();
    // 1..100 ms: p50 is the 50th value, p99 the 99th.
    for (let ms = 1; ms <= 100; ms++) h.add(ms);
    expect(h.count).toBe(100);
    expect(h.quantile(0.5)).toBe(50);
    expect(h.quantile(0.99)).toBe(99);
    expect(h.max).toBe(100);
  });

  it('keeps large latencies within 0.1 % (the bucket starts at the value when it is a multiple of its width)', () => {
    const h = new LatencyHistogram();
    h.add(3000); // 2048–4095 ms: buckets 2 ms wide, 3000 starts one
    h.add(3001); // same bucket as 3000
    h.add(600_000); // 10 minutes: buckets 512 ms wide; 600 000 = 1171.875 × 512 → bucket from 599 552
    expect(h.quantile(0.5)).toBe(3000);
    expect(h.quantile(1)).toBe(599_552);
    expect(h.max).toBe(600_000);
  });

  it('is 0 when nothing was observed', () => {
    expect(new LatencyHistogram().quantile(0.99)).toBe(0);
  });
});
