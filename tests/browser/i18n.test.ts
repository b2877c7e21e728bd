/**
 * The Korean edition in real Chromium (issue #23): every page exists in both languages with its
 * own `lang` and hreflang links; the language switch keeps the learner on the same exercise with
 * the same draft and remembers the choice; a first visit follows the browser's language; Korean
 * pages are axe-clean and nothing in buttons, tabs, tables or diagram boxes is clipped.
 * Screenshots of the Korean pages land in tests/browser/screenshots/i18n-*.png to look at.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Locator, Page } from 'playwright-core';
import { baseURL, launchBrowser, openPage, screenshot, SCREENSHOT_DIR } from './support.js';
import { firstExercise, lessonsDir } from './first-exercise.js';

const lessons = readdirSync(lessonsDir).filter((d) => /^\d\d-/.test(d) && existsSync(`${lessonsDir}${d}/index.mdx`)).sort();
/** The first lesson with an exercise, and that exercise (its first editable file is the one the draft is written in). */
const target = firstExercise;

/** The deployment address in astro.config.mjs (`site`). */
const SITE = 'https://pipeline-lab.example';

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

const FILE = target?.file ?? '';
const fileText = (el: Locator) => el.evaluate((node, f) => (node as IslandElement).fileText(f), FILE);
const setFileText = (el: Locator, text: string) => el.evaluate((node, [f, t]) => (node as IslandElement).setFileText(f!, t!), [FILE, text]);

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
        // Absolute, as search engines ask: the site's address is `site` in astro.config.mjs.
        expect(html, url).toContain(`<link rel="alternate" hreflang="en" href="${SITE}${path}"`);
        expect(html, url).toContain(`<link rel="alternate" hreflang="ko" href="${SITE}/ko${path}"`);
        expect(html, url).toContain(`<link rel="canonical" href="${SITE}${lang === 'en' ? '' : '/ko'}${path}"`);
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
    // The header, footer and skip link are the Korean ones too, and the switch leads to the same path in English.
    expect(await page.locator('.site-nav').textContent()).toContain('용어집');
    expect(await page.locator('.site-nav a').first().getAttribute('href')).toBe('/ko/#lessons');
    expect(await page.locator('.site-footer').textContent()).toMatch(/[가-힣]/);
    expect(await page.locator('.skip-link').textContent()).toMatch(/[가-힣]/);
    expect(await page.locator('a[data-lang-switch="en"]').getAttribute('href')).toBe('/no-such-page/');
    expect(await page.locator('.theme-toggle').getAttribute('aria-label')).toMatch(/[가-힣]/);
    // Nothing is marked English any more but the switch's own link, which names English in English.
    expect(await page.locator('[lang="en"]:not([data-lang-switch])').count()).toBe(0);
    await screenshot(page, 'i18n-404-ko');
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

/**
 * The simulator's own words on a Korean page (issue #23): a run with faults (lesson 2's lossy link
 * makes duplicates) shows Korean ledger fates, traced hops, check notes, starter comments and
 * terminal help and messages; the terminal draws Hangul in a font that has it.
 */
describe('the simulator speaks Korean on a Korean exercise', () => {
  const LESSON = '02-beats-and-logstash';
  const SLUG = 'beats-logstash-es';
  /** Three English words in a row, outside code: prose a Korean page must not show. */
  const ENGLISH = /\b[a-z]{2,}(?: [a-z]{2,}){2,}\b/i;
  const terminalRows = (el: Locator) => el.locator('.xterm-rows').textContent().then((t) => t ?? '');

  async function typeLine(page: Page, el: Locator, line: string, until: RegExp): Promise<string> {
    await el.locator('.xterm').click();
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
    await expect.poll(() => terminalRows(el), { timeout: 15_000 }).toMatch(until);
    return terminalRows(el);
  }

  it('ledger, hops, check notes, starter comments and the terminal are Korean', { timeout: 180_000 }, async () => {
    const { page, context, errors } = await openPage(browser, `/ko/lessons/${LESSON}/#exercise-${SLUG}`);
    const el = page.locator(`pipeline-exercise[data-slug="${SLUG}"]`);
    await el.scrollIntoViewIfNeeded();
    await page.locator(`pipeline-exercise[data-slug="${SLUG}"][data-ready="true"]`).waitFor({ timeout: 30_000 });
    // The starter's comments are Korean; its settings are the English file's.
    const filebeat = await el.evaluate((node) => (node as IslandElement).fileText('web1/filebeat.yml'));
    expect(filebeat).toMatch(/^# 웹 서버의 Filebeat/);
    expect(filebeat).toContain('hosts: ["logstash:5044"]');

    await el.locator('button', { hasText: /^실행$/ }).click();
    await el.locator('.ex-verdict').first().waitFor({ timeout: 60_000 });
    for (const why of await el.locator('.ex-check__why').allTextContents()) {
      expect(why).not.toMatch(/\bsee (lostAt|duplicatedAt)\b| Hint: |records were still held/);
    }

    // The ledger view: each record's fate, then one record's hops, in Korean.
    await el.locator('.ex-ledger-list button').first().waitFor({ timeout: 30_000 });
    const fates = await el.locator('.ex-ledger-fate').allTextContents();
    expect(fates.length).toBeGreaterThan(0);
    for (const fate of fates) {
      expect(fate).toMatch(/[가-힣]/);
      expect(fate.replace(/`[^`]*`/g, '')).not.toMatch(ENGLISH);
    }
    await el.locator('.ex-ledger-list button').first().click();
    await el.locator('.ex-hops li').nth(1).waitFor({ timeout: 30_000 });
    for (const hop of await el.locator('.ex-hops li, .ex-fates li').allTextContents()) expect(hop, hop).not.toMatch(ENGLISH);
    await el.locator('.ex-story').screenshot({ path: `${SCREENSHOT_DIR}i18n-ledger-ko.png` });

    // The terminal: help, the fault schedule and an unknown command, in Korean; kafka-free tools untouched.
    let text = await typeLine(page, el, 'help', /편집기의 파이프라인 실행/);
    // (The terminal shows its last 16 rows: the last summaries, not the preamble and first commands above them.)
    expect(text).toContain('실행을 살펴보는 AWS CLI');
    expect(text).not.toMatch(/the AWS CLI over the run|run the pipeline in the editor|what happened to every record/);
    text = await typeLine(page, el, 'faults', /일어난 일:/);
    expect(text).toMatch(/일정:/);
    text = await typeLine(page, el, 'nope', /nope: 없는 명령입니다/);
    await el.locator('.xterm').screenshot({ path: `${SCREENSHOT_DIR}i18n-terminal-ko.png` });
    // Hangul is drawn in a face that has it (not as tofu boxes): the rows' font stack lists one.
    const font = await el.locator('.xterm-rows').evaluate((node) => getComputedStyle(node).fontFamily);
    expect(font).toMatch(/NanumGothicCoding|Noto Sans (Mono )?CJK KR|D2Coding|Apple SD Gothic Neo|Malgun Gothic/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
