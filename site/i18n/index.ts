/**
 * UI strings. One folder per language (`en/site.ts` for the shell, `en/exercise.ts` for the
 * exercise island); a translation is a new folder with the same keys, registered below.
 * Components never bake English in: they call `t('home.title')`.
 */
import { site as enSite } from './en/site.js';
import { exercise as enExercise } from './en/exercise.js';
import { lab as enLab } from './en/lab.js';
import { diagram as enDiagram } from './en/diagram.js';
import { metrics as enMetrics } from './en/metrics.js';
import { format, type Params } from './format.js';

export { format, type Params };

const en = { ...enSite, ...enExercise, ...enLab, ...enDiagram, ...enMetrics };

export type MessageKey = keyof typeof en;
export type Messages = { readonly [K in MessageKey]: string };

/** Every language the site ships, keyed by BCP 47 tag. English is complete by definition. */
export const dictionaries: Record<string, Messages> = { en };

export const defaultLang = 'en';

/** The string for `key` in `lang` (falling back to English), with placeholders filled. */
export function t(key: MessageKey, params?: Params, lang: string = defaultLang): string {
  const dict = dictionaries[lang] ?? en;
  return format(dict[key] ?? en[key], params);
}

/** Picks the singular or plural key by count (English-style; a language with other rules adds its own keys). */
export function plural(count: number, one: MessageKey, many: MessageKey, lang: string = defaultLang): string {
  return t(count === 1 ? one : many, { n: count }, lang);
}

/** A few raw templates for a browser script (handed over in a data attribute; filled with `format`). */
export function pick<K extends MessageKey>(keys: readonly K[], lang: string = defaultLang): Record<K, string> {
  const dict = dictionaries[lang] ?? en;
  return Object.fromEntries(keys.map((k) => [k, dict[k] ?? en[k]])) as Record<K, string>;
}
