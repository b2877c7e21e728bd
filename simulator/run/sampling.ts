/**
 * How often a run samples its stages (the charts, the scrubber, the operator metrics). Once per
 * simulated second is what every lesson reads; a run longer than six hours (a consumer down over a
 * weekend, a retention of days) samples more coarsely so it never keeps more than `MAX_SAMPLES`
 * samples: a 10-day run once per simulated second kept 750 MB of samples (spec/limits.ts).
 */
export const MAX_SAMPLES = 21_600;

/** The sampling interval for a run covering `spanMs` of simulated time: 1 s, or whole seconds so that samples ≤ MAX_SAMPLES. */
export function sampleIntervalMs(spanMs: number): number {
  return Math.max(1000, Math.ceil(spanMs / MAX_SAMPLES / 1000) * 1000);
}
