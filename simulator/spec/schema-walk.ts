/**
 * Finds which keys the schema allows at a path of the parsed data, for "did you mean"
 * hints. Walks Zod 4's definitions: objects, optionals, defaults, pipes, arrays,
 * records and unions (picking the variant whose literal `type` matches the data).
 */
import type { z } from 'zod';

type AnySchema = z.ZodType;
interface Def {
  type: string;
  shape?: Record<string, AnySchema>;
  innerType?: AnySchema;
  in?: AnySchema;
  element?: AnySchema;
  valueType?: AnySchema;
  options?: AnySchema[];
  values?: unknown[];
}

function def(schema: AnySchema): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  for (let guard = 0; guard < 20; guard++) {
    const d = def(s);
    if ((d.type === 'optional' || d.type === 'default' || d.type === 'prefault' || d.type === 'nullable' || d.type === 'readonly') && d.innerType) s = d.innerType;
    else if (d.type === 'pipe' && d.in) s = d.in;
    else break;
  }
  return s;
}

/** The object schemas that could describe `data` at `schema`. */
function objectVariants(schema: AnySchema, data: unknown): AnySchema[] {
  const s = unwrap(schema);
  const d = def(s);
  if (d.type === 'object') return [s];
  if (d.type === 'union' && d.options) {
    const objects = d.options.flatMap((o) => objectVariants(o, data));
    const typed = objects.filter((o) => {
      const typeField = def(o).shape?.['type'];
      if (!typeField || typeof data !== 'object' || data === null) return false;
      const literal = def(unwrap(typeField));
      return literal.type === 'literal' && literal.values?.includes((data as Record<string, unknown>)['type']);
    });
    if (typed.length > 0) return typed;
    // Several keyed variants (e.g. the fault kinds or filter plugins): keep those sharing a key with the data.
    if (typeof data === 'object' && data !== null) {
      const keys = Object.keys(data);
      const sharing = objects.filter((o) => keys.some((k) => k in (def(o).shape ?? {})));
      if (sharing.length > 0) return sharing;
    }
    return objects;
  }
  return [];
}

/** The schema at `path`, following the data to choose union variants. */
export function schemaAt(root: AnySchema, data: unknown, path: readonly PropertyKey[]): AnySchema[] {
  let current: { schema: AnySchema; data: unknown }[] = [{ schema: root, data }];
  for (const key of path) {
    const next: { schema: AnySchema; data: unknown }[] = [];
    for (const { schema, data: value } of current) {
      const childData = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
      const s = unwrap(schema);
      const d = def(s);
      if (d.type === 'array' && d.element) next.push({ schema: d.element, data: childData });
      else if (d.type === 'record' && d.valueType) next.push({ schema: d.valueType, data: childData });
      else {
        for (const variant of objectVariants(s, value)) {
          const child = def(variant).shape?.[String(key)];
          if (child) next.push({ schema: child, data: childData });
        }
      }
    }
    current = next;
  }
  return current.map((c) => c.schema);
}

/** Keys allowed for the object at `path`. */
export function keysAt(root: AnySchema, data: unknown, path: readonly PropertyKey[]): string[] {
  let value: unknown = data;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  const keys = new Set<string>();
  for (const schema of schemaAt(root, data, path)) {
    for (const variant of objectVariants(schema, value)) {
      for (const k of Object.keys(def(variant).shape ?? {})) keys.add(k);
    }
  }
  return [...keys];
}
