/**
 * Zod schema → reference rows (`key`, `what it is`), from the `.describe()` texts, so the
 * key lists in AUTHORING.md are generated from the schemas and cannot drift from them.
 */
import type { z } from 'zod';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  values?: unknown[];
  entries?: Record<string, unknown>;
  defaultValue?: unknown;
}

export interface KeyDoc {
  key: string;
  doc: string;
  default?: string;
  /** The values the key accepts, when they are a fixed list (an enum, literals). */
  values?: string[];
  /** For a literal `type`-like key of union variants: each variant's value and its description. */
  variants?: { value: string; doc: string }[];
}

/** The fixed values a schema accepts, looking through wrappers, lists and maps (`mappings: index → field → type`). */
function allowedValues(schema: z.ZodType, depth = 0): string[] | undefined {
  if (depth > 6) return undefined;
  const d = defOf(peel(schema).core);
  if (d.type === 'enum' && d.entries) return Object.values(d.entries).map(String);
  if (d.type === 'literal' && d.values) return d.values.map(String);
  if (d.type === 'array' && d.element) return allowedValues(d.element, depth + 1);
  if (d.type === 'record' && d.valueType) return allowedValues(d.valueType, depth + 1);
  if (d.type === 'union' && d.options) {
    const each = d.options.map((o) => allowedValues(o, depth + 1));
    // A union with a free-form branch (a number, an object) has no fixed list.
    return each.every((v) => v !== undefined) ? [...new Set(each.flat() as string[])] : undefined;
  }
  return undefined;
}

const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;
const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly', 'pipe']);

/** Peels optional/default/pipe wrappers, keeping the first description and default met on the way. */
function peel(schema: z.ZodType): { core: z.ZodType; doc?: string; dflt?: unknown; transformed: boolean } {
  let s = schema;
  let doc: string | undefined;
  let dflt: unknown;
  let transformed = false;
  for (let guard = 0; guard < 20; guard++) {
    doc ??= s.description;
    const d = defOf(s);
    if (!WRAPPERS.has(d.type)) break;
    if ((d.type === 'default' || d.type === 'prefault') && dflt === undefined) dflt = d.defaultValue;
    if (d.type === 'pipe') {
      transformed = true;
      s = d.in!;
    } else s = d.innerType!;
  }
  return { core: s, ...(doc !== undefined ? { doc } : {}), dflt, transformed };
}

/** The literal `type` of an object schema (`beats`, `logstash`, …), if it has one. */
export function typeLiteralOf(s: z.ZodType): string | undefined {
  const shape = defOf(peel(s).core).shape;
  const t = shape?.['type'];
  if (!t) return undefined;
  const d = defOf(peel(t).core);
  return d.type === 'literal' && d.values ? String(d.values[0]) : undefined;
}

/** The variants of a (discriminated) union schema. */
export function unionOptions(s: z.ZodType): z.ZodType[] {
  return defOf(peel(s).core).options ?? [];
}

export function describedAs(s: z.ZodType): string {
  return peel(s).doc ?? '';
}

function formatDefault(value: unknown, transformed: boolean): string | undefined {
  if (value === undefined || transformed) return undefined;
  if (typeof value === 'object' && value !== null && Object.keys(value).length === 0) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Rows for every key under `schema`, prefixed by `prefix` (`nodes.<id>.`). Variants of a union with a literal `type` get their own prefix. */
export function keyDocs(schema: z.ZodType, prefix = '', stopAt: readonly string[] = []): KeyDoc[] {
  const rows: KeyDoc[] = [];
  const visit = (s: z.ZodType, path: string, depth: number) => {
    if (depth > 8) return;
    const { core } = peel(s);
    const d = defOf(core);
    if (d.type === 'object') {
      for (const [key, child] of Object.entries(d.shape ?? {})) {
        if (key === '$schema') continue;
        const p = peel(child);
        const full = `${path}${key}`;
        const dflt = formatDefault(p.dflt, p.transformed);
        const values = allowedValues(child);
        const literal = defOf(p.core).type === 'literal' && values?.length === 1;
        rows.push({
          key: full,
          doc: p.doc ?? '',
          ...(dflt !== undefined ? { default: dflt } : {}),
          ...(values ? { values } : {}),
          ...(literal ? { variants: [{ value: values[0]!, doc: p.doc ?? '' }] } : {}),
        });
        if (!stopAt.includes(full)) visit(child, `${full}.`, depth + 1);
      }
    } else if (d.type === 'array' && d.element) {
      visit(d.element, `${path.replace(/\.$/, '')}[].`, depth + 1);
    } else if (d.type === 'record' && d.valueType) {
      visit(d.valueType, `${path}<id>.`, depth + 1);
    } else if (d.type === 'union' && d.options) {
      for (const option of d.options) visit(option, path, depth + 1);
    }
  };
  visit(schema, prefix, 0);
  // The same key can come from several union variants (e.g. `if` in every filter); keep the first,
  // gathering the variants' literal values (`window.type`: tumbling, sliding, session) into it.
  const first = new Map<string, KeyDoc>();
  const out: KeyDoc[] = [];
  for (const r of rows) {
    const kept = first.get(r.key);
    if (!kept) {
      first.set(r.key, r);
      out.push(r);
    } else if (kept.variants && r.variants) {
      for (const v of r.variants) if (!kept.variants.some((k) => k.value === v.value)) kept.variants.push(v);
    }
  }
  return out.map(withValues);
}

/** The row's text with its allowed values; for union variants, each value with its own description. */
function withValues(r: KeyDoc): KeyDoc {
  if (r.variants && r.variants.length > 1) {
    return { ...r, values: r.variants.map((v) => v.value), doc: `One of: ${r.variants.map((v) => `\`${v.value}\` (${v.doc.replace(/\.$/, '')})`).join('; ')}.` };
  }
  if (!r.values || r.values.length === 0) return r;
  const label = r.values.length === 1 ? 'Value' : 'Values';
  return { ...r, doc: `${r.doc}${r.doc ? ' ' : ''}${label}: ${r.values.map((v) => `\`${v}\``).join(', ')}.` };
}

export function keyTable(rows: readonly KeyDoc[]): string {
  const esc = (t: string) => t.replace(/\|/g, '\\|').replace(/\n+/g, ' ');
  return ['| key | default | what it is |', '| --- | --- | --- |', ...rows.map((r) => `| \`${esc(r.key)}\` | ${r.default !== undefined ? `\`${esc(r.default)}\`` : ''} | ${esc(r.doc)} |`)].join('\n');
}
