/**
 * UI strings may mark config names with backticks (`acks=all`), as the course prose does.
 * This escapes the text and turns those spans into <code>, so strings stay plain data in the
 * dictionaries and nothing in them is ever interpreted as HTML.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

export function inlineCode(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}
