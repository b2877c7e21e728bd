/**
 * Course texts (UI strings, exercise goals and checks) use two inline marks, as the course prose
 * does: `backticks` for config names and **double asterisks** for a stressed word. Both the pages
 * (HTML strings) and the exercise island (DOM nodes) render them from the same spans, so a text
 * looks the same wherever it appears and nothing in it is ever interpreted as HTML.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

export interface InlineSpan {
  kind: 'text' | 'code' | 'strong';
  text: string;
}

/** Splits a text into plain, code and strong spans; code wins (asterisks inside backticks stay literal). */
export function inlineSpans(text: string): InlineSpan[] {
  const spans: InlineSpan[] = [];
  for (const part of text.split(/(`[^`]+`)/)) {
    if (part.length > 1 && part.startsWith('`') && part.endsWith('`')) {
      spans.push({ kind: 'code', text: part.slice(1, -1) });
      continue;
    }
    for (const piece of part.split(/(\*\*[^*]+\*\*)/)) {
      if (piece.length > 4 && piece.startsWith('**') && piece.endsWith('**')) spans.push({ kind: 'strong', text: piece.slice(2, -2) });
      else if (piece) spans.push({ kind: 'text', text: piece });
    }
  }
  return spans;
}

export function inlineCode(text: string): string {
  return inlineSpans(text)
    .map((s) => (s.kind === 'text' ? escapeHtml(s.text) : `<${s.kind}>${escapeHtml(s.text)}</${s.kind}>`))
    .join('');
}
