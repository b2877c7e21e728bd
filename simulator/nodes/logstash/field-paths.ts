/**
 * Reading and writing event fields by Logstash field reference (`status`, `[a][b]`, `a.b`),
 * and `%{field}` sprintf templates (`%{[@metadata][_id]}`, `%{status}`) [LS9].
 * Events are immutable records, so writes return a new field map.
 */
import type { FieldMap, FieldValue, Rec } from '../../core/record.js';
import { readField, recField, splitFieldPath } from '../../core/record.js';

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
  const t = compiledTemplate(template);
  if (t.refs.length === 0) return template;
  let out = t.literals[0]!;
  for (let i = 0; i < t.refs.length; i++) out += shown(t, i, readField(fields, t.refs[i]!));
  return out;
}

/**
 * `sprintf(template, rec.fields)`, reading only the fields the template names (a lazy record builds no map).
 * No reader closure shared with sprintf: this runs per event (a message key, a document id), and a
 * closure per call is garbage per event.
 */
export function sprintfRec(template: string, rec: Rec): string {
  const t = compiledTemplate(template);
  if (t.refs.length === 0) return template;
  let out = t.literals[0]!;
  for (let i = 0; i < t.refs.length; i++) out += shown(t, i, recField(rec, t.refs[i]!));
  return out;
}

/** Reference `i` of `t` as its value reads, and the literal after it. */
function shown(t: Template, i: number, v: FieldValue | undefined): string {
  const text = v === undefined || v === null ? t.wholes[i]! : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return text + t.literals[i + 1]!;
}

/** A template split once at its `%{…}` references: literals around them, the trimmed references, the raw text of each. */
interface Template {
  literals: string[];
  refs: string[];
  wholes: string[];
}

const TEMPLATE_CACHE_LIMIT = 4096;
const templates = new Map<string, Template>();

function compiledTemplate(template: string): Template {
  let t = templates.get(template);
  if (t === undefined) {
    t = { literals: [], refs: [], wholes: [] };
    let last = 0;
    for (const m of template.matchAll(/%\{([^}]+)\}/g)) {
      t.literals.push(template.slice(last, m.index));
      t.refs.push(m[1]!.trim());
      t.wholes.push(m[0]);
      last = m.index + m[0].length;
    }
    t.literals.push(template.slice(last));
    if (templates.size >= TEMPLATE_CACHE_LIMIT) templates.clear();
    templates.set(template, t);
  }
  return t;
}

/** Whether a template still has an unresolved reference after expansion. */
export function unresolved(expanded: string): boolean {
  return /%\{[^}]+\}/.test(expanded);
}
