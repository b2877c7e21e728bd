/**
 * Lab follow-ups from issue 21: the "common settings" menu follows a setting typed into the
 * pointer field (it showed the last picked one even after the text changed), and back to
 * "choose" for a pointer it does not list; the sweep's status line names the same run as its
 * progress bar throughout (it said "run 1" for the whole sweep); a counterexample that took more
 * runs than its budget says where each run went, and the parts add up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage } from './support.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function loadPreset(page: Page, id: string): Promise<void> {
  await page.selectOption('#lab-preset', id);
  await page.click('#lab-preset-load');
  await page.waitForFunction((name) => (document.querySelector('pipeline-lab') as unknown as { specText(): string }).specText().includes(`name: lab-${name}`), id);
}

describe('lab setting menu', () => {
  it('follows the typed setting', async () => {
    const { page, context } = await openPage(browser, '/lab/');
    await page.waitForSelector('pipeline-lab[data-ready="true"]', { timeout: 30_000 });
    const sweep = page.locator('[data-slot="sweep"]');
    const select = sweep.locator('.lab-param-select');
    // Pick the first listed setting, then type another listed one: the menu must show the typed one.
    const options = await select.locator('option').evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })));
    const listed = options.filter((o) => o.value !== '');
    expect(listed.length).toBeGreaterThan(1);
    await select.selectOption(listed[0]!.value);
    const pointerOf = (text: string) => text.slice(text.lastIndexOf(' — ') + 3);
    await sweep.locator('.lab-pointer').fill(pointerOf(listed[1]!.text));
    expect(await select.inputValue()).toBe(listed[1]!.value);
    await sweep.locator('.lab-pointer').fill('/nodes/nowhere/at-all');
    expect(await select.inputValue()).toBe('');
    await context.close();
  });

  it('the sweep status line names the run the progress bar is on, all the way through', async () => {
    const { page, context, errors } = await openPage(browser, '/lab/');
    await page.waitForSelector('pipeline-lab[data-ready="true"]', { timeout: 30_000 });
    await loadPreset(page, 'at-most-once');
    const sweep = page.locator('[data-slot="sweep"]');
    await sweep.locator('.lab-pointer').fill('/faults/0/loss');
    await page.fill('#lab-sweep-values', '0, 0.1, 0.2');
    await page.fill('#lab-sweep-seeds', '2');
    // Record every state the panel shows while it runs: a mutation callback runs after the progress
    // handler has set both the bar and the status line, so each record is one consistent moment.
    await sweep.evaluate((slot) => {
      const seen: { status: string; text: string; value: number }[] = [];
      (window as unknown as { seen: typeof seen }).seen = seen;
      new MutationObserver(() => {
        const bar = slot.querySelector('progress')!;
        seen.push({ status: slot.querySelector('.lab-status')?.textContent ?? '', text: bar.nextElementSibling?.textContent ?? '', value: bar.value });
      }).observe(slot, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await sweep.getByRole('button', { name: 'Run sweep' }).click();
    await expect.poll(() => sweep.locator('.lab-status').textContent(), { timeout: 90_000 }).toMatch(/Sweep finished: 6 runs/);
    const seen = await page.evaluate(() => (window as unknown as { seen: { status: string; text: string; value: number }[] }).seen);
    const during = seen.filter((s) => s.text !== '' && /^Sweeping/.test(s.status));
    expect(during.length).toBeGreaterThan(0);
    const runsNamed = new Set<number>();
    for (const s of during) {
      const [, run, total] = /run (\d+) of (\d+)/.exec(s.status)!.map(Number) as [number, number, number];
      expect(s.text).toBe(`run ${run} of ${total}`);
      // The bar is somewhere inside that run: past the runs before it, not past the run itself.
      expect(s.value).toBeGreaterThanOrEqual((run - 1) / total - 1e-9);
      expect(s.value).toBeLessThanOrEqual(run / total + 1e-9);
      runsNamed.add(run);
    }
    // It moved on from run 1 (the old status line never did).
    expect(Math.max(...runsNamed)).toBeGreaterThan(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a counterexample search that ran more runs than its budget says where they went, and the parts add up', async () => {
    const { page, context, errors } = await openPage(browser, '/lab/');
    await page.waitForSelector('pipeline-lab[data-ready="true"]', { timeout: 30_000 });
    await loadPreset(page, 'at-most-once');
    const ce = page.locator('[data-slot="counterexample"]');
    await ce.locator('#lab-ce-claim').fill('outputs.es.lost == 0');
    await ce.locator('#lab-ce-budget').fill('3');
    await ce.getByRole('button', { name: 'Search' }).click();
    await page.waitForSelector('.lab-ce-results .lab-summary', { timeout: 90_000 });
    const summary = (await page.locator('.lab-ce-results .lab-summary').textContent()) ?? '';
    expect(summary).toMatch(/breaks with seed \d+ \(\d+ runs;/);
    const runs = Number(/\((\d+) runs;/.exec(summary)![1]);
    // The search is deterministic: this preset breaks at once and shrinking spends its whole budget,
    // so the run count is over the budget and the note must explain it.
    expect(runs).toBeGreaterThan(3);
    const text = (await page.locator('.lab-ce-results .lab-ce-over').textContent()) ?? '';
    const m = /^Why (\d+) runs with a budget of 3: (\d+) to find a run that breaks the claim .*, (\d+) to shrink its fault schedule .* and 1 to confirm/.exec(text);
    expect(m, text).not.toBeNull();
    const [, total, searched, shrinking] = m!.map(Number) as [number, number, number, number];
    expect(total).toBe(runs);
    expect(searched).toBeLessThanOrEqual(3);
    expect(shrinking).toBeLessThanOrEqual(3);
    expect(searched + shrinking + 1).toBe(runs);
    expect(errors).toEqual([]);
    await context.close();
  });
});
