/**
 * Editing a spec's text at a JSON Pointer (`/faults/0/loss`, `/nodes/flink/execution.checkpointing.interval`)
 * through the YAML Document API, so comments and layout survive and the edited text is
 * validated exactly like the learner's own.
 */
import { parseDocument, isMap, isSeq, type Document } from 'yaml';

/** `/a/b~1c/0` → ['a', 'b/c', 0] (RFC 6901 escapes; numeric segments index sequences). */
export function parsePointer(pointer: string): (string | number)[] | string {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return `a parameter is a JSON Pointer starting with "/", e.g. /faults/0/loss (got "${pointer}")`;
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Reads the value at a pointer in spec text (undefined if absent). */
export function readAt(text: string, pointer: string): unknown {
  const path = parsePointer(pointer);
  if (typeof path === 'string') return undefined;
  const doc = parseDocument(text, { logLevel: 'error' });
  const v = doc.getIn(path, false);
  return v !== null && typeof v === 'object' && 'toJSON' in v ? (v as { toJSON(): unknown }).toJSON() : v;
}

/** Returns the text with the value at `pointer` set (created if missing), or an error message. */
export function setAt(text: string, pointer: string, value: unknown): string | { error: string } {
  const path = parsePointer(pointer);
  if (typeof path === 'string') return { error: path };
  const doc: Document = parseDocument(text, { logLevel: 'error' });
  if (doc.errors.length > 0) return { error: `the spec does not parse: ${doc.errors[0]!.message.split('\n')[0]}` };
  // Refuse to create a path through a scalar: that would silently replace part of the spec.
  for (let i = 1; i < path.length; i++) {
    const parent = doc.getIn(path.slice(0, i), true);
    if (parent !== undefined && !isMap(parent) && !isSeq(parent)) return { error: `${pointer}: ${path.slice(0, i).join('/')} is a value, not a mapping or list` };
  }
  doc.setIn(path, value);
  return doc.toString();
}

/** Removes the entry at `pointer` (a list item or a key). */
export function deleteAt(text: string, pointer: string): string | { error: string } {
  const path = parsePointer(pointer);
  if (typeof path === 'string') return { error: path };
  const doc = parseDocument(text, { logLevel: 'error' });
  if (!doc.hasIn(path)) return { error: `${pointer} does not exist` };
  doc.deleteIn(path);
  return doc.toString();
}
