/**
 * Dates in queries: `format` patterns, epoch_millis, and date math (`now-1h`, `now/d`,
 * `2026-01-01||+1M`). `now` is the run's virtual end, never the wall clock: the simulator is pure,
 * and a learner asking for `now-1m` means the last minute of the run. Rounding follows the range
 * query's rules: `gte`/`lt` round down, `gt`/`lte` round up to the unit's last millisecond.
 */

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, H: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Start of the calendar unit containing `ms` (UTC, weeks start on Monday as in Elasticsearch). */
export function floorTo(ms: number, unit: string): number {
  const d = new Date(ms);
  switch (unit) {
    case 'y':
      return Date.UTC(d.getUTCFullYear(), 0, 1);
    case 'q':
      return Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3, 1);
    case 'M':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    case 'w': {
      const day = Math.floor(ms / 86_400_000) * 86_400_000;
      return day - ((d.getUTCDay() + 6) % 7) * 86_400_000;
    }
    default: {
      const size = UNIT_MS[unit]!;
      return Math.floor(ms / size) * size;
    }
  }
}

/** `ms` plus `n` units (months and years by the calendar). */
export function addUnits(ms: number, n: number, unit: string): number {
  if (unit === 'y' || unit === 'M' || unit === 'q') {
    const d = new Date(ms);
    const months = unit === 'y' ? 12 * n : unit === 'q' ? 3 * n : n;
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
  }
  return ms + n * UNIT_MS[unit]!;
}

/** A Java DateTimeFormatter pattern (the letters logs use) as a parser; undefined if it is not one. */
function patternParser(pattern: string): ((s: string) => number | undefined) | undefined {
  const parts: { re: string; set?: string }[] = [];
  const tokens = pattern.match(/'[^']*'|y+|M+|d+|H+|m+|s+|S+|Z+|X+|[^A-Za-z']+/g) ?? [];
  if (tokens.join('') !== pattern) return undefined;
  for (const t of tokens) {
    const c = t[0]!;
    if (c === "'") parts.push({ re: t.slice(1, -1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&') });
    else if (c === 'M' && t.length === 3) parts.push({ re: '([A-Za-z]{3})', set: 'MMM' });
    else if ('yMdHms'.includes(c)) parts.push({ re: `(\\d{${c === 'y' ? 4 : t.length}})`, set: c });
    else if (c === 'S') parts.push({ re: `(\\d{${t.length}})`, set: 'S' });
    else if (c === 'Z' || c === 'X') parts.push({ re: '(Z|[+-]\\d{2}:?\\d{2})', set: 'Z' });
    else if (/^[A-Za-z]/.test(t)) return undefined;
    else parts.push({ re: t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') });
  }
  const re = new RegExp(`^${parts.map((p) => p.re).join('')}$`);
  const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
  return (s) => {
    const m = re.exec(s);
    if (!m) return undefined;
    const f: Record<string, number> = { y: 1970, M: 1, d: 1, H: 0, m: 0, s: 0, S: 0 };
    let offsetMin = 0;
    let g = 1;
    for (const p of parts) {
      if (!p.set) continue;
      const v = m[g++]!;
      if (p.set === 'MMM') f['M'] = months.indexOf(v.toLowerCase()) + 1;
      else if (p.set === 'S') f['S'] = Number(v.padEnd(3, '0').slice(0, 3));
      else if (p.set === 'Z') offsetMin = v === 'Z' ? 0 : (v[0] === '-' ? -1 : 1) * (Number(v.slice(1, 3)) * 60 + Number(v.slice(-2)));
      else f[p.set] = Number(v);
    }
    if (f['M']! < 1) return undefined;
    return Date.UTC(f['y']!, f['M']! - 1, f['d']!, f['H']!, f['m']!, f['s']!, f['S']!) - offsetMin * 60_000;
  };
}

/** Parses a date in `format` (`a||b` tries each); the default is `strict_date_optional_time||epoch_millis`. */
export function parseDate(text: string | number, format = 'strict_date_optional_time||epoch_millis'): number | undefined {
  for (const f of format.split('||')) {
    if (f === 'epoch_millis' && /^-?\d+$/.test(String(text))) return Number(text);
    if (f === 'epoch_second' && /^-?\d+(\.\d+)?$/.test(String(text))) return Math.round(Number(text) * 1000);
    if (typeof text !== 'string') continue;
    if (f === 'strict_date_optional_time' || f === 'date_optional_time' || f === 'strict_date_time' || f === 'date_time') {
      if (/^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2}(\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/.test(text)) {
        const padded = text.length === 4 ? `${text}-01-01` : text.length === 7 ? `${text}-01` : text;
        const iso = /T\d{2}$/.test(padded) ? `${padded}:00` : padded;
        const ms = Date.parse(/[Z+-]\d*:?\d*$/.test(iso.slice(10)) || iso.length === 10 ? iso : `${iso}Z`);
        if (Number.isFinite(ms)) return ms;
      }
      continue;
    }
    const named: Record<string, string> = { date: 'yyyy-MM-dd', strict_date: 'yyyy-MM-dd', basic_date: 'yyyyMMdd' };
    const parse = patternParser(named[f] ?? f);
    const ms = parse?.(text);
    if (ms !== undefined) return ms;
  }
  return undefined;
}

/**
 * Date math: an anchor (`now` or a date followed by `||`) and operations `+1h`, `-30m`, `/d`.
 * `roundUp` makes rounding go to the last millisecond of the unit. Undefined when it does not parse.
 */
export function resolveDate(expr: string | number, nowMs: number, format: string | undefined, roundUp: boolean): number | undefined {
  if (typeof expr === 'number') return parseDate(expr, format);
  let anchor: number | undefined;
  let ops: string;
  if (expr.startsWith('now')) {
    anchor = nowMs;
    ops = expr.slice(3);
  } else {
    const i = expr.indexOf('||');
    if (i < 0) return parseDate(expr, format);
    anchor = parseDate(expr.slice(0, i), format);
    ops = expr.slice(i + 2);
  }
  if (anchor === undefined) return undefined;
  let ms = anchor;
  const re = /([+-])(\d+)([yMwdhHms])|\/([yMwdhHms])/y;
  let at = 0;
  while (at < ops.length) {
    re.lastIndex = at;
    const m = re.exec(ops);
    if (!m) return undefined;
    at = re.lastIndex;
    if (m[4]) {
      const start = floorTo(ms, m[4]);
      ms = roundUp ? addUnits(start, 1, m[4]) - 1 : start;
    } else ms = addUnits(ms, (m[1] === '-' ? -1 : 1) * Number(m[2]), m[3]!);
  }
  return ms;
}

export function isoString(ms: number): string {
  return new Date(ms).toISOString();
}

/** Formats epoch ms with a Java-style pattern of the letters logs use (yyyy MM dd HH mm ss SSS), or ISO. */
export function formatDate(ms: number, pattern?: string): string {
  if (!pattern || pattern === 'strict_date_optional_time' || pattern === 'date_optional_time') return isoString(ms);
  if (pattern === 'epoch_millis') return String(ms);
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  const by: Record<string, string> = {
    yyyy: String(d.getUTCFullYear()),
    MM: two(d.getUTCMonth() + 1),
    dd: two(d.getUTCDate()),
    HH: two(d.getUTCHours()),
    mm: two(d.getUTCMinutes()),
    ss: two(d.getUTCSeconds()),
    SSS: String(d.getUTCMilliseconds()).padStart(3, '0'),
  };
  return pattern.replace(/'([^']*)'|yyyy|MM|dd|HH|mm|ss|SSS/g, (m, lit: string | undefined) => lit ?? by[m] ?? m);
}
