/**
 * An incident exercise in real Chromium, by keyboard only: the symptom and the paging alert are
 * shown, the verdict and ledger stay closed after the replay, the learner names a cause with the
 * radio group, and only then do the verdict and the ledger open; the answer survives a reload.
 * Screenshot: tests/browser/screenshots/incident-diagnosed.png.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, SCREENSHOT_DIR } from './support.js';

const LESSON = '10-operating';
const SLUG = 'lag-that-never-drains';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('an incident exercise', () => {
  it('symptom first, diagnosis by keyboard, then the ledger opens', { timeout: 180_000 }, async () => {
    const { page, context, errors } = await openPage(browser, `/lessons/${LESSON}/`);
    const el = page.locator(`pipeline-exercise[data-slug="${SLUG}"]`);
    await el.scrollIntoViewIfNeeded();
    await page.locator(`pipeline-exercise[data-slug="${SLUG}"][data-ready="true"]`).waitFor({ timeout: 60_000 });

    const incident = el.getByRole('region', { name: 'The incident' });
    await expect(incident.textContent()).resolves.toContain('enricher: records-lag-max > 1500');
    const ledger = el.locator('.ex-section--ledger');
    await expect(ledger.isHidden()).resolves.toBe(true);

    // Answering before the replay is refused with a reason, not silently.
    const submit = incident.getByRole('button', { name: 'Name this cause' });
    await submit.focus();
    await page.keyboard.press('Enter');
    await expect(incident.getByRole('status').textContent()).resolves.toContain('Replay the incident');

    // Replay with Ctrl+Enter from the Run button; the verdict stays closed.
    await el.getByRole('button', { name: 'Run', exact: true }).focus();
    await page.keyboard.press('Control+Enter');
    await el.locator('.ex-inc[data-replayed="true"]').waitFor({ timeout: 120_000 });
    await expect(el.locator('.ex-inc__closed').isVisible()).resolves.toBe(true);
    await expect(ledger.isHidden()).resolves.toBe(true);
    await expect(el.locator('.ex-verdict-box').isHidden()).resolves.toBe(true);

    // The radio group: focus the first cause, Space picks it (the correct one), Tab to the button, Enter.
    const first = incident.getByRole('radio').first();
    await first.focus();
    await page.keyboard.press('Space');
    await expect(first.isChecked()).resolves.toBe(true);
    await submit.focus();
    await page.keyboard.press('Enter');
    await expect(incident.locator('.ex-verdict--pass').textContent()).resolves.toMatch(/^Right: /);
    await expect(ledger.isVisible()).resolves.toBe(true);
    await expect(el.locator('.ex-inc__closed').isHidden()).resolves.toBe(true);

    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await incident.screenshot({ path: `${SCREENSHOT_DIR}/incident-diagnosed.png` });

    // The diagnosis is kept: after a reload the ledger section is open at once.
    await page.reload();
    await el.scrollIntoViewIfNeeded();
    await page.locator(`pipeline-exercise[data-slug="${SLUG}"][data-ready="true"]`).waitFor({ timeout: 60_000 });
    await expect(el.locator('.ex-inc__answer').isVisible()).resolves.toBe(true);
    await expect(ledger.isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
