/**
 * Virtual time 0 is midnight UTC on 1 January 2026, so generated log lines carry
 * realistic timestamps. A fixed constant, never the machine's clock.
 */
export const EPOCH_MS = 1_767_225_600_000;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Apache's `%t` format: `01/Jan/2026:00:00:05 +0000`. */
export function apacheTimestamp(virtualMs: number): string {
  // Lines come in time order and share their second (the format has no milliseconds): format
  // each second once. The string depends on the whole second only, so the cache keys on it.
  const second = Math.floor(virtualMs / 1000);
  if (second === lastApacheSecond) return lastApache;
  lastApacheSecond = second;
  lastApache = formatApache(second * 1000);
  return lastApache;
}

let lastApacheSecond = Number.NaN;
let lastApache = '';

function formatApache(virtualMs: number): string {
  const d = new Date(EPOCH_MS + virtualMs);
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** ISO 8601 with milliseconds: `2026-01-01T00:00:05.123Z`. */
export function isoTimestamp(virtualMs: number): string {
  return new Date(EPOCH_MS + virtualMs).toISOString();
}

export { MONTHS };
