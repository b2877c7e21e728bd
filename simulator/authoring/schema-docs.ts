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
        rows.push({ key: full, doc: p.doc ?? '', ...(dflt !== undefined ? { default: dflt } : {}) });
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
  // The same key can come from several union variants (e.g. `if` in every filter); keep the first.
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.key) ? false : (seen.add(r.key), true)));
}

export function keyTable(rows: readonly KeyDoc[]): string {
  const esc = (t: string) => t.replace(/\|/g, '\\|').replace(/\n+/g, ' ');
  return ['| key | default | what it is |', '| --- | --- | --- |', ...rows.map((r) => `| \`${esc(r.key)}\` | ${r.default !== undefined ? `\`${esc(r.default)}\`` : ''} | ${esc(r.doc)} |`)].join('\n');
}
