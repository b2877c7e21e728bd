/**
 * The simulator's learner-facing messages in the page's language (issue #23): ledger fates and
 * reasons, traced hops, spec and config problems with their hints, the check engine's own words,
 * and the terminal's help and messages. English pages show the simulator's text unchanged.
 */
import { simCatalogue, terminalCatalogue, wholeLineCatalogue } from '../../../simulator/i18n/messages/index.js';
import { isRealToolLogLine } from '../../../simulator/shell/log-format/real-line.js';
import type { Lang } from '../langs.js';

export { simCatalogue, simTemplateAreas, type SimTemplate } from '../../../simulator/i18n/messages/index.js';

/** One simulator message (a fate, a reason, a problem, a hint) in `lang`. */
export function simText(text: string, lang: Lang): string {
  return lang === 'en' ? text : simCatalogue.translate(text);
}

/**
 * One line of terminal output in `lang`: translated from its first word on if a template knows
 * it, else from the first later word where one does (the columns before it kept as they are).
 * Lines no template knows, real tools' output among them, stay as they were printed.
 */
export function terminalLine(line: string, lang: Lang): string {
  if (lang === 'en' || isRealToolLogLine(line)) return line;
  if (wholeLineCatalogue.match(line)) return wholeLineCatalogue.translate(line);
  for (const start of wordStarts(line)) {
    const rest = line.slice(start);
    if (terminalCatalogue.match(rest)) return line.slice(0, start) + terminalCatalogue.translate(rest);
  }
  return line;
}

/** Terminal output (several lines) in `lang`. */
export function terminalText(text: string, lang: Lang): string {
  return lang === 'en' ? text : text.split('\n').map((l) => terminalLine(l, lang)).join('\n');
}

/** Where each word of a line starts (after the line start or a space). */
function wordStarts(line: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < line.length; i++) if (line[i] !== ' ' && (i === 0 || line[i - 1] === ' ')) starts.push(i);
  return starts;
}

/** The English parts of a terminal line a Korean page would still show (for tests): [] when none. */
export function untranslatedTerminalLine(line: string): string[] {
  if (wholeLineCatalogue.match(line)) return wholeLineCatalogue.untranslated(line);
  for (const start of wordStarts(line)) {
    const rest = line.slice(start);
    if (terminalCatalogue.match(rest)) return terminalCatalogue.untranslated(rest);
  }
  return [line];
}

/**
 * A failed check's explanation after its numbers (site/scripts/exercise/check-words.ts `checkWhy`)
 * in `lang`: the author's text is already in that language; the engine's notes joined to it
 * (" — see lostAt: …", "; worst window: …", " Hint: …") are translated piece by piece.
 */
export function checkWhyText(why: string, lang: Lang): string {
  if (lang === 'en') return why;
  const at = why.lastIndexOf(' Hint: ');
  const body = at < 0 ? why : why.slice(0, at);
  const hint = at < 0 ? '' : ` 힌트: ${why.slice(at + ' Hint: '.length)}`;
  return body.split(' — ').map((part) => part.split('; ').map((piece) => simCatalogue.translate(piece)).join('; ')).join(' — ') + hint;
}
