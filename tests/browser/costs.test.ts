/**
 * The price of a guarantee in the verdict (issue 29): an exercise with a cost budget shows the
 * learner's cost next to the reference solution's, computed when the page was built. The starter of
 * "A checkpoint interval that bounds the replay" (a checkpoint a minute) re-reads the whole topic
 * after the crash and blows its Kafka-bytes budget; one checkpoint a second brings it back to the
 * reference solution's figure. In English and in Korean.
 * Screenshot: tests/browser/screenshots/costs-verdict.png.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { hydratedExercise, launchBrowser, openPage, SCREENSHOT_DIR } from './support.js';

const LESSON = '05-flink';
const SLUG = 'checkpoint-bounds-replay';
const CONFIG = 'indexer/config.yaml';

type IslandElement = HTMLElement & { fileText(name: string): string; setFileText(name: string, text: string): void };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function run(page: Page, el: Locator, label: RegExp): Promise<void> {
  await el.locator('button', { hasText: label }).first().click();
  await page.locator(`pipeline-exercise[data-slug="${SLUG}"]:not([data-running])`).waitFor({ timeout: 60_000 });
  await el.locator('.ex-verdict').first().waitFor();
}

/** "1.38MB" → bytes, as the verdict writes sizes (1024-based). */
function bytesOf(text: string): number {
  const m = /([\d.]+)(B|KB|MB|GB)/.exec(text);
  if (!m) throw new Error(`no size in ${text}`);
  return Number(m[1]) * 1024 ** ['B', 'KB', 'MB', 'GB'].indexOf(m[2]!);
}

describe('cost budgets in the verdict', () => {
  it('shows the learner\'s cost next to the reference solution\'s, failing then passing', { timeout: 180_000 }, async () => {
    const { page, context, errors } = await openPage(browser, `/lessons/${LESSON}/`);
    const el = await hydratedExercise(page, SLUG);

    await run(page, el, /^Run$/);
    const budget = el.locator('.ex-check', { hasText: 'Flink reads at most 1MB from Kafka' });
    await expect(budget.getAttribute('class')).resolves.toContain('ex-check--fail');
    const starterCost = (await budget.locator('.ex-check__cost').textContent()) ?? '';
    expect(starterCost).toMatch(/^Cost — yours: [\d.]+(KB|MB) · reference solution: [\d.]+(KB|MB)\.$/);
    const [yours, reference] = starterCost.split('·').map(bytesOf);
    // A checkpoint a minute: the crash re-reads the whole topic, about twice the reference's bytes.
    expect(yours!).toBeGreaterThan(1.5 * reference!);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await el.locator('.ex-results').first().screenshot({ path: `${SCREENSHOT_DIR}costs-verdict.png` });

    // The fix: one checkpoint a second. The budget holds, at the reference solution's cost.
    const config = await el.evaluate((node, n) => (node as IslandElement).fileText(n), CONFIG);
    await el.evaluate((node, [n, t]) => (node as IslandElement).setFileText(n!, t!), [CONFIG, config.replace('execution.checkpointing.interval: 60 s', 'execution.checkpointing.interval: 1 s')]);
    await run(page, el, /^Run$/);
    await expect(budget.getAttribute('class')).resolves.toContain('ex-check--pass');
    const fixedCost = (await budget.locator('.ex-check__cost').textContent()) ?? '';
    const [mine, ref] = fixedCost.split('·').map(bytesOf);
    expect(mine).toBe(ref);
    // Checks without a budget show no cost line.
    await expect(el.locator('.ex-check', { hasText: 'Nothing is lost' }).locator('.ex-check__cost').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says it in Korean on the Korean page', { timeout: 120_000 }, async () => {
    const { page, context } = await openPage(browser, `/ko/lessons/${LESSON}/`);
    const el = await hydratedExercise(page, SLUG);
    await run(page, el, /^실행$/);
    const line = el.locator('.ex-check__cost').first();
    await expect(line.textContent()).resolves.toMatch(/^비용 — 내 파이프라인: [\d.]+(KB|MB) · 정답: [\d.]+(KB|MB)\.$/);
    await context.close();
  });
});
