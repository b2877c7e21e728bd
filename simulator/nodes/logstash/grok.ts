/**
 * Grok: `%{PATTERN}` and `%{PATTERN:field}` / `%{PATTERN:field:int}` expanded into one
 * JavaScript regular expression (SEMANTICS §2 [LS5]). Only named references capture;
 * each becomes a JS named group `g<n>` mapped back to its field path and type. Matching
 * is unanchored, as grok's is. No match → the event keeps going, tagged
 * `_grokparsefailure` (`tag_on_failure`), with nothing extracted.
 */
import { GROK_PATTERNS } from './grok-patterns.js';

export interface Capture {
  field: string;
  type: 'string' | 'int' | 'float';
}

export interface CompiledGrok {
  readonly source: string;
  readonly regex: RegExp;
  readonly captures: readonly Capture[];
  /** Field → value for a match, or null. A capture that took no part in the match is left out. */
  match(text: string): Record<string, string | number> | null;
}

const REF = /%\{(\w+)(?::([\w@.[\]-]+))?(?::(int|float))?\}/g;

export function compileGrok(pattern: string, extra: Readonly<Record<string, string>> = {}): CompiledGrok {
  const captures: Capture[] = [];
  const expand = (text: string, depth: number): string => {
    if (depth > 40) throw new Error(`grok pattern nests too deeply: ${pattern}`);
    return text.replace(REF, (_m, name: string, field: string | undefined, type: string | undefined) => {
      const body = extra[name] ?? GROK_PATTERNS[name];
      if (body === undefined) throw new Error(`unknown grok pattern %{${name}}`);
      const inner = expand(body, depth + 1);
      if (!field) return `(?:${inner})`;
      const index = captures.length;
      captures.push({ field, type: type === 'int' ? 'int' : type === 'float' ? 'float' : 'string' });
      return `(?<g${index}>${inner})`;
    });
  };
  const source = expand(pattern, 0);
  const regex = new RegExp(source);
  return {
    source,
    regex,
    captures,
    match(text) {
      const m = regex.exec(text);
      if (!m) return null;
      const out: Record<string, string | number> = {};
      captures.forEach((c, i) => {
        const raw = m.groups?.[`g${i}`];
        if (raw === undefined) return;
        out[c.field] = c.type === 'int' ? parseInt(raw, 10) : c.type === 'float' ? parseFloat(raw) : raw;
      });
      return out;
    },
  };
}
