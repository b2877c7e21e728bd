/**
 * Translating the simulator's learner-facing messages at the presentation layer. The simulator
 * writes plain English sentences from a small vocabulary of templates ("lost at {where}: {why}");
 * the nodes that write them stay language-free, and the page renders each message per language
 * by matching it against a catalogue of those templates, each paired with its Korean twin.
 *
 * A template's English text is its stable identity: `{name}` is a parameter carried over as is
 * (an id, a number, a setting key); `{name*}` is a parameter that is itself a message, translated
 * again (the `why` inside "lost at {where}: {why}"). A message no template matches is returned
 * unchanged; `untranslated` lists such messages so tests can prove none reach a Korean page.
 */

/** One message: its English template and the same message in another language. */
export interface SimTemplate {
  readonly en: string;
  readonly ko: string;
}

export interface CompiledTemplate {
  readonly template: SimTemplate;
  readonly pattern: RegExp;
  /** Parameter names in the order they occur in the English text. */
  readonly params: readonly string[];
  /** The parameters that are messages themselves (`{why*}`). */
  readonly nested: ReadonlySet<string>;
}

const PLACEHOLDER = /\{(\w+)(\*?)\}/g;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The English text as an anchored regular expression; every parameter matches a non-empty run, as little as possible. */
export function compileTemplate(template: SimTemplate): CompiledTemplate {
  const params: string[] = [];
  const nested = new Set<string>();
  let source = '^';
  let last = 0;
  for (const m of template.en.matchAll(PLACEHOLDER)) {
    source += escapeRegExp(template.en.slice(last, m.index));
    params.push(m[1]!);
    if (m[2]) nested.add(m[1]!);
    // The last parameter of a template ending in it takes the rest of the line (a nested message may hold anything).
    source += m.index + m[0].length === template.en.length ? '([\\s\\S]+)' : '([\\s\\S]+?)';
    last = m.index + m[0].length;
  }
  source += `${escapeRegExp(template.en.slice(last))}$`;
  return { template, pattern: new RegExp(source), params, nested };
}

/** The placeholder names of a template text (`{why*}` counts as `why`), sorted: both languages must use the same. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).sort();
}

/** Fills the Korean text's `{name}` (or `{name*}`) placeholders. */
function fill(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}

export class SimCatalogue {
  /** The templates, most specific first (see `specificity`); equally specific ones keep catalogue order. */
  private readonly compiled: readonly CompiledTemplate[];

  /** `inner` translates the nested messages (default: this catalogue). */
  constructor(
    readonly templates: readonly SimTemplate[],
    private readonly inner?: SimCatalogue,
  ) {
    // Sorted once here (Array#sort is stable), so a lookup stops at its first match.
    this.compiled = templates
      .map(compileTemplate)
      .map((compiled) => ({ compiled, rank: specificity(compiled) }))
      .sort((a, b) => b.rank - a.rank)
      .map((r) => r.compiled);
  }

  /**
   * The template that matches `text`, with its parameters. When several match, the one whose own text
   * reaches furthest before its first placeholder wins, then the one with the most text of its own, then
   * the first in catalogue order: a specific "kafka producer: {error}; this producer instance can no longer
   * send" beats the general "kafka producer: {error}", and a wrapper "lost at {where}: {why*}" still beats
   * "{partition}: deleted by …", which would otherwise swallow "lost at kafka: logs-0" as a partition.
   */
  match(text: string): { compiled: CompiledTemplate; values: Record<string, string> } | undefined {
    for (const compiled of this.compiled) {
      const m = compiled.pattern.exec(text);
      if (!m) continue;
      const values: Record<string, string> = {};
      compiled.params.forEach((name, i) => (values[name] = m[i + 1]!));
      return { compiled, values };
    }
    return undefined;
  }

  /** `text` in Korean when a template knows it (nested messages translated too); else `text` unchanged. */
  translate(text: string): string {
    const found = this.match(text);
    if (!found) return text;
    const values = { ...found.values };
    for (const name of found.compiled.nested) values[name] = (this.inner ?? this).translate(values[name]!);
    return fill(found.compiled.template.ko, values);
  }

  /** The parts of `text` no template knows: the whole text, or a nested message inside it. Empty when all is known. */
  untranslated(text: string): string[] {
    const found = this.match(text);
    if (!found) return [text];
    return [...found.compiled.nested].flatMap((name) => (this.inner ?? this).untranslated(found.values[name]!));
  }
}

/**
 * How specific a template is, as one number: the length of its text before the first placeholder, then
 * (below 10,000) the length of all its own text, placeholders left out.
 */
function specificity(compiled: CompiledTemplate): number {
  const en = compiled.template.en;
  const first = en.search(/\{\w+\*?\}/);
  const leading = first < 0 ? en.length : first;
  return leading * 10_000 + Math.min(9_999, en.replace(PLACEHOLDER, '').length);
}
