/**
 * UI strings. One folder per language (`en/site.ts` for the shell, `en/exercise.ts` for the
 * exercise island, …); Korean lives in `ko/`, one file per area with the same keys as its
 * English twin (tests/unit/site/i18n-parity.test.ts keeps them in step).
 * Components never bake English in: they call `t('home.title')`.
 *
 * Which language: server-side an Astro component passes the page's locale
 * (`const t = translator(Astro.currentLocale)`); in the browser `t()` without a language reads
 * `<html lang>`, so client scripts follow the page they run in without being told.
 */
import { site as enSite } from './en/site.js';
import { exercise as enExercise } from './en/exercise.js';
import { lab as enLab } from './en/lab.js';
import { diagram as enDiagram } from './en/diagram.js';
import { limits as enLimits } from './en/limits.js';
import { metrics as enMetrics } from './en/metrics.js';
import { incident as enIncident } from './en/incident.js';
import { exportMessages as enExport } from './en/export.js';
import { predict as enPredict } from './en/predict.js';
import { labPredict as enLabPredict } from './en/lab-predict.js';
import { dagGrid as enDagGrid } from './en/dag-grid.js';
import { ko as koMessages } from './ko/index.js';
import { format, type Params } from './format.js';
import { defaultLang, isLang, localizedPath, type Lang } from './langs.js';

export { format, type Params };
export { defaultLang, langs, isLang, type Lang } from './langs.js';

const en = { ...enSite, ...enExercise, ...enLab, ...enDiagram, ...enLimits, ...enMetrics, ...enIncident, ...enExport, ...enPredict, ...enLabPredict, ...enDagGrid };

export type MessageKey = keyof typeof en;
export type Messages = { readonly [K in MessageKey]: string };

/** Every language the site ships, keyed by BCP 47 tag. English is complete by definition. */
export const dictionaries: Record<Lang, Readonly<Record<string, string>>> = { en, ko: koMessages };

/** Set only while `withLang` runs a synchronous piece of server rendering (see there). */
let serverLang: Lang | undefined;

/** The page's language: `<html lang>` in a browser; on the server, `withLang`'s, else English. */
export function pageLang(): Lang {
  if (serverLang) return serverLang;
  const lang = typeof document === 'undefined' ? undefined : document.documentElement.lang;
  return lang && isLang(lang) ? lang : defaultLang;
}

/**
 * Runs `render` with `t()`'s default language set to `lang`: for shared browser/server code
 * (the diagram's SVG markup) that calls `t()` without a language. Synchronous on purpose, so no
 * other page's rendering can interleave while the language is set.
 */
export function withLang<T>(lang: Lang, render: () => T): T {
  const before = serverLang;
  serverLang = lang;
  try {
    return render();
  } finally {
    serverLang = before;
  }
}

function lookup(key: string, lang: string): string {
  const english: Readonly<Record<string, string>> = en;
  const dict = isLang(lang) ? dictionaries[lang] : english;
  return dict[key] ?? english[key] ?? key;
}

/** The string for `key` in `lang` (default: the page's), falling back to English, with placeholders filled. */
export function t(key: MessageKey, params?: Params, lang: string = pageLang()): string {
  return format(lookup(key, lang), params);
}

/** Picks the singular or plural key by count (Korean has one form; its two keys simply agree). */
export function plural(count: number, one: MessageKey, many: MessageKey, lang: string = pageLang()): string {
  return t(count === 1 ? one : many, { n: count }, lang);
}

/** A few raw templates for a browser script (handed over in a data attribute; filled with `format`). */
export function pick<K extends MessageKey>(keys: readonly K[], lang: string = pageLang()): Record<K, string> {
  return Object.fromEntries(keys.map((k) => [k, lookup(k, lang)])) as Record<K, string>;
}

export interface Translator {
  (key: MessageKey, params?: Params): string;
  lang: Lang;
  plural(count: number, one: MessageKey, many: MessageKey): string;
  pick<K extends MessageKey>(keys: readonly K[]): Record<K, string>;
  /** A site path in this language: `t.href('/lab/')` is `/ko/lab/` on a Korean page (a `#hash` is kept). */
  href(path: string): string;
}

/** `t`, `plural` and `pick` bound to one language: `const t = translator(Astro.currentLocale)` in a component. */
export function translator(locale: string | undefined): Translator {
  const lang: Lang = locale && isLang(locale) ? locale : defaultLang;
  const bound = ((key: MessageKey, params?: Params) => t(key, params, lang)) as Translator;
  bound.lang = lang;
  bound.plural = (count, one, many) => plural(count, one, many, lang);
  bound.pick = (keys) => pick(keys, lang);
  bound.href = (path) => {
    const at = path.indexOf('#');
    return at < 0 ? localizedPath(path, lang) : localizedPath(path.slice(0, at), lang) + path.slice(at);
  };
  return bound;
}
