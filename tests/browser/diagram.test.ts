/**
 * The live pipeline diagram in real Chromium: run an exercise whose starter crashes Logstash at
 * 20 s, scrub to just after the crash (Logstash marked crashed, counters of that moment), follow
 * a lost record from the ledger (its path highlighted, the losing hop marked), and use it all
 * from the keyboard. Screenshots (light and dark) go to tests/browser/screenshots/diagram-*.png.
 * The charts over time follow the same scrubber (a time mark and the values read there).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, openPage, SCREENSHOT_DIR } from './support.js';

const LESSON = '02-beats-and-logstash';
const SLUG = 'survive-a-logstash-crash';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function shot(panel: Locator, name: string): Promise<void> {
  await panel.screenshot({ path: `${SCREENSHOT_DIR}diagram-live-${name}.png` });
}

async function openAndRun(page: Page): Promise<{ el: Locator; panel: Locator }> {
  const el = page.locator(`pipeline-exercise[data-slug="${SLUG}"]`);
  await el.scrollIntoViewIfNeeded();
  await page.locator(`pipeline-exercise[data-slug="${SLUG}"][data-ready="true"]`).waitFor({ timeout: 60_000 });
  const panel = el.locator('.pd-panel');
  // Before any run the diagram already shows the pipeline in the editor.
  await panel.locator('.pd-node[data-node="logstash"]').waitFor({ timeout: 30_000 });
  await el.locator('button', { hasText: /^Run$/ }).click();
  await el.locator('.ex-verdict').first().waitFor({ timeout: 60_000 });
  await expect.poll(() => panel.locator('input[type="range"]').isEnabled(), { timeout: 20_000 }).toBe(true);
  return { el, panel };
}

const statusOf = (panel: Locator, node: string) => panel.locator(`.pd-node[data-node="${node}"]`).getAttribute('data-status');
const cell = async (panel: Locator, place: string, column: number) => (await panel.locator(`tr[data-place="${place}"] td`).nth(column).textContent()) ?? '';
const num = (s: string) => Number(s.replace(/,/g, '') || '0');

describe('live pipeline diagram', () => {
  it('scrubs to just after a crash, follows a lost record, and works from the keyboard', async () => {
    const { page, errors } = await openPage(browser, `/lessons/${LESSON}/`, { contextOptions: { colorScheme: 'light' } });
    const { el, panel } = await openAndRun(page);
    const range = panel.locator('input[type="range"]');

    // At the end of the run Logstash is up again; the link counters are final.
    expect(await statusOf(panel, 'logstash')).toBe('up');
    const sentAtEnd = num(await cell(panel, 'filebeat->logstash', 1));
    expect(sentAtEnd).toBeGreaterThan(0);
    await shot(panel, 'end-light');

    // Just after the crash at 20 s: Logstash crashed, described as such, counters of that moment.
    await range.evaluate((input: HTMLInputElement) => {
      input.value = '20500';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(await panel.getAttribute('data-time')).toBe('20500');
    expect(await statusOf(panel, 'logstash')).toBe('crashed');
    expect(await statusOf(panel, 'filebeat')).toBe('up');
    expect(await panel.locator('.pd-node[data-node="logstash"]').getAttribute('aria-label')).toMatch(/Status: crashed/);
    expect(await panel.locator('tr[data-place="logstash"] td').first().textContent()).toBe('crashed');
    const sentThen = num(await cell(panel, 'filebeat->logstash', 1));
    expect(sentThen).toBeGreaterThan(0);
    expect(sentThen).toBeLessThan(sentAtEnd);
    expect(num(await cell(panel, 'logstash', 3))).toBeGreaterThan(0); // copies lost by then (the memory queue)
    await shot(panel, 'after-crash-light');

    // Keyboard only: arrow keys on the slider move time; Next fault jumps to the restart at 25 s.
    await range.focus();
    await page.keyboard.press('ArrowRight');
    expect(await panel.getAttribute('data-time')).toBe('20600');
    await panel.locator('.pd-next-fault').focus();
    await page.keyboard.press('Enter');
    expect(await panel.getAttribute('data-time')).toBe('25000');
    // Nodes: Tab reaches the diagram's one tab stop, arrows move between nodes.
    await panel.locator('.pd-node[tabindex="0"]').focus();
    const first = await page.evaluate(() => (document.activeElement as SVGElement | null)?.dataset.node);
    expect(first).toBe('filebeat');
    await page.keyboard.press('ArrowRight');
    const second = await page.evaluate(() => (document.activeElement as SVGElement | null)?.dataset.node);
    expect(second).toBe('logstash');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).toMatch(/logstash, Logstash\. Status: /);
    await page.keyboard.press('End');
    const last = await page.evaluate(() => (document.activeElement as SVGElement | null)?.dataset.node);
    expect(last).not.toBe('logstash');

    // Follow a lost record from the ledger view: its path lights up, the losing hop is marked.
    const lostRecord = el.locator('.ex-ledger-list button').first();
    await lostRecord.waitFor({ timeout: 20_000 });
    await lostRecord.focus();
    await page.keyboard.press('Enter');
    const follow = panel.locator('.pd-follow');
    await follow.locator('.pd-hop--lost').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => panel.locator('.pd-node[data-node="filebeat"][data-on-path]').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => panel.locator('[data-hop-fate="lost"]').count(), { timeout: 10_000 }).toBe(1);
    expect(await panel.locator('.pd-node[data-node="logstash"][data-on-path]').count()).toBe(1);
    expect(await follow.textContent()).toMatch(/fault: logstash crashed/);
    await shot(panel, 'follow-lost-light');

    // The same in the dark theme.
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    await shot(panel, 'follow-lost-dark');
    await range.evaluate((input: HTMLInputElement) => {
      input.value = '20500';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await shot(panel, 'after-crash-dark');
    expect(errors).toEqual([]);
  });

  it('moves a time mark on the charts over time, with the values read at that moment', async () => {
    const { page, errors } = await openPage(browser, '/lessons/06-lambda/', { contextOptions: { colorScheme: 'light' } });
    const el = page.locator('pipeline-exercise[data-slug="batch-heals-the-speed-layer"]');
    await el.scrollIntoViewIfNeeded();
    await page.locator('pipeline-exercise[data-slug="batch-heals-the-speed-layer"][data-ready="true"]').waitFor({ timeout: 60_000 });
    await el.locator('button', { hasText: /^Run$/ }).click();
    await el.locator('.ex-verdict').first().waitFor({ timeout: 60_000 });
    const panel = el.locator('.pd-panel');
    await expect.poll(() => panel.locator('input[type="range"]').isEnabled(), { timeout: 20_000 }).toBe(true);
    const readouts = el.locator('.ex-charts .ex-chart__at'); // the run's charts, not the metrics panel's
    await expect.poll(() => readouts.count(), { timeout: 20_000 }).toBe(4);

    // The diagram starts at the run's end, and so do the charts' readouts.
    const endMs = Number(await panel.getAttribute('data-time'));
    await expect.poll(async () => (await readouts.first().textContent()) ?? '', { timeout: 10_000 }).toContain(`At ${(endMs / 1000).toFixed(1)} s`);

    // Scrub to 12 s: every readout says so, and the answer chart reads its series and the truth there.
    await panel.locator('input[type="range"]').evaluate((input: HTMLInputElement) => {
      input.value = '12000';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    for (const text of await readouts.allTextContents()) expect(text).toMatch(/^At 12\.0 s \(the diagram's time\): /);
    // The architectures in the order the workspace's serving hosts compile (kappa/, lambda/), then the truth.
    expect(await readouts.first().textContent()).toMatch(/: kappa \S+ · lambda \S+ · truth \S+$/);
    await el.locator('.ex-charts').screenshot({ path: `${SCREENSHOT_DIR}charts-time-mark-light.png` });
    expect(errors).toEqual([]);
  });
});
