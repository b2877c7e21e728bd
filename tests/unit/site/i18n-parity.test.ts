/**
 * Every UI string exists in English and Korean, with the same placeholders: a Korean key
 * missing (or an English one left behind) would show English mid-page or `{n}` unfilled.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dictionaries, t, translator } from '../../../site/i18n/index.js';
import { localizedPath, preferredLang, unlocalizedPath, langOfPath } from '../../../site/i18n/langs.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI strings in both languages', () => {
  const en = dictionaries.en;
  const ko = dictionaries.ko;

  it('has every English key in Korean and no Korean key without an English twin', () => {
    expect(Object.keys(en).length).toBeGreaterThan(300);
    expect(Object.keys(en).filter((k) => !(k in ko))).toEqual([]);
    expect(Object.keys(ko).filter((k) => !(k in en))).toEqual([]);
  });

  it('merges every area file of both languages (a file not imported by its index is dead text)', () => {
    const dir = (lang: string) => fileURLToPath(new URL(`../../../site/i18n/${lang}/`, import.meta.url));
    const areas = (lang: string) => readdirSync(dir(lang)).filter((f) => f.endsWith('.ts') && f !== 'index.ts').sort();
    expect(areas('ko')).toEqual(areas('en'));
    const koIndex = readFileSync(`${dir('ko')}index.ts`, 'utf8');
    const enIndex = readFileSync(fileURLToPath(new URL('../../../site/i18n/index.ts', import.meta.url)), 'utf8');
    for (const file of areas('ko')) expect(koIndex, `ko/${file}`).toContain(`'./${file.replace(/\.ts$/, '.js')}'`);
    for (const file of areas('en')) expect(enIndex, `en/${file}`).toContain(`'./en/${file.replace(/\.ts$/, '.js')}'`);
  });

  it('fills the same placeholders in both', () => {
    const mismatched = Object.keys(en).filter((k) => ko[k] !== undefined && placeholders(en[k]!).join() !== placeholders(ko[k]!).join());
    expect(mismatched).toEqual([]);
  });

  it('writes Korean in the Korean file (a copied English string is a forgotten translation)', () => {
    // Product names and symbols are the same in both languages.
    const productNames = new Set(['site.name']);
    const same = Object.keys(en).filter((k) => !productNames.has(k) && ko[k] === en[k] && /[a-z]{3,}\s+[a-z]{3,}/i.test(en[k]!.replace(/\{\w+\}|`[^`]*`/g, '')));
    expect(same).toEqual([]);
  });

  it('picks the language it is asked for, English by default and for unknown tags', () => {
    expect(t('ex.run')).toBe('Run');
    expect(t('ex.run', undefined, 'ko')).toBe('실행');
    expect(translator('ko')('home.lesson.minutes', { n: 5 })).toBe('5분');
    expect(translator('fr')('ex.run')).toBe('Run');
    expect(translator(undefined).lang).toBe('en');
  });
});

describe('language paths', () => {
  it('maps a page to its twin in the other language and back', () => {
    expect(localizedPath('/lessons/03-kafka/', 'ko')).toBe('/ko/lessons/03-kafka/');
    expect(localizedPath('/ko/lessons/03-kafka/', 'en')).toBe('/lessons/03-kafka/');
    expect(localizedPath('/', 'ko')).toBe('/ko/');
    expect(localizedPath('/ko', 'en')).toBe('/');
    expect(unlocalizedPath('/korea/')).toBe('/korea/');
    expect(langOfPath('/ko/lab/')).toBe('ko');
    expect(langOfPath('/kotlin/')).toBe('en');
  });

  it('follows the first supported browser language', () => {
    expect(preferredLang(['ko-KR', 'en-US'])).toBe('ko');
    expect(preferredLang(['fr-FR', 'ko'])).toBe('ko');
    expect(preferredLang(['fr-FR'])).toBe('en');
    expect(preferredLang([])).toBe('en');
  });
});
