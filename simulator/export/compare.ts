/** The first place two validated specs differ, for the writer's self-check (key order of objects ignored, node order kept). */

export interface Difference { path: string; detail: string }

export function firstDifference(a: unknown, b: unknown, path = ''): Difference | undefined {
  if (path === 'nodes') {
    const ka = Object.keys(a as object);
    const kb = Object.keys(b as object);
    if (ka.join(',') !== kb.join(',')) return { path, detail: `node order ${ka.join(', ')} ≠ ${kb.join(', ')}` };
  }
  if (a === b) return undefined;
  // Logstash keeps a conditional's text as written, inside parentheses: the same condition.
  if (path.endsWith('.if') && typeof a === 'string' && typeof b === 'string' && (`(${a})` === b || a === `(${b})`)) return undefined;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) {
    return { path, detail: `${JSON.stringify(a) ?? 'unset'} ≠ ${JSON.stringify(b) ?? 'unset'}` };
  }
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  for (const k of keys) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
    if (d) return d;
  }
  return undefined;
}
