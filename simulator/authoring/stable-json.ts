/** Byte-comparable JSON of a run (without wall time) and where two runs first differ. */
import type { RunResult } from '../run/result.js';

export function stableJson(result: RunResult): string {
  const { wallMs: _wallMs, ...rest } = result;
  return JSON.stringify(rest);
}

/** Dotted path of the first value that differs, e.g. `outputs.es.duplicated`. */
export function firstDifference(a: unknown, b: unknown, path = ''): string {
  if (a === b) return '';
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return path || '(root)';
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const k of keys) {
    if (path === '' && k === 'wallMs') continue;
    const va = (a as Record<string, unknown>)[k];
    const vb = (b as Record<string, unknown>)[k];
    if (JSON.stringify(va) !== JSON.stringify(vb)) return firstDifference(va, vb, path ? `${path}.${k}` : k);
  }
  return path || '(root)';
}
