/**
 * The batch lesson in real Chromium: run the first exercise (a re-run of an INSERT INTO job appends the day
 * again), read the DAG-run grid the worker computed by keyboard — one column per run, one row per task, each
 * cell's state and try number in words — and see the page in Korean.
 * Screenshots: tests/browser/screenshots/batch-dag-grid.png, batch-dag-grid-ko.png.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, SCREENSHOT_DIR } from './support.js';

const LESSON = '05-batch-in-production';
const SLUG = 'rerun-appends-the-day';

const browser: Browser = await launchBrowser();
afterAll(() => browser.close());

describe('lesson: batch in production', () => {
  it('runs the exercise and reads the DAG-run grid by keyboard', { timeout: 150_000 }, async () => {
    const { page, context, errors } = await openPage(browser, `/lessons/${LESSON}/`);
    await expect(page.locator('h1').first().textContent()).resolves.toMatch(/Batch in production/);
    const el = page.locator(`pipeline-exercise[data-slug="${SLUG}"]`);
    await el.scrollIntoViewIfNeeded();
    await page.locator(`pipeline-exercise[data-slug="${SLUG}"][data-ready="true"]`).waitFor({ timeout: 30_000 });
    await el.locator('button', { hasText: /^Run$/ }).click();
    await page.locator(`pipeline-exercise[data-slug="${SLUG}"]:not([data-running])`).waitFor({ timeout: 90_000 });
    await el.locator('.ex-verdict').first().waitFor();
    await expect(el.locator('.ex-check--fail').first().textContent()).resolves.toMatch(/No request is counted twice/);

    const grid = el.getByRole('grid', { name: /DAG runs of batch_view/ });
    await grid.waitFor({ timeout: 10_000 });
    // One row of the task and a column per run: 00:00:00 … 00:01:20, the last one still running at the end.
    await expect(grid.locator('thead th').allTextContents()).resolves.toEqual(['Task', '00:00:00success', '00:00:20success', '00:00:40success', '00:01:00success', '00:01:20running']);
    await expect(grid.locator('tbody th').allTextContents()).resolves.toEqual(['batch_view']);

    // The one cell in the tab order is the newest run's; the arrows walk the runs, Home jumps to the first.
    const selected = el.locator('.dg-selected');
    await grid.locator('td[tabindex="0"]').focus();
    await expect(selected.textContent()).resolves.toBe('Selected: batch_view, run 2026-01-01T00:01:20+00:00: running, try 1');
    await page.keyboard.press('ArrowLeft');
    await expect(selected.textContent()).resolves.toBe('Selected: batch_view, run 2026-01-01T00:01:00+00:00: success, try 1');
    await page.keyboard.press('Home');
    await expect(selected.textContent()).resolves.toBe('Selected: batch_view, run 2026-01-01T00:00:00+00:00: success, try 1');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe('batch_view, run 2026-01-01T00:00:00+00:00: success, try 1');
    // Roving tabindex: the focused cell is now the only one Tab reaches.
    await expect(grid.locator('td[tabindex="0"]').count()).resolves.toBe(1);
    await expect(grid.locator('td[tabindex="0"]').getAttribute('aria-label')).resolves.toMatch(/00:00:00/);

    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await el.locator('.ex-section--dag-grid').screenshot({ path: `${SCREENSHOT_DIR}batch-dag-grid.png` });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the Korean page: the same grid with Korean labels', { timeout: 150_000 }, async () => {
    const { page, context, errors } = await openPage(browser, `/ko/lessons/${LESSON}/`);
    await expect(page.locator('h1').first().textContent()).resolves.toMatch(/운영 환경의 배치/);
    const el = page.locator(`pipeline-exercise[data-slug="${SLUG}"]`);
    await el.scrollIntoViewIfNeeded();
    await page.locator(`pipeline-exercise[data-slug="${SLUG}"][data-ready="true"]`).waitFor({ timeout: 30_000 });
    await el.locator('.ex-toolbar button').first().click();
    await page.locator(`pipeline-exercise[data-slug="${SLUG}"]:not([data-running])`).waitFor({ timeout: 90_000 });
    const grid = el.getByRole('grid', { name: /batch_view의 DAG 실행/ });
    await grid.waitFor({ timeout: 10_000 });
    await grid.locator('td[tabindex="0"]').focus();
    await page.keyboard.press('ArrowLeft');
    await expect(el.locator('.dg-selected').textContent()).resolves.toBe('선택: batch_view, 실행 2026-01-01T00:01:00+00:00: 성공, 시도 1');
    await el.locator('.ex-section--dag-grid').screenshot({ path: `${SCREENSHOT_DIR}batch-dag-grid-ko.png` });
    expect(errors).toEqual([]);
    await context.close();
  });
});
