/**
 * The site shell in real Chromium: the home page lists the lessons with progress, a lesson page
 * has its table of contents, neighbours and diagrams, the theme toggle works by keyboard and is
 * remembered, phones get no sideways scrolling, and axe finds nothing serious.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, screenshot, SCREENSHOT_DIR, baseURL } from './support.js';

const lessonsDir = fileURLToPath(new URL('../../lessons/', import.meta.url));
const lessonIds = existsSync(lessonsDir)
  ? readdirSync(lessonsDir)
      .filter((d) => /^\d\d-/.test(d) && existsSync(`${lessonsDir}${d}/index.mdx`))
      // The course's order is each lesson's frontmatter `order` (5.5 sits between 5 and 6), not its folder name.
      .sort((a, b) => orderOf(a) - orderOf(b))
  : [];
function orderOf(id: string): number {
  const m = /^order:\s*([\d.]+)\s*$/m.exec(readFileSync(`${lessonsDir}${id}/index.mdx`, 'utf8'));
  return m ? Number(m[1]) : Number.POSITIVE_INFINITY;
}
const exercisesOf = (id: string) => (existsSync(`${lessonsDir}${id}/exercises`) ? readdirSync(`${lessonsDir}${id}/exercises`).sort() : []);
const first = lessonIds[0];
const second = lessonIds[1];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

async function tabTo(page: Page, selector: string, maxTabs = 15): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`${selector} is not reachable with Tab`);
}

const theme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);

describe('home page', () => {
  it('says what the course is and lists every lesson in order, with links', async () => {
    const { page, context, errors } = await openPage(browser, '/');
    await expect(page.locator('h1').textContent()).resolves.toMatch(/Pipeline Lab/);
    const cards = page.locator('.lesson-list > li');
    expect(await cards.count()).toBe(lessonIds.length);
    const hrefs = await cards.locator('h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(lessonIds.map((id) => `/lessons/${id}/`));
    await screenshot(page, 'home-light');
    expect(errors).toEqual([]);
    await context.close();
  });

  it.skipIf(!first || exercisesOf(first).length === 0)('shows progress read from localStorage, and follows changes from other tabs', async () => {
    const { page, context, errors } = await openPage(browser, '/');
    const slugs = exercisesOf(first!);
    const badge = page.locator(`[data-lesson="${first}"] [data-progress-badge]`);
    await expect(badge.textContent()).resolves.toBe('Not started');

    await page.evaluate((s) => s.forEach((slug) => localStorage.setItem(`pipeline-lab:progress:${slug}`, 'passed')), slugs);
    await page.reload();
    await expect(badge.textContent()).resolves.toBe('Passed');
    expect(await badge.getAttribute('data-state')).toBe('passed');
    await expect(page.locator('[data-progress-summary]').textContent()).resolves.toMatch(new RegExp(`^${slugs.length} of \\d+ exercises passed$`));

    // Another tab marks one exercise back to merely attempted: the storage event repaints this one.
    const other = await context.newPage();
    await other.goto('/');
    await other.evaluate((slug) => localStorage.setItem(`pipeline-lab:progress:${slug}`, 'attempted'), slugs[0]!);
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-state') === (sel ? 'attempted' : ''), `[data-lesson="${first}"] [data-progress-badge]`);
    if (slugs.length > 1) await expect(badge.textContent()).resolves.toBe(`${slugs.length - 1} of ${slugs.length} passed`);
    await screenshot(page, 'home-progress');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('has no serious or critical accessibility violations, light or dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, context } = await openPage(browser, '/', { contextOptions: { colorScheme } });
      expect(await theme(page)).toBe(colorScheme);
      expect(await seriousViolations(page)).toEqual([]);
      if (colorScheme === 'dark') await screenshot(page, 'home-dark');
      await context.close();
    }
  });

  it('offers a skip link as the first Tab stop that moves focus into the main content', async () => {
    const { page, context } = await openPage(browser, '/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    expect(await page.locator('.skip-link').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await context.close();
  });
});

describe.skipIf(!first)('lesson page', () => {
  it('renders title, objectives, a table of contents that matches the headings, and next/previous links', async () => {
    const { page, context, errors } = await openPage(browser, `/lessons/${first}/`);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('.objectives li').count()).toBeGreaterThanOrEqual(2);
    await expect(page.locator('.lesson-header__meta').textContent()).resolves.toMatch(/About \d+ minutes/);

    const tocTargets = await page.locator('nav.toc a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).hash.slice(1)));
    const headingIds = await page.locator('.prose > h2[id], .prose > h3[id]').evaluateAll((hs) => hs.map((h) => h.id));
    expect(tocTargets.length).toBeGreaterThan(0);
    expect(tocTargets).toEqual(headingIds);
    expect(await page.locator('nav.toc details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);

    // Following a TOC link scrolls its heading into view.
    await page.locator('nav.toc a').nth(1).click();
    await page.waitForFunction((id) => location.hash === `#${id}`, tocTargets[1]);
    const top = await page.locator(`[id="${tocTargets[1]}"]`).evaluate((h) => h.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(200);

    const nav = page.locator('nav.lesson-nav');
    if (second) expect(await nav.locator('a[rel="next"]').getAttribute('href')).toBe(`/lessons/${second}/`);
    expect(await nav.locator('a[rel="prev"]').count()).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'lesson-light');
    expect(errors).toEqual([]);
    await context.close();
  });

  it.skipIf(!second)('links the second lesson back to the first', async () => {
    const { page, context, errors } = await openPage(browser, `/lessons/${second}/`);
    expect(await page.locator('nav.lesson-nav a[rel="prev"]').getAttribute('href')).toBe(`/lessons/${first}/`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('draws each <Diagram> as a labelled SVG with one box per node and a text description', async () => {
    const { page, context } = await openPage(browser, `/lessons/${first}/`);
    const diagrams = page.locator('figure.diagram');
    const count = await diagrams.count();
    if (count === 0) return void (await context.close());
    for (let i = 0; i < count; i++) {
      const svg = diagrams.nth(i).locator('svg[role="img"]');
      const described = await svg.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent ?? '');
      const nodeIds = await svg.locator('.diagram__node').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-node')));
      expect(nodeIds.length).toBeGreaterThan(0);
      for (const id of nodeIds) expect(described).toContain(`${id} is a`);
      // Left to right by data flow: every forward edge ends right of where it starts.
      const edges = await svg.locator('path.diagram__edge:not(.diagram__edge--back)').evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? ''));
      for (const d of edges) {
        const nums = d.match(/-?\d+(\.\d+)?/g)!.map(Number);
        expect(nums[nums.length - 2]!).toBeGreaterThan(nums[0]!);
      }
    }
    for (let i = 0; i < count; i++) {
      await diagrams.nth(i).scrollIntoViewIfNeeded();
      await diagrams.nth(i).screenshot({ path: `${SCREENSHOT_DIR}diagram-${i + 1}.png` });
    }
    await context.close();
  });

  it('toggles the theme from the keyboard and remembers it after a reload', async () => {
    const { page, context, errors } = await openPage(browser, `/lessons/${first}/`, { contextOptions: { colorScheme: 'light' } });
    expect(await theme(page)).toBe('light');
    await tabTo(page, 'button.theme-toggle');
    const toggle = page.locator('button.theme-toggle');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await page.keyboard.press('Enter');
    expect(await theme(page)).toBe('dark');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');

    await page.reload();
    expect(await theme(page)).toBe('dark');
    expect(await page.locator('button.theme-toggle').getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, 'lesson-dark');

    await tabTo(page, 'button.theme-toggle');
    await page.keyboard.press('Space');
    expect(await theme(page)).toBe('light');
    await page.reload();
    expect(await theme(page)).toBe('light');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('applies a saved dark theme before the first paint (no flash of the light theme)', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    await context.addInitScript(() => localStorage.setItem('pipeline-lab:theme', 'dark'));
    const { page } = await openPage(browser, `/lessons/${first}/`, { context });
    // The body's first computed background is recorded as soon as the body exists.
    const paint = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(paint).toBe('rgb(14, 18, 23)');
    await context.close();
  });

  it('has no serious or critical accessibility violations, light or dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, context } = await openPage(browser, `/lessons/${first}/`, { contextOptions: { colorScheme } });
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    }
  });

  it('fits a phone screen without sideways scrolling, with the table of contents folded', async () => {
    const phone = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
    for (const path of ['/', `/lessons/${first}/`]) {
      const { page, context, errors } = await openPage(browser, path, { contextOptions: phone });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
      if (path !== '/') {
        expect(await page.locator('nav.toc details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
        await page.locator('nav.toc summary').click();
        expect(await page.locator('nav.toc details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      }
      await screenshot(page, path === '/' ? 'home-phone' : 'lesson-phone');
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});

describe('not found', () => {
  it('answers an unknown address with a friendly 404 page that leads back to the lessons', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(new URL('/lessons/no-such-lesson/', baseURL()).href);
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/404/);
    expect(await page.locator('main a[href="/#lessons"]').count()).toBe(1);
    await screenshot(page, 'not-found');
    await context.close();
  });
});
