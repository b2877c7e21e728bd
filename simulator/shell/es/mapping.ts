/**
 * An index's field types as Elasticsearch would see them: the spec's explicit mapping first, then
 * dynamic mapping from the documents (a JSON string becomes `text` with a `.keyword` sub-field
 * unless it looks like a date; whole numbers `long`, other numbers `float`; true/false `boolean`).
 * The difference matters to a learner: `term` compares exact terms, and a `text` field holds its
 * value analysed into lowercase words, so `term: { verb: "GET" }` finds nothing and
 * `verb.keyword` (or an explicit `keyword` mapping) finds every GET.
 */
import type { FieldMap, FieldValue } from '../../core/record.js';

export type EsType = 'text' | 'keyword' | 'long' | 'float' | 'double' | 'date' | 'boolean' | 'object';

/** A field as a query names it: its type and how to read its values from a document's source. */
export interface Field {
  name: string;
  type: EsType;
  /** The source path (`verb` for `verb.keyword`). */
  path: string;
}

/** `strict_date_optional_time`, the format dynamic date detection accepts: 2026-01-01, 2026-01-01T00:00:05.123Z. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** The dynamic `text` field's `.keyword` sub-field keeps strings up to this length (ignore_above). */
const IGNORE_ABOVE = 256;

function dynamicType(v: FieldValue): EsType | undefined {
  if (Array.isArray(v)) return v.length ? dynamicType(v[0] as FieldValue) : undefined;
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'long' : 'float';
  if (typeof v === 'string') return ISO_DATE.test(v) ? 'date' : 'text';
  return 'object';
}

/** Raw values at a source path (an array field gives each element; a missing one gives none). */
export function valuesAt(source: FieldMap, path: string): FieldValue[] {
  let cur: unknown[] = [source];
  for (const part of path.split('.')) {
    const next: unknown[] = [];
    for (const c of cur) {
      if (c === null || typeof c !== 'object') continue;
      const items = Array.isArray(c) ? c : [c];
      for (const item of items) {
        if (item === null || typeof item !== 'object' || Array.isArray(item)) continue;
        const v = (item as Record<string, unknown>)[part];
        if (v !== undefined) next.push(v);
      }
    }
    cur = next;
  }
  return cur.flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v) => v !== null && v !== undefined) as FieldValue[];
}

function walk(source: FieldMap, prefix: string, visit: (path: string, v: FieldValue) => void): void {
  for (const [k, v] of Object.entries(source)) {
    if (k === '@metadata') continue;
    const path = prefix + k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) walk(v as FieldMap, `${path}.`, visit);
    else if (v !== undefined) visit(path, v);
  }
}

/** Documents looked at to guess dynamic types: the first value of a field fixes its type, as in Elasticsearch. */
const SAMPLE = 1000;

export class IndexMapping {
  /** Leaf path → type, explicit first, then dynamic in the order fields were first seen. */
  readonly types = new Map<string, EsType>();
  private readonly explicit: ReadonlySet<string>;

  constructor(explicit: Readonly<Record<string, string>>, sample: readonly FieldMap[]) {
    for (const [k, t] of Object.entries(explicit)) this.types.set(k, t as EsType);
    this.explicit = new Set(Object.keys(explicit));
    for (const src of sample.slice(0, SAMPLE)) {
      walk(src, '', (path, v) => {
        if (this.types.has(path)) return;
        const t = dynamicType(v);
        if (t) this.types.set(path, t);
      });
    }
  }

  /** The field a query names, or undefined when the index has no such field (queries then match nothing). */
  field(name: string): Field | undefined {
    const own = this.types.get(name);
    if (own) return { name, type: own, path: name };
    // Dynamic strings get a keyword sub-field; an explicit text mapping has none unless declared.
    if (name.endsWith('.keyword')) {
      const base = name.slice(0, -'.keyword'.length);
      if (this.types.get(base) === 'text' && !this.explicit.has(base)) return { name, type: 'keyword', path: base };
    }
    return undefined;
  }

  /** The mapping as `GET <index>/_mapping` prints it. */
  properties(): Record<string, unknown> {
    const root: Record<string, unknown> = {};
    for (const [path, type] of this.types) {
      const parts = path.split('.');
      let node = root;
      for (const p of parts.slice(0, -1)) {
        const child = (node[p] ??= { properties: {} }) as { properties: Record<string, unknown> };
        node = child.properties;
      }
      const leaf = parts[parts.length - 1]!;
      node[leaf] =
        type === 'text' && !this.explicit.has(path) ? { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: IGNORE_ABOVE } } } : { type };
    }
    return root;
  }
}

/**
 * Values of a field as the index holds them: words for text (analysed), strings for keyword,
 * numbers for numeric and date fields (dates as epoch milliseconds). Values that do not fit the
 * type are left out, as `ignore_malformed` would; the Elasticsearch node rejects them before this.
 */
export function fieldValues(source: FieldMap, f: Field): (string | number | boolean)[] {
  const raw = valuesAt(source, f.path);
  const out: (string | number | boolean)[] = [];
  for (const v of raw) {
    if (typeof v === 'object') continue;
    switch (f.type) {
      case 'text':
        out.push(...analyze(String(v)));
        break;
      case 'keyword':
        if (String(v).length <= IGNORE_ABOVE || f.name === f.path) out.push(String(v));
        break;
      case 'long':
      case 'float':
      case 'double': {
        const n = typeof v === 'number' ? v : Number(v);
        if (typeof v !== 'boolean' && Number.isFinite(n) && String(v).trim() !== '') out.push(f.type === 'long' ? Math.trunc(n) : n);
        break;
      }
      case 'date': {
        const ms = typeof v === 'number' ? v : Date.parse(String(v));
        if (Number.isFinite(ms)) out.push(ms);
        break;
      }
      case 'boolean':
        out.push(v === true || v === 'true');
        break;
    }
  }
  return out;
}

/**
 * The standard analyzer, near enough for log lines: split on anything that is not a letter, digit,
 * `_`, `.` or `'` (so `161.247.186.64`, `1.1` and `www.example.com` stay one token, as Unicode word
 * segmentation keeps them), trim dots and apostrophes at the ends, lowercase.
 */
export function analyze(text: string): string[] {
  return text
    .split(/[^\p{L}\p{N}_.']+/u)
    .map((t) => t.replace(/^[.']+|[.']+$/g, '').toLowerCase())
    .filter((t) => t.length > 0);
}
