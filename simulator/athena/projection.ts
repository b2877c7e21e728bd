/**
 * Athena partition projection (Athena User Guide, "Use partition projection" and "Supported types for
 * partition projection"): table properties, not catalog entries, say which partitions exist.
 *
 *   projection.enabled = true
 *   projection.<key>.type = enum | integer | date          (injected: refused, not simulated)
 *   enum:    projection.<key>.values = a,b,c
 *   integer: projection.<key>.range = 0,23   [projection.<key>.interval = 1]  [projection.<key>.digits = 2]
 *   date:    projection.<key>.range = 2026-01-01,NOW        (each end a date in the format, or NOW[±N UNIT])
 *            projection.<key>.format = yyyy-MM-dd           (Java DateTimeFormatter letters y M d H m s)
 *            [projection.<key>.interval = 1] [projection.<key>.interval.unit = DAYS|HOURS|MINUTES|SECONDS]
 *   storage.location.template = s3://lake/raw/dt=${dt}/hour=${hour}/   (default: <location><key>=<value>/…)
 *
 * A projected value is a string formatted as the properties say, so `hour=00` folders need `digits = 2`:
 * without it the projected value is `0` and Athena reads `hour=0/`, which holds nothing. `NOW` is the
 * query's own time, so today's partition exists as soon as the clock reaches it — nobody registers it.
 * The simulation decides for each folder of the lake whether its values lie in the projected ranges,
 * which gives the same rows as enumerating the ranges and reading each location.
 */
import type { S3Store } from '../nodes/s3/store.js';
import type { CatalogTableSpec } from '../spec/schema/catalog.js';
import { formatJoda } from '../nodes/s3/partition-path.js';
import type { Partition } from './partitions.js';

const UNIT_MS: Readonly<Record<string, number>> = { SECONDS: 1000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000, WEEKS: 604_800_000 };
const DATE_LETTERS = /^(?:y+|M+|d+|H+|m+|s+|[^A-Za-z]+|'[^']*')+$/;

export const projectionEnabled = (t: CatalogTableSpec): boolean => t.parameters['projection.enabled']?.toLowerCase() === 'true';

/** Reads a value written in a date format made of y M d H m s and literals; undefined if it does not fit. */
function parseDate(format: string, text: string): number | undefined {
  const parts: Record<string, number> = { y: 1970, M: 1, d: 1, H: 0, m: 0, s: 0 };
  let at = 0;
  for (const token of format.match(/(y+|M+|d+|H+|m+|s+|'[^']*'|.)/g) ?? []) {
    const letter = token[0]!;
    if (letter in parts) {
      const width = letter === 'y' && token.length !== 2 ? 4 : token.length === 1 ? 2 : token.length;
      const digits = text.slice(at, at + width);
      if (!/^\d+$/.test(digits)) return undefined;
      parts[letter] = Number(digits);
      at += width;
    } else {
      const literal = token.startsWith("'") ? token.slice(1, -1) : token;
      if (!text.startsWith(literal, at)) return undefined;
      at += literal.length;
    }
  }
  if (at !== text.length) return undefined;
  const ms = Date.UTC(parts.y!, parts.M! - 1, parts.d!, parts.H!, parts.m!, parts.s!) - Date.UTC(2026, 0, 1);
  // A value that does not print back the same (2026-02-30) is not a date of the range.
  return formatJoda(format, ms) === text ? ms : undefined;
}

/**
 * A range end: a date in the format, or NOW, NOW-3DAYS, NOW+1HOURS (relative to the query's time),
 * taken at the format's precision (NOW-1DAYS with yyyy-MM-dd is yesterday's date), so the dates
 * stepped from it are the ones the format prints.
 */
function rangeEnd(text: string, format: string, nowMs: number): number | undefined {
  const ms = rangeInstant(text, format, nowMs);
  return ms === undefined ? undefined : parseDate(format, formatJoda(format, ms));
}

function rangeInstant(text: string, format: string, nowMs: number): number | undefined {
  const rel = /^NOW(?:([+-])(\d+)(YEARS?|MONTHS?|WEEKS?|DAYS?|HOURS?|MINUTES?|SECONDS?))?$/i.exec(text.trim());
  if (rel) {
    if (!rel[1]) return nowMs;
    const unit = rel[3]!.toUpperCase().replace(/S?$/, 'S');
    const n = Number(rel[2]) * (rel[1] === '-' ? -1 : 1);
    if (unit === 'YEARS' || unit === 'MONTHS') {
      const d = new Date(Date.UTC(2026, 0, 1) + nowMs);
      if (unit === 'YEARS') d.setUTCFullYear(d.getUTCFullYear() + n);
      else d.setUTCMonth(d.getUTCMonth() + n);
      return d.getTime() - Date.UTC(2026, 0, 1);
    }
    return nowMs + n * UNIT_MS[unit]!;
  }
  return parseDate(format, text.trim());
}

/** Why a table's projection properties cannot be used, or undefined when they can. */
export function projectionProblem(t: CatalogTableSpec): string | undefined {
  const p = t.parameters;
  for (const k of t['partition-keys']) {
    const type = p[`projection.${k}.type`];
    if (type === undefined) return `projection.${k}.type is missing: with projection.enabled every partition key needs a type (enum, integer, date or injected)`;
    if (type === 'injected') return `projection.${k}.type injected is valid, but the simulation does not evaluate injected projection: use enum, integer or date`;
    if (type === 'enum' && p[`projection.${k}.values`] === undefined) return `projection.${k}.values is required for an enum projection`;
    if (type === 'integer' && !/^-?\d+\s*,\s*-?\d+$/.test(p[`projection.${k}.range`] ?? '')) return `projection.${k}.range of an integer projection is "<min>,<max>", e.g. 0,23`;
    if (type === 'date') {
      const format = p[`projection.${k}.format`];
      if (format === undefined) return `projection.${k}.format is required for a date projection (e.g. yyyy-MM-dd)`;
      if (!DATE_LETTERS.test(format)) return `projection.${k}.format ${format}: the simulation reads the letters y M d H m s`;
      const range = (p[`projection.${k}.range`] ?? '').split(',');
      if (range.length !== 2 || range.some((r) => rangeEnd(r, format, 0) === undefined)) return `projection.${k}.range of a date projection is "<start>,<end>", each a date in ${format} or NOW[±N UNIT], e.g. 2026-01-01,NOW`;
      const unit = p[`projection.${k}.interval.unit`];
      if (unit !== undefined && !(unit.toUpperCase() in UNIT_MS)) return `projection.${k}.interval.unit ${unit}: the simulation steps by ${Object.keys(UNIT_MS).join(', ')}`;
    }
    if (!['enum', 'integer', 'date'].includes(type)) return `projection.${k}.type ${type}: one of enum, integer, date, injected`;
  }
  const template = p['storage.location.template'];
  if (template !== undefined) {
    for (const k of t['partition-keys']) if (!template.includes(`\${${k}}`)) return `storage.location.template must contain \${${k}} for each partition key`;
  }
  return undefined;
}

/** Whether a value lies in the key's projected values at the query's time. */
function projected(t: CatalogTableSpec, k: string, value: string, nowMs: number): boolean {
  const p = t.parameters;
  const type = p[`projection.${k}.type`];
  const interval = Number(p[`projection.${k}.interval`] ?? 1);
  if (type === 'enum') return p[`projection.${k}.values`]!.split(',').map((v) => v.trim()).includes(value);
  if (type === 'integer') {
    const [lo, hi] = p[`projection.${k}.range`]!.split(',').map(Number) as [number, number];
    if (!/^-?\d+$/.test(value)) return false;
    const n = Number(value);
    const digits = p[`projection.${k}.digits`];
    const printed = digits === undefined ? String(n) : String(n).padStart(Number(digits), '0');
    return printed === value && n >= lo && n <= hi && (n - lo) % interval === 0;
  }
  const format = p[`projection.${k}.format`]!;
  const [from, to] = p[`projection.${k}.range`]!.split(',').map((r) => rangeEnd(r, format, nowMs)) as [number, number];
  const ms = parseDate(format, value);
  if (ms === undefined || ms < from || ms > to) return false;
  const unit = UNIT_MS[(p[`projection.${k}.interval.unit`] ?? 'DAYS').toUpperCase()]!;
  return (ms - from) % (interval * unit) === 0;
}

/** The template's locations as a pattern: `s3://lake/raw/dt=${dt}/` → raw/dt=(…)/ with the keys in order. */
function locationPattern(t: CatalogTableSpec): { re: RegExp; keys: string[] } {
  const template = t.parameters['storage.location.template'];
  if (template === undefined) return { re: new RegExp(`^${escape(t.location)}${t['partition-keys'].map((k) => `${escape(k)}=([^/]+)/`).join('')}`), keys: t['partition-keys'] };
  const path = template.replace(/^s3:\/\/[^/]+\//, '');
  const keys: string[] = [];
  const source = path.split(/(\$\{[^}]+\})/).map((piece) => {
    const m = /^\$\{([^}]+)\}$/.exec(piece);
    if (!m) return escape(piece);
    keys.push(m[1]!);
    return '([^/]+)';
  });
  return { re: new RegExp(`^${source.join('')}`), keys };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The projected partitions that hold objects written by `atMs`. */
export function projectedPartitions(t: CatalogTableSpec, store: S3Store, atMs: number): Partition[] {
  const { re, keys } = locationPattern(t);
  const found = new Map<string, Partition>();
  const prefix = t.parameters['storage.location.template']?.replace(/^s3:\/\/[^/]+\//, '').split('${')[0] ?? t.location;
  for (const o of store.listObjects(prefix)) {
    if (o.writtenAtMs > atMs) continue;
    const m = re.exec(o.key);
    if (!m) continue;
    const byKey = new Map(keys.map((k, i) => [k, m[i + 1]!]));
    const values = t['partition-keys'].map((k) => byKey.get(k)!);
    if (t['partition-keys'].every((k, i) => projected(t, k, values[i]!, atMs))) found.set(m[0], { values, location: m[0] });
  }
  return [...found.values()];
}
