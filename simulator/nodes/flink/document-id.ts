/**
 * The Elasticsearch sink's `document-id` template: `{key}-{window.start}`, `{@metadata._id}`,
 * any record field. A deterministic id makes a replayed write overwrite the first one
 * (SEMANTICS §5: same `_id` → `result: updated`); without a template ES generates an id
 * per write and every replay is a new document.
 */
import { readField, type Rec } from '../../core/record.js';

export type DocumentId = (rec: Rec) => string;

export function compileDocumentId(template: string): DocumentId {
  const parts = template.split(/(\{[^}]+\})/).filter((p) => p.length > 0);
  return (rec) => {
    let out = '';
    for (const p of parts) {
      if (p.startsWith('{') && p.endsWith('}')) {
        const v = readField(rec.fields, p.slice(1, -1));
        out += v === undefined || v === null ? 'null' : typeof v === 'object' ? JSON.stringify(v) : String(v);
      } else out += p;
    }
    return out;
  };
}
