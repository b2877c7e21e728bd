/**
 * The Lab page in real Chromium: load a preset, run a 2 values × 2 seeds sweep in the lab worker,
 * see its charts and their tables, download the CSV, open the experiment's share link in a fresh
 * context and find the same experiment; a counterfactual shows a fate transition and traces a
 * changed record; a counterexample search finds the at-most-once loss and loads it for replay.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, screenshot } from './support.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function ready(page: Page): Promise<void> {
  await page.waitForSelector('pipeline-lab[data-ready="true"]', { timeout: 30_000 });
}

async function loadPreset(page: Page, id: string): Promise<void> {
  await page.selectOption('#lab-preset', id);
  await page.click('#lab-preset-load');
  await page.waitForFunction((name) => (document.querySelector('pipeline-lab') as unknown as { specText(): string }).specText().includes(`name: lab-${name}`), id);
}

const specText = (page: Page) => page.evaluate(() => (document.querySelector('pipeline-lab') as unknown as { specText(): string }).specText());

async function seriousViolations(page: Page) {
  // Monaco's own DOM (hidden textareas, its minimap) is not ours to fix.
  const results = await new AxeBuilder({ page }).exclude('#lab-editor').analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

describe('lab page', () => {
  it('is linked from the header and runs a sweep with charts, tables, CSV export and a share link', async () => {
    const { page, context, errors } = await openPage(browser, '/', { contextOptions: { acceptDownloads: true } });
    await page.click('.site-nav a[href="/lab/"]');
    await ready(page);
    await loadPreset(page, 'at-most-once');

    await page.locator('[data-slot="sweep"] .lab-pointer').fill('/faults/0/loss');
    await page.fill('#lab-sweep-values', '0, 0.2');
    await page.fill('#lab-sweep-seeds', '2');
    await page.getByRole('button', { name: 'Run sweep' }).click();
    // The charts are drawn before the status line says the sweep finished, so wait for the words.
    await expect.poll(() => page.locator('[data-slot="sweep"] .lab-status').textContent(), { timeout: 60_000 }).toMatch(/Sweep finished: 4 runs/);
    await page.waitForSelector('[data-slot="sweep"] .lab-chart canvas');

    const lost = page.locator('.lab-chart[data-family="lost"]');
    await expect(lost.locator('figcaption').textContent()).resolves.toBe('Records lost');
    await lost.locator('summary').click();
    const rows = lost.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    // No loss on the link → fewer lost records than 20 % loss (the consumer's crash loses some either way).
    const cells = await rows.evaluateAll((trs) => trs.map((tr) => Number(/^(\d+(?:\.\d+)?)/.exec(tr.querySelector('td')?.textContent ?? '')?.[1])));
    expect(cells[0]).toBeLessThan(cells[1]!);
    await screenshot(page, 'lab-sweep-light');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="csv"]')]);
    expect(download.suggestedFilename()).toBe('sweep.csv');
    const csv = readFileSync((await download.path())!, 'utf8').trim().split('\n');
    expect(csv[0]).toMatch(/^param,value,seed,/);
    expect(csv[0]).toContain('es.lost');
    expect(csv).toHaveLength(1 + 4);
    expect(csv[1]).toMatch(/^\/faults\/0\/loss,0,1,/);

    await page.fill('#lab-seed', '7');
    await page.click('#lab-share');
    const url = await page.locator('#lab-share-url').inputValue();
    expect(url).toMatch(/\/lab\/#share=[A-Za-z0-9_-]+$/);
    const original = await specText(page);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();

    // A fresh context (no draft in storage) gets the same experiment from the link alone.
    const other = await openPage(browser, url.replace(/^https?:\/\/[^/]+/, ''));
    await ready(other.page);
    expect(await specText(other.page)).toBe(original);
    expect(await other.page.locator('#lab-seed').inputValue()).toBe('7');
    expect(await other.page.locator('.lab-pointer').first().inputValue()).toBe('/faults/0/loss');
    expect(await other.page.locator('#lab-sweep-values').inputValue()).toBe('0, 0.2');
    expect(await other.page.locator('#lab-sweep-seeds').inputValue()).toBe('2');
    await expect(other.page.locator('.lab-run-status').textContent()).resolves.toMatch(/shared experiment/);
    expect(other.errors).toEqual([]);
    await other.context.close();
  });

  it('shows a counterfactual’s fate transitions and traces a changed record; finds and loads a counterexample', async () => {
    const { page, context, errors } = await openPage(browser, '/lab/', { contextOptions: { colorScheme: 'dark' } });
    await ready(page);
    await loadPreset(page, 'at-most-once');
    const cf = page.locator('[data-slot="counterfactual"]');
    await cf.locator('.lab-pointer').fill('/faults/0/loss');
    await cf.locator('#lab-cf-value').fill('0');
    await cf.getByRole('button', { name: 'Compare' }).click();
    await page.waitForSelector('.lab-transitions tbody tr', { timeout: 60_000 });
    const moves = await page.locator('.lab-transitions tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    expect(moves.some(([output, move, n]) => output === 'es' && move === 'lost→exactlyOnce' && Number(n) > 0)).toBe(true);

    await page.locator('.lab-changes button', { hasText: 'trace before' }).first().click();
    await page.waitForSelector('.lab-story__text', { timeout: 30_000 });
    await expect(page.locator('.lab-story__text').textContent()).resolves.toMatch(/fate:\n\s+es: lost/);

    const ce = page.locator('[data-slot="counterexample"]');
    await ce.locator('#lab-ce-claim').fill('outputs.es.lost == 0');
    await ce.locator('#lab-ce-budget').fill('4');
    await ce.getByRole('button', { name: 'Search' }).click();
    await page.waitForSelector('.lab-ce-results .lab-summary', { timeout: 60_000 });
    await expect(page.locator('.lab-ce-results .lab-summary').textContent()).resolves.toMatch(/breaks with seed \d+/);
    await screenshot(page, 'lab-experiments-dark');
    await page.getByRole('button', { name: 'Load as the current spec' }).click();
    await expect(ce.locator('.lab-status').textContent()).resolves.toMatch(/Run once to replay/);
    expect(await page.locator('#lab-seed').inputValue()).toMatch(/^\d+$/);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
