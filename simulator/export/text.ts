/** Small, deterministic text helpers shared by the writers of real files. */

/** A YAML / JSON double-quoted scalar: JSON's escaping is valid YAML. */
export const q = (s: string): string => JSON.stringify(s);

/** ms → a Go duration (Filebeat): the largest exact unit of h, m, s, else ms. */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}

/** ms → seconds for shell `sleep`, which takes decimals. */
export function seconds(ms: number): string {
  return String(ms / 1000);
}

/** Lines joined with '\n' and ending in exactly one newline. */
export const lines = (...parts: (string | false | undefined)[]): string => `${parts.filter((p): p is string => typeof p === 'string').join('\n')}\n`;

/** Object entries with a stable order (insertion order is the spec's; sort where the spec has none). */
export const sortedKeys = (o: object): string[] => Object.keys(o).sort();

/** The largest unit that divides ms exactly, as [count, index into the units given] (ms when none does). */
function exactUnit(ms: number, units: readonly number[]): [number, number] {
  const i = units.findIndex((u) => ms % u === 0);
  return [ms / units[i]!, i];
}

/** ms → a Flink duration as its config.yaml reads it (TimeUtils.parseDuration): `5 s`, `10 min`, `250 ms`. */
export function flinkDuration(ms: number): string {
  if (ms === 0) return '0 ms';
  const [n, i] = exactUnit(ms, [86_400_000, 3_600_000, 60_000, 1000, 1]);
  return `${n} ${['d', 'h', 'min', 's', 'ms'][i]}`;
}

/** ms → a Flink SQL interval literal: `INTERVAL '10' SECOND`, `INTERVAL '250' MILLISECOND`. */
export function sqlInterval(ms: number): string {
  const [n, i] = exactUnit(ms, [86_400_000, 3_600_000, 60_000, 1000, 1]);
  return `INTERVAL '${n}' ${['DAY', 'HOUR', 'MINUTE', 'SECOND', 'MILLISECOND'][i]}`;
}
