/**
 * The date filter's formats (SEMANTICS §2 `date` [LS6]): Joda-style patterns such as
 * `dd/MMM/yyyy:HH:mm:ss Z`, and the named formats `ISO8601`, `UNIX` (seconds) and
 * `UNIX_MS`. A parse returns epoch milliseconds (UTC), or null when the text does not fit.
 */
import { MONTHS } from '../../workload/clock.js';

export type DateParser = (text: string) => number | null;

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;

function offsetMs(zone: string | undefined): number {
  if (!zone || zone === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return 0;
  const mins = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return (m[1] === '-' ? -1 : 1) * mins * 60_000;
}

function utc(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number | null {
  if (mo < 0 || mo > 11 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  return Date.UTC(y, mo, d, h, mi, s, ms);
}

const parseIso: DateParser = (text) => {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const frac = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  const t = utc(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), frac);
  return t === null ? null : t - offsetMs(m[8]);
};

/** Joda tokens we understand, longest first. */
const TOKENS: [string, string][] = [
  ['yyyy', '(\\d{4})'],
  ['yy', '(\\d{2})'],
  ['MMMM', '([A-Za-z]+)'],
  ['MMM', '([A-Za-z]{3})'],
  ['MM', '(\\d{2})'],
  ['M', '(\\d{1,2})'],
  ['dd', '(\\d{2})'],
  ['d', '(\\d{1,2})'],
  ['HH', '(\\d{2})'],
  ['H', '(\\d{1,2})'],
  ['mm', '(\\d{2})'],
  ['ss', '(\\d{2})'],
  ['SSS', '(\\d{3})'],
  ['ZZ', '(Z|[+-]\\d{2}:\\d{2})'],
  ['Z', '(Z|[+-]\\d{4})'],
];

function compileJoda(format: string): DateParser {
  let re = '^';
  const order: string[] = [];
  for (let i = 0; i < format.length; ) {
    if (format[i] === "'") {
      const end = format.indexOf("'", i + 1);
      const lit = format.slice(i + 1, end < 0 ? format.length : end);
      re += lit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      i = end < 0 ? format.length : end + 1;
      continue;
    }
    const tok = TOKENS.find(([t]) => format.startsWith(t, i));
    if (tok) {
      re += tok[1];
      order.push(tok[0]);
      i += tok[0].length;
    } else {
      re += format[i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      i++;
    }
  }
  const regex = new RegExp(re + '$');
  return (text) => {
    const m = regex.exec(text.trim());
    if (!m) return null;
    let y = 1970, mo = 0, d = 1, h = 0, mi = 0, s = 0, ms = 0, zone: string | undefined;
    for (let g = 0; g < order.length; g++) {
      const v = m[g + 1]!;
      switch (order[g]) {
        case 'yyyy': y = Number(v); break;
        case 'yy': y = 2000 + Number(v); break;
        case 'MMMM':
        case 'MMM': {
          const idx = MONTHS.findIndex((name) => v.slice(0, 3).toLowerCase() === name.toLowerCase());
          if (idx < 0) return null;
          mo = idx;
          break;
        }
        case 'MM': case 'M': mo = Number(v) - 1; break;
        case 'dd': case 'd': d = Number(v); break;
        case 'HH': case 'H': h = Number(v); break;
        case 'mm': mi = Number(v); break;
        case 'ss': s = Number(v); break;
        case 'SSS': ms = Number(v); break;
        default: zone = v;
      }
    }
    const t = utc(y, mo, d, h, mi, s, ms);
    return t === null ? null : t - offsetMs(zone);
  };
}

export function compileDateFormat(format: string): DateParser {
  switch (format) {
    case 'ISO8601':
      return parseIso;
    case 'UNIX':
      return (text) => (/^\s*-?\d+(\.\d+)?\s*$/.test(text) ? Math.round(Number(text) * 1000) : null);
    case 'UNIX_MS':
      return (text) => (/^\s*-?\d+\s*$/.test(text) ? Number(text) : null);
    default:
      return compileJoda(format);
  }
}
