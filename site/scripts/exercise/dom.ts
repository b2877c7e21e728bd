/** A tiny element builder for the island (no framework, STYLE §7). Text goes in as text, never as HTML. */
import { inlineSpans } from '../../lib/inline-code.js';
export type Child = Node | string | number | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | boolean | number | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (name === 'class') el.className = String(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, ...children);
  return el;
}

export function append(el: Element, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'number' ? String(c) : c);
  }
}

/**
 * A table with a caption, header row and body rows (the text alternative of every chart). It scrolls
 * when long (the CSS caps its height), so it takes focus: a keyboard user scrolls it with the arrows.
 */
export function table(caption: string, head: readonly string[], rows: readonly (readonly (string | number)[])[]): HTMLTableElement {
  return h(
    'table',
    { class: 'ex-table', tabindex: '0' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...head.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, String(c)) : h('td', {}, String(c))))))),
  );
}

/** A course text with its inline marks (`code`, **strong**) as DOM nodes: the same spans the pages render. */
export function richText(text: string): DocumentFragment {
  const frag = document.createDocumentFragment();
  for (const span of inlineSpans(text)) frag.append(span.kind === 'text' ? span.text : h(span.kind, {}, span.text));
  return frag;
}
