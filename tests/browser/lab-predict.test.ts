/**
 * Predictions in the Lab (issue 29), in real Chromium: the default preset (at-least-once) asks
 * before its first run; answered by keyboard alone (type a number, Tab to the radio group, Space,
 * Ctrl+Enter to run from the form), the run puts each answer beside what it did, in words, with
 * the reason where the guess was wrong. On the Korean page the questions are Korean, and Skip
 * (by keyboard) hides the form without blocking Run. And the exercise's prediction form and
 * grading verdict in the dark theme, for the screenshots.
 * Screenshots: tests/browser/screenshots/lab-predict-form.png, lab-predict-compare.png,
 * predict-form-dark.png, predict-lucky-dark.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, SCREENSHOT_DIR } from './support.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('predictions in the Lab', () => {
  it('predicts the default preset by keyboard, runs with Ctrl+Enter from the form, and compares', { timeout: 120_000 }, async () => {
    const { page, context, errors } = await openPage(browser, '/lab/');
    await page.locator('pipeline-lab[data-ready="true"]').waitFor({ timeout: 60_000 });
    const form = page.locator('.lab-predict');
    await expect(form.isVisible()).resolves.toBe(true);
    await expect(form.locator('h3').textContent()).resolves.toBe('Predict this experiment');
    await expect(form.locator('legend').first().textContent()).resolves.toMatch(/How many documents will Elasticsearch hold\?/);
    await form.screenshot({ path: join(SCREENSHOT_DIR, 'lab-predict-form.png') });

    await form.locator('input[type=number]').focus();
    await page.keyboard.type('3000');
    await page.keyboard.press('Tab'); // to the radio group: its first choice
    await page.keyboard.press('Space');
    await expect(form.locator('.ex-predict__choice:has(input:checked) label').textContent()).resolves.toBe('No: every stage retries until it is acknowledged');
    await page.keyboard.press('Control+Enter');

    const compare = page.locator('.lab-predict-compare');
    await compare.locator('.ex-predict__result').first().waitFor({ timeout: 60_000 });
    const items = compare.locator('.ex-predict__result');
    const first = (await items.nth(0).textContent()) ?? '';
    expect(first).toContain('You predicted: 3000 documents (counts as right within ±100).');
    expect(first).toContain('The run: 3200 documents.');
    expect(first).toContain('Not what happened.');
    expect(first).toContain('Why: After the crash the indexer re-reads');
    const second = (await items.nth(1).textContent()) ?? '';
    expect(second).toContain('You predicted: No: every stage retries until it is acknowledged.');
    expect(second).toContain('Right.');
    await expect(form.isHidden()).resolves.toBe(true);
    await page.locator('.lab-run-results').screenshot({ path: join(SCREENSHOT_DIR, 'lab-predict-compare.png') });

    // Kept with the learner's progress: a reload shows the comparison again, not the form.
    await page.reload();
    await page.locator('pipeline-lab[data-ready="true"]').waitFor({ timeout: 60_000 });
    await expect(page.locator('.lab-predict-compare').textContent()).resolves.toContain('You predicted: 3000 documents');
    await expect(page.locator('.lab-predict').isHidden()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('asks in Korean on the Korean page, and Skip by keyboard hides it without blocking Run', { timeout: 120_000 }, async () => {
    const { page, context } = await openPage(browser, '/ko/lab/');
    await page.locator('pipeline-lab[data-ready="true"]').waitFor({ timeout: 60_000 });
    const form = page.locator('.lab-predict');
    await expect(form.locator('h3').textContent()).resolves.toBe('이 실험을 예측해 보세요');
    await expect(form.locator('legend').first().textContent()).resolves.toMatch(/도큐먼트가 몇 개/);
    await form.locator('.ex-predict__skip').focus();
    await page.keyboard.press('Enter');
    await expect(form.isHidden()).resolves.toBe(true);
    await page.locator('#lab-run').click();
    await page.locator('.lab-summary').waitFor({ timeout: 60_000 });
    // Skipped: no comparison.
    await expect(page.locator('.lab-predict-compare').isHidden()).resolves.toBe(true);
    await context.close();
  });
});

describe('the exercise’s predict and grading sections in the dark theme', () => {
  const LESSON = '02-beats-and-logstash';
  const SLUG = 'ids-that-survive-any-restart';
  const DIR = `lessons/${LESSON}/exercises/${SLUG}`;
  it('renders the form and a refused lucky pipeline', { timeout: 180_000 }, async () => {
    const { page, context } = await openPage(browser, `/lessons/${LESSON}/`, { contextOptions: { colorScheme: 'dark' } });
    const el = page.locator(`pipeline-exercise[data-slug="${SLUG}"]`);
    await el.scrollIntoViewIfNeeded();
    await expect.poll(() => el.getAttribute('data-ready'), { timeout: 30_000 }).toBe('true');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await el.locator('.ex-predict input[type=radio]').nth(1).check();
    await el.locator('.ex-predict').screenshot({ path: join(SCREENSHOT_DIR, 'predict-form-dark.png') });
    const lucky = readFileSync(`${DIR}/starter/web1/filebeat.yml`, 'utf8').replace('output.logstash:', 'processors:\n  - add_id: ~\n\noutput.logstash:');
    const conf = readFileSync(`${DIR}/solution/logstash/pipeline/main.conf`, 'utf8');
    await el.evaluate((node, [fb, ls]) => {
      const island = node as HTMLElement & { setFileText(name: string, text: string): void };
      island.setFileText('web1/filebeat.yml', fb!);
      island.setFileText('logstash/pipeline/main.conf', ls!);
    }, [lucky, conf]);
    await el.locator('.ex-toolbar button', { hasText: /^Run$/ }).click();
    await el.locator('.ex-grading__failing').waitFor({ timeout: 120_000 });
    await el.locator('.ex-verdict-box').screenshot({ path: join(SCREENSHOT_DIR, 'predict-lucky-dark.png') });
    await context.close();
  });
});
