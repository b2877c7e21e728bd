/**
 * Grok: `%{PATTERN}` and `%{PATTERN:field}` / `%{PATTERN:field:int}` expanded into one
 * JavaScript regular expression (SEMANTICS §2 [LS5]). Only named references capture;
 * each becomes a JS named group `g<n>` mapped back to its field path and type. Matching
 * is unanchored, as grok's is. No match → the event keeps going, tagged
 * `_grokparsefailure` (`tag_on_failure`), with nothing extracted.
 */
import { GROK_PATTERNS } from './grok-patterns.js';
import { combinedApacheEvent, parseCombinedApacheInto } from './grok-fast-apache.js';
import type { FieldMap } from '../../core/record.js';
import { hashString } from '../../core/prng.js';

/**
 * The expanded `%{COMBINEDAPACHELOG}` the direct parser was checked against (length and FNV-1a
 * hash of the source): if the pattern set changes, the parser is no longer used until re-checked.
 */
const COMBINED_SOURCE = { length: 1670, hash: 14200498 };

export interface Capture {
  field: string;
  type: 'string' | 'int' | 'float';
}

export interface CompiledGrok {
  readonly source: string;
  readonly regex: RegExp;
  readonly captures: readonly Capture[];
  /** Whether the common shape of `%{COMBINEDAPACHELOG}` lines is parsed directly (same answers, no regex). */
  readonly direct: boolean;
  /** Field → value for a match, or null. A capture that took no part in the match is left out. */
  match(text: string): Record<string, string | number> | null;
  /**
   * Writes field → value for a match straight into `into` (the caller's own copy of the event:
   * captures taken as top-level names) and returns true; false, with nothing written, for no match.
   */
  matchInto(text: string, into: Record<string, unknown>): boolean;
  /**
   * The event `fields` with the captures added, as a new object, when the direct parser takes the
   * line; null otherwise (no direct parser, or a line it leaves to the regular expression).
   */
  matchEvent(text: string, fields: FieldMap): FieldMap | null;
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
  const names = captures.map((_, i) => `g${i}`);
  const direct =
    pattern === '%{COMBINEDAPACHELOG}' && Object.keys(extra).length === 0 && source.length === COMBINED_SOURCE.length && hashString(source) === COMBINED_SOURCE.hash
      ? { into: parseCombinedApacheInto, event: combinedApacheEvent }
      : undefined;
  const matchInto = (text: string, into: Record<string, unknown>): boolean => {
    if (direct && direct.into(text, into)) return true;
    const m = regex.exec(text);
    if (!m) return false;
    const groups = m.groups ?? {};
    for (let i = 0; i < captures.length; i++) {
      const raw = groups[names[i]!];
      if (raw === undefined) continue;
      const c = captures[i]!;
      into[c.field] = c.type === 'int' ? parseInt(raw, 10) : c.type === 'float' ? parseFloat(raw) : raw;
    }
    return true;
  };
  return {
    source,
    regex,
    captures,
    direct: direct !== undefined,
    match(text) {
      const out: Record<string, string | number> = {};
      return matchInto(text, out) ? out : null;
    },
    matchInto,
    matchEvent: (text, fields) => (direct ? direct.event(text, fields) : null),
  };
}
