/**
 * Lab follow-ups from issue 21: the "common settings" menu follows a setting typed into the
 * pointer field (it showed the last picked one even after the text changed), and back to
 * "choose" for a pointer it does not list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage } from './support.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

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
});
