/**
 * Durations and rates as people write them in configuration files:
 * `250ms`, `10s`, `5m`, `2h`, `7d`, or a bare integer of milliseconds; rates as `200/s`.
 */
const DURATION = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|min|h|d)\s*$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000 };

/** Milliseconds, or an error message that says what a valid value looks like. */
export function parseDuration(value: unknown): number | string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return `expected a duration such as 250ms, 10s, 5m or 7d, got \`${yamlNumber(value)}\``;
    return Number.isInteger(value) && value >= 0 ? value : 'a duration in ms must be a whole number ≥ 0';
  }
  if (value === undefined) return 'missing required value (expected a duration such as 250ms, 10s, 5m or 7d)';
  if (typeof value !== 'string') return `expected a duration such as 250ms, 10s, 5m or 7d${value === null || typeof value === 'object' ? '' : `, got \`${String(value)}\``}`;
  const m = DURATION.exec(value);
  if (!m) return `"${value}" is not a duration: write a number and a unit (ms, s, m, h, d), e.g. 10s`;
  return Math.round(Number(m[1]) * UNIT_MS[m[2]!]!);
}

const RATE = /^\s*(\d+(?:\.\d+)?)\s*\/\s*(s|m|min|h)\s*$/;

/** Events per second, or an error message. */
export function parseRate(value: unknown): number | string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return `expected a rate such as 200/s, got \`${yamlNumber(value)}\``;
    // A plain number is events per second; 0 is allowed, as `0/s` is (a world with no log traffic).
    return value >= 0 ? value : 'a rate cannot be negative';
  }
  if (value === undefined) return 'missing required value (expected a rate such as 200/s)';
  if (typeof value !== 'string') return `expected a rate such as 200/s${value === null || typeof value === 'object' ? '' : `, got \`${String(value)}\``}`;
  const m = RATE.exec(value);
  if (!m) return `"${value}" is not a rate: write a count per unit, e.g. 200/s or 6000/m`;
  const perMs = UNIT_MS[m[2]!]!;
  return (Number(m[1]) * 1000) / perMs;
}

/** Formats ms the way the spec writes it (10000 → "10s"). */
export function formatDuration(ms: number): string {
  if (ms !== 0 && ms % 86_400_000 === 0) return `${ms / 86_400_000}d`;
  if (ms !== 0 && ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms !== 0 && ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms !== 0 && ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}

/** A non-finite number as YAML spells it (`.nan`, `.inf`, `-.inf`), for messages: JavaScript would say NaN or Infinity. */
export function yamlNumber(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (value === Infinity) return '.inf';
  if (value === -Infinity) return '-.inf';
  return String(value);
}
