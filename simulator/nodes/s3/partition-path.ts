/**
 * Partitioned keys in the lake: `raw/dt=2026-01-01/hour=13/…`.
 *
 * Writers partition by the event's time, not by when they write:
 * - Logstash's s3 output interpolates its `prefix` with sprintf per event, and `%{+FORMAT}` formats the
 *   event's `@timestamp` (UTC) with a Joda-Time pattern, e.g. `prefix => "raw/dt=%{+YYYY-MM-dd}/hour=%{+HH}/"`;
 *   the plugin keeps one temporary file per interpolated prefix (logstash-output-s3 `FileRepository`,
 *   SEMANTICS-2 §2.1 [S3O1][S3O2]). In this simulator `@timestamp` is the record's event time
 *   (`eventTimeMs`, set by the date filter; ingest time when the date filter failed).
 * - Hive-style `key=value/` segments are what Spark's partition discovery, Athena's `MSCK REPAIR TABLE`
 *   and Flink's filesystem sink (`partition.time-extractor.timestamp-pattern: $dt $hour:00:00`) read back.
 *
 * Virtual time 0 is 2026-01-01T00:00:00Z (workload/clock.ts).
 */
import { EPOCH_MS } from '../../workload/clock.js';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/**
 * Joda-Time pattern letters Logstash users write in `%{+…}` (year, month, day, hour, minute, second);
 * `Y` (year of era in Joda) and `y` give the same year for dates after year 0. Other letters are kept
 * literally, and `'…'` quotes text, as in Joda.
 */
export function formatJoda(pattern: string, virtualMs: number): string {
  const d = new Date(EPOCH_MS + virtualMs);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === "'") {
      const end = pattern.indexOf("'", i + 1);
      out += end < 0 ? pattern.slice(i + 1) : pattern.slice(i + 1, end);
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    let run = 1;
    while (pattern[i + run] === c) run++;
    switch (c) {
      case 'Y':
      case 'y':
        out += run === 2 ? pad(d.getUTCFullYear() % 100) : pad(d.getUTCFullYear(), run);
        break;
      case 'M':
        out += pad(d.getUTCMonth() + 1, run);
        break;
      case 'd':
        out += pad(d.getUTCDate(), run);
        break;
      case 'H':
        out += pad(d.getUTCHours(), run);
        break;
      case 'm':
        out += pad(d.getUTCMinutes(), run);
        break;
      case 's':
        out += pad(d.getUTCSeconds(), run);
        break;
      default:
        out += c.repeat(run);
    }
    i += run;
  }
  return out;
}

const DATE_REF = /%\{\+([^}]*)\}/g;

/** True when a template has `%{+FORMAT}` references, i.e. its value depends on each event's time. */
export function hasDateRefs(template: string): boolean {
  return template.includes('%{+');
}

/** Expands every `%{+FORMAT}` of a Logstash sprintf template with the event's `@timestamp` (UTC). */
export function expandDateRefs(template: string, eventTimeMs: number): string {
  return template.replace(DATE_REF, (_, fmt: string) => formatJoda(fmt, eventTimeMs));
}

/** The Hive-style partition values in a key: `raw/dt=2026-01-01/hour=13/part-0.json` → { dt, hour }. */
export function partitionValues(key: string): Record<string, string> {
  const values: Record<string, string> = {};
  const segments = key.split('/');
  segments.pop(); // the object's own name is not a partition
  for (const s of segments) {
    const eq = s.indexOf('=');
    if (eq > 0) values[s.slice(0, eq)] = s.slice(eq + 1);
  }
  return values;
}

/** The date partition (`dt=YYYY-MM-DD`) an event time falls in, as Airflow's `{{ ds }}` prints it. */
export function dsOf(virtualMs: number): string {
  return formatJoda('yyyy-MM-dd', virtualMs);
}
