/**
 * The Korean edition in real Chromium (issue #23): every page exists in both languages with its
 * own `lang` and hreflang links; the language switch keeps the learner on the same exercise with
 * the same draft and remembers the choice; a first visit follows the browser's language; Korean
 * pages are axe-clean and nothing in buttons, tabs, tables or diagram boxes is clipped.
 * Screenshots of the Korean pages land in tests/browser/screenshots/i18n-*.png to look at.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Locator, Page } from 'playwright-core';
import { baseURL, launchBrowser, openPage, screenshot, SCREENSHOT_DIR } from './support.js';

const lessonsDir = fileURLToPath(new URL('../../lessons/', import.meta.url));
const lessons = readdirSync(lessonsDir).filter((d) => /^\d\d-/.test(d) && existsSync(`${lessonsDir}${d}/index.mdx`)).sort();
/** The first lesson with an exercise, and that exercise. */
const target = (() => {
  for (const lesson of lessons) {
    const dir = `${lessonsDir}${lesson}/exercises`;
    const slug = existsSync(dir) ? readdirSync(dir).sort()[0] : undefined;
    if (slug) return { lesson, slug, translated: existsSync(`${dir}/${slug}/exercise.ko.yaml`) };
  }
  return undefined;
})();

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type IslandElement = HTMLElement & { fileText(name: string): string; setFileText(name: string, text: string): void };

async function openExercise(page: Page, slug: string): Promise<Locator> {
  const el = page.locator(`pipeline-exercise[data-slug="${slug}"]`);
  await el.scrollIntoViewIfNeeded();
  await page.locator(`pipeline-exercise[data-slug="${slug}"][data-ready="true"]`).waitFor({ timeout: 30_000 });
  await el.locator('.monaco-editor').waitFor();
  return el;
}

const fileText = (el: Locator) => el.evaluate((node) => (node as IslandElement).fileText('pipeline.yaml'));
const setFileText = (el: Locator, text: string) => el.evaluate((node, t) => (node as IslandElement).setFileText('pipeline.yaml', t), text);

async function seriousViolations(page: Page, exclude: string[] = []) {
  let builder = new AxeBuilder({ page });
  for (const selector of exclude) builder = builder.exclude(selector);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/**
 * Visible buttons, tabs, table cells and diagram labels whose content does not fit their box:
 * an HTML element that scrolls or hides its overflow, or an SVG label past its node's box.
 */
function clipped(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((scopeSelector) => {
    const out: string[] = [];
    for (const root of document.querySelectorAll(scopeSelector)) {
      for (const el of root.querySelectorAll<HTMLElement>('button, [role="tab"], th, td, .button-link, .lang-switch a, label')) {
        if (el.offsetParent === null) continue;
        const style = getComputedStyle(el);
        const hides = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';
        if (el.scrollWidth > el.clientWidth + 1 && hides) out.push(`${el.tagName.toLowerCase()} “${el.textContent?.trim().slice(0, 40)}” ${el.scrollWidth}>${el.clientWidth}`);
        if (el.scrollHeight > el.clientHeight + 1 && style.overflowY === 'hidden') out.push(`${el.tagName.toLowerCase()} “${el.textContent?.trim().slice(0, 40)}” cut at the bottom`);
      }
      for (const node of root.querySelectorAll<SVGGElement>('.pd-node')) {
        const box = node.querySelector<SVGRectElement>('.pd-node__box');
        if (!box) continue;
        const width = box.width.baseVal.value;
        for (const text of node.querySelectorAll<SVGTextElement>(':scope > text')) {
          if (!text.textContent) continue;
          const b = text.getBBox();
          if (b.x + b.width > width + 1) out.push(`diagram label “${text.textContent.slice(0, 40)}” ends at ${Math.round(b.x + b.width)} in a box ${Math.round(width)} wide`);
        }
      }
    }
    return out;
  }, scope);
}

describe('every page in both languages', () => {
  const pages = ['/', '/lessons/', ...lessons.map((l) => `/lessons/${l}/`), '/lab/', '/glossary/', '/authoring/'];

  it('serves each page at its English and Korean address, with its lang and hreflang alternates', async () => {
    for (const path of pages) {
      for (const [lang, url] of [['en', path], ['ko', `/ko${path}`]] as const) {
        const res = await fetch(new URL(url, baseURL()));
        expect(res.status, url).toBe(200);
        const html = await res.text();
        expect(html, url).toContain(`<html lang="${lang}"`);
        expect(html, url).toContain(`<link rel="alternate" hreflang="en" href="${path}"`);
        expect(html, url).toContain(`<link rel="alternate" hreflang="ko" href="/ko${path}"`);
        expect(html, url).toMatch(new RegExp(`data-lang-switch="${lang === 'en' ? 'ko' : 'en'}"`));
        if (lang === 'ko') expect(html, url).toMatch(/<main[\s\S]*[가-힣][\s\S]*<\/main>/);
      }
    }
  });

  it('shows an untranslated lesson in English under a note, and every lesson links to the glossary', async () => {
    for (const lesson of lessons) {
      const html = await (await fetch(new URL(`/ko/lessons/${lesson}/`, baseURL()))).text();
      const translated = existsSync(`${lessonsDir}${lesson}/index.ko.mdx`);
      expect(html.includes('이 레슨은 아직 번역되지 않았습니다'), lesson).toBe(!translated);
      expect(html, lesson).toContain('href="/ko/glossary/"');
    }
  });

  it('answers a missing Korean page with the Korean not-found text', async () => {
    const { page, context } = await openPage(browser, '/ko/no-such-page/');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
    expect(await page.locator('h1').textContent()).toMatch(/404: 이 레코드는 전달되지 않았습니다/);
    expect(await page.locator('main a').last().getAttribute('href')).toBe('/ko/#lessons');
    await context.close();
  });
});

describe('first visit and the remembered choice', () => {
  it('sends a Korean browser from / to /ko/, and leaves an English one at /', async () => {
    const ko = await openPage(browser, '/', { contextOptions: { locale: 'ko-KR' } });
    await ko.page.waitForURL(/\/ko\/$/);
    expect(await ko.page.evaluate(() => document.documentElement.lang)).toBe('ko');
    await ko.context.close();
    const en = await openPage(browser, '/', { contextOptions: { locale: 'en-US' } });
    expect(new URL(en.page.url()).pathname).toBe('/');
    await en.context.close();
  });
});

describe.skipIf(!target)('the language switch on an exercise', () => {
  const { lesson, slug, translated } = target ?? { lesson: '', slug: '', translated: false };

  it('keeps the exercise, the anchor and the draft, runs in Korean, and remembers the choice', async () => {
    const { page, context, errors } = await openPage(browser, `/lessons/${lesson}/#exercise-${slug}`, { contextOptions: { locale: 'en-US' } });
    let el = await openExercise(page, slug);
    const starter = await fileText(el);
    const draft = `${starter}\n# my own note, kept across languages\n`;
    await setFileText(el, draft);
    // Straight away, inside the draft's save delay: leaving the page must still keep the edit.
    await page.locator('a[data-lang-switch="ko"]').click();
    await page.waitForURL(new RegExp(`/ko/lessons/${lesson}/#exercise-${slug}$`));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
    el = await openExercise(page, slug);
    expect(await fileText(el)).toBe(draft);
    expect(await el.locator('.ex-untranslated').count()).toBe(translated ? 0 : 1);

    await el.locator('button', { hasText: /^실행$/ }).click();
    await el.locator('.ex-verdict').first().waitFor({ timeout: 45_000 });
    expect(await el.locator('.ex-verdict').first().textContent()).toMatch(/검사/);
    await el.locator('.ex-chart canvas').first().waitFor();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await el.screenshot({ path: `${SCREENSHOT_DIR}i18n-exercise-result-ko.png` });
    expect(await clipped(page, 'pipeline-exercise')).toEqual([]);

    // The choice is remembered: the English home now opens in Korean.
    expect(await page.evaluate(() => localStorage.getItem('pipeline-lab:lang'))).toBe('ko');
    await page.goto(new URL('/', baseURL()).href);
    await page.waitForURL(/\/ko\/$/);

    // And back to English on the same exercise, with the same draft.
    await page.goto(new URL(`/ko/lessons/${lesson}/#exercise-${slug}`, baseURL()).href);
    await page.locator('a[data-lang-switch="en"]').click();
    await page.waitForURL(new RegExp(`/lessons/${lesson}/#exercise-${slug}$`));
    el = await openExercise(page, slug);
    expect(await fileText(el)).toBe(draft);
    expect(await page.evaluate(() => localStorage.getItem('pipeline-lab:lang'))).toBe('en');
    // Leaving a page (the switch, the redirect from /) cancels its pending requests: that is not an error.
    expect(errors.filter((e) => !e.includes('net::ERR_ABORTED'))).toEqual([]);
    await context.close();
  });
});

describe('Korean pages: accessibility, clipping, screenshots', () => {
  it('a Korean lesson is axe-clean, unclipped at desktop and phone widths', async () => {
    const lesson = target?.lesson ?? lessons[0]!;
    const { page, context } = await openPage(browser, `/ko/lessons/${lesson}/`);
    expect(await seriousViolations(page, ['.monaco-editor'])).toEqual([]);
    expect(await clipped(page, 'main')).toEqual([]);
    await screenshot(page, 'i18n-lesson-ko');
    const diagram = page.locator('figure.diagram').first();
    if ((await diagram.count()) > 0) await diagram.screenshot({ path: `${SCREENSHOT_DIR}i18n-diagram-ko.png` });
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await clipped(page, 'header, main')).toEqual([]);
    await screenshot(page, 'i18n-lesson-ko-phone');
    await context.close();
  });

  it('the Korean Lab is axe-clean and unclipped', async () => {
    const { page, context, errors } = await openPage(browser, '/ko/lab/');
    await page.locator('#lab-editor .monaco-editor').waitFor({ timeout: 30_000 });
    expect(await page.locator('#lab-run').textContent()).toBe('한 번 실행');
    expect(await seriousViolations(page, ['#lab-editor'])).toEqual([]);
    expect(await clipped(page, 'main')).toEqual([]);
    await screenshot(page, 'i18n-lab-ko');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the glossary lists each term in both languages, axe-clean', async () => {
    const { page, context } = await openPage(browser, '/ko/glossary/');
    expect(await page.locator('#idempotence th').textContent()).toBe('멱등성');
    expect(await page.locator('#idempotence td[lang="en"]').textContent()).toBe('idempotence');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'i18n-glossary-ko');
    await context.close();
  });
});
