/**
 * The languages the site ships and how their URLs look: English at `/`, Korean under `/ko/`
 * (astro.config.mjs `i18n`, `prefixDefaultLocale: false`). No dictionaries here, so the
 * language switch and the first-visit script can import it without bundling any strings.
 */
export const langs = ['en', 'ko'] as const;
export type Lang = (typeof langs)[number];
export const defaultLang: Lang = 'en';

/** The name of each language in itself, for the switch. */
export const langNames: Record<Lang, string> = { en: 'English', ko: '한국어' };

/** localStorage key of the learner's explicit choice (set by the switch, read on the first page of a visit). */
export const LANG_KEY = 'pipeline-lab:lang';

export function isLang(value: string): value is Lang {
  return (langs as readonly string[]).includes(value);
}

/** `/ko/lessons/03-kafka/` → `ko`; anything else is English. */
export function langOfPath(pathname: string): Lang {
  return /^\/ko(\/|$)/.test(pathname) ? 'ko' : 'en';
}

/** The path without its language prefix: `/ko/lab/` → `/lab/`, `/lab/` → `/lab/`. */
export function unlocalizedPath(pathname: string): string {
  const rest = pathname.replace(/^\/ko(?=\/|$)/, '');
  return rest === '' ? '/' : rest;
}

/** The same page in `lang`: `localizedPath('/lessons/03-kafka/', 'ko')` → `/ko/lessons/03-kafka/`. */
export function localizedPath(pathname: string, lang: Lang): string {
  const bare = unlocalizedPath(pathname);
  return lang === defaultLang ? bare : `/${lang}${bare}`;
}

/** A browser language list (`navigator.languages`) → the site's language for a first visit. */
export function preferredLang(browserLangs: readonly string[]): Lang {
  for (const tag of browserLangs) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (isLang(base)) return base;
  }
  return defaultLang;
}
