/**
 * Why a pipeline cannot be exported, in both languages the course speaks: the simulator has no
 * DOM and no i18n dictionary, so a refusal carries its English and Korean sentence itself.
 */
export interface Refusal {
  /** The spec path the refusal is about (`nodes.lake`), or '' for the whole pipeline. */
  path: string;
  en: string;
  ko: string;
}

export type Written<T> = { ok: true; value: T } | { ok: false; refusals: Refusal[] };

export const refuse = (path: string, en: string, ko: string): Refusal => ({ path, en, ko });

/** One line per refusal, in one language: what the CLI prints and the Lab shows. */
export function formatRefusals(refusals: readonly Refusal[], lang: 'en' | 'ko' = 'en'): string {
  return refusals.map((r) => `${r.path ? `${r.path}: ` : ''}${lang === 'ko' ? r.ko : r.en}`).join('\n');
}
