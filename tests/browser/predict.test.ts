/**
 * Predictions and robust grading in real Chromium (issue 29), on ids-that-survive-any-restart:
 * - predict a record's fate with the keyboard alone (arrow keys in the radio group, Ctrl+Enter to
 *   run), and the verdict puts the prediction beside what the run did; the prediction is stored;
 * - a lucky pipeline (`add_id`) passes the run on the exercise's seed but is refused by grading,
 *   and its smallest failing run opens in the Lab with the same pipeline, seed and schedule.
 * Screenshots: tests/browser/screenshots/predict-form.png, predict-compare.png, predict-lucky.png.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { join } from 'node:path';
import { launchBrowser, openPage, SCREENSHOT_DIR } from './support.js';

const LESSON = '02-beats-and-logstash';
const SLUG = 'ids-that-survive-any-restart';
const DIR = `lessons/${LESSON}/exercises/${SLUG}`;

type IslandElement = HTMLElement & { setFileText(name: string, text: string): void };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The exercise, scrolled into view (which hydrates it) and ready to run. */
async function hydrated(page: Page): Promise<Locator> {
  const island = page.locator(`pipeline-exercise[data-slug="${SLUG}"]`);
  await island.scrollIntoViewIfNeeded();
  await expect.poll(() => island.getAttribute('data-ready'), { timeout: 30_000 }).toBe('true');
  return island;
}

describe('predict, run, compare; grading refuses a lucky pipeline', () => {
  it('predicts by keyboard, runs with Ctrl+Enter, shows the prediction beside the outcome, and keeps it', { timeout: 120_000 }, async () => {
    const { page, context } = await openPage(browser, `/lessons/${LESSON}/`);
    const el = await hydrated(page);
    const form = el.locator('.ex-predict');
    await expect(form.isVisible()).resolves.toBe(true);
    await expect(form.locator('legend').first().textContent()).resolves.toMatch(/Line 51 of access-1\.log/);
    await form.screenshot({ path: join(SCREENSHOT_DIR, 'predict-form.png') });
    // A radio group: focus its first option, arrow down to the second ("arrives more than once").
    await form.locator('input[type=radio]').first().focus();
    await page.keyboard.press('ArrowDown');
    await expect(form.locator('input[type=radio]:checked + label, input[type=radio]:checked ~ label').first().textContent()).resolves.toBe('arrives more than once');
    await page.keyboard.press('Control+Enter');
    await el.locator('.ex-verdict').first().waitFor({ timeout: 60_000 });
    const compare = el.locator('.ex-predict-compare');
    await compare.locator('.ex-predict__result').waitFor({ timeout: 60_000 });
    const text = (await compare.textContent()) ?? '';
    expect(text).toContain('You predicted: arrives more than once.');
    expect(text).toContain('The run: arrives more than once.');
    expect(text).toContain('Right.');
    const stored = await page.evaluate((s) => JSON.parse(localStorage.getItem(`pipeline-lab:prediction:${s}`) ?? 'null'), SLUG);
    expect(stored).toMatchObject({ guesses: [{ kind: 'fate', fate: 'duplicated' }], outcomes: [{ kind: 'fate', fate: 'duplicated' }] });
    await el.locator('.ex-bench').screenshot({ path: join(SCREENSHOT_DIR, 'predict-compare.png') });
    // After the first run the form is gone: the comparison shows the answers, which can no longer change.
    await expect(form.isHidden()).resolves.toBe(true);
    await page.reload();
    await hydrated(page);
    await expect(el.locator('.ex-predict-compare').textContent()).resolves.toContain('You predicted: arrives more than once.');
    await context.close();
  });

  it('refuses add_id with its smallest failing run, which opens in the Lab with the same schedule', { timeout: 180_000 }, async () => {
    const { page, context } = await openPage(browser, `/lessons/${LESSON}/`);
    const el = await hydrated(page);
    const lucky = readFileSync(`${DIR}/starter/web1/filebeat.yml`, 'utf8').replace('output.logstash:', 'processors:\n  - add_id: ~\n\noutput.logstash:');
    const conf = readFileSync(`${DIR}/solution/logstash/pipeline/main.conf`, 'utf8');
    await el.evaluate((node, [fb, ls]) => {
      (node as IslandElement).setFileText('web1/filebeat.yml', fb!);
      (node as IslandElement).setFileText('logstash/pipeline/main.conf', ls!);
    }, [lucky, conf]);
    await el.locator('.ex-toolbar button', { hasText: /^Run$/ }).click();
    await el.locator('.ex-verdict').first().waitFor({ timeout: 120_000 });
    await expect(el.locator('.ex-verdict').first().textContent()).resolves.toMatch(/does not pass every run it is graded on/);
    expect(await el.getAttribute('data-passed')).toBe('false');
    const failing = (await el.locator('.ex-grading__failing').textContent()) ?? '';
    expect(failing).toContain('seed 3');
    expect(failing).toContain('crash: web1, at: 2s, restart-after: 500ms');
    await el.locator('.ex-bench').screenshot({ path: join(SCREENSHOT_DIR, 'predict-lucky.png') });
    const href = await el.locator('a.ex-grading__lab').getAttribute('href');
    expect(href).toMatch(/^\/lab\/#share=/);

    const lab = await openPage(browser, href!, { context });
    await lab.page.locator('pipeline-lab[data-ready="true"]').waitFor({ timeout: 60_000 });
    expect(await lab.page.locator('#lab-seed').inputValue()).toBe('3');
    const spec = await lab.page.evaluate(() => (document.querySelector('pipeline-lab') as unknown as { specText(): string }).specText());
    expect(spec).toMatch(/crash: filebeat\s+at: 2s\s+restart-after: 500ms/);
    await context.close();
  });
});
