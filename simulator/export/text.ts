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

/** ms → a Flink/Java-style `5 s` is not needed here; seconds for shell `sleep`, which takes decimals. */
export function seconds(ms: number): string {
  return String(ms / 1000);
}

/** Lines joined with '\n' and ending in exactly one newline. */
export const lines = (...parts: (string | false | undefined)[]): string => `${parts.filter((p): p is string => typeof p === 'string').join('\n')}\n`;

/** Object entries with a stable order (insertion order is the spec's; sort where the spec has none). */
export const sortedKeys = (o: object): string[] => Object.keys(o).sort();
