/**
 * Reading and writing event fields by Logstash field reference (`status`, `[a][b]`, `a.b`),
 * and `%{field}` sprintf templates (`%{[@metadata][_id]}`, `%{status}`) [LS9].
 * Events are immutable records, so writes return a new field map.
 */
import type { FieldMap, FieldValue } from '../../core/record.js';
import { readField, splitFieldPath } from '../../core/record.js';

export function setField(fields: FieldMap, path: string, value: FieldValue | undefined): FieldMap {
  if (!path.includes('.') && !path.includes('[')) return setTop(copyOf(fields), path, value);
  return setPath(fields, splitFieldPath(path), 0, value);
}

/** Writes into a map the caller owns (a fresh copy): no further copying. */
export function setFieldMutable(fields: Record<string, FieldValue | undefined>, path: string, value: FieldValue | undefined): FieldMap {
  if (!path.includes('.') && !path.includes('[')) return setTop(fields, path, value);
  return setPath(fields, splitFieldPath(path), 0, value);
}

/**
 * A shallow copy. Object.assign into a fresh object, not spread syntax: V8 builds a spread copy
 * with no spare property slots, and adding fields to it afterwards is far slower.
 */
export function copyOf(fields: FieldMap): Record<string, FieldValue | undefined> {
  return Object.assign({}, fields) as Record<string, FieldValue | undefined>;
}

function setTop(copy: Record<string, FieldValue | undefined>, key: string, value: FieldValue | undefined): FieldMap {
  if (value === undefined) delete copy[key];
  else copy[key] = value;
  return copy;
}

function setPath(map: FieldMap, parts: readonly string[], i: number, value: FieldValue | undefined): FieldMap {
  const key = parts[i]!;
  const copy = copyOf(map);
  if (i === parts.length - 1) return setTop(copy, key, value);
  const child = map[key];
  const childMap = child !== null && typeof child === 'object' && !Array.isArray(child) ? (child as FieldMap) : {};
  copy[key] = setPath(childMap, parts, i + 1, value);
  return copy;
}

export function getField(fields: FieldMap, path: string): FieldValue | undefined {
  return readField(fields, path);
}

/** Expands `%{field}` references; a missing field stays as the literal `%{field}`, as in Logstash. */
export function sprintf(template: string, fields: FieldMap): string {
  return template.replace(/%\{([^}]+)\}/g, (whole, ref: string) => {
    const v = readField(fields, ref.trim());
    if (v === undefined || v === null) return whole;
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  });
}

/** Whether a template still has an unresolved reference after expansion. */
export function unresolved(expanded: string): boolean {
  return /%\{[^}]+\}/.test(expanded);
}
