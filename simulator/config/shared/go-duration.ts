/**
 * Durations as Beats reads them (go-ucfg, Go's time.ParseDuration): "1s", "500ms", "1m30s", "5m";
 * a bare number is seconds. Returns milliseconds, or undefined when malformed.
 */
const PART = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
const MS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

export function parseGoDuration(value: unknown): number | undefined {
  if (typeof value === 'number') return value >= 0 ? Math.round(value * 1000) : undefined;
  if (typeof value !== 'string' || value === '') return undefined;
  if (value === '0') return 0;
  PART.lastIndex = 0;
  let total = 0;
  let pos = 0;
  for (let m = PART.exec(value); m; m = PART.exec(value)) {
    total += Number(m[1]) * MS[m[2]!]!;
    pos = PART.lastIndex;
  }
  return pos === value.length ? Math.round(total) : undefined;
}
