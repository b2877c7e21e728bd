/**
 * Limits and budgets in the exercise island (simulator/spec/limits.ts): a spec too big to run is
 * marked in the editor at the setting responsible before anything runs, and a run that spends its
 * event budget ends with a verdict that says which budget and what the numbers mean.
 */
import { readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage } from './support.js';

const lessonsDir = fileURLToPath(new URL('../../lessons/', import.meta.url));
/** The first lesson with an exercise, and that exercise. */
const target = (() => {
  for (const lesson of readdirSync(lessonsDir).filter((d) => /^\d\d-/.test(d)).sort()) {
    const dir = `${lessonsDir}${lesson}/exercises`;
    const slug = existsSync(dir) ? readdirSync(dir).sort()[0] : undefined;
    if (slug) return { lesson, slug };
  }
  return undefined;
})();

const pipeline = (head: string) => `${head}
workload: { generator: access-log, rate: 2000/s, files: 2, key: status }
nodes:
  filebeat: { type: beats, output: es }
  es: { type: elasticsearch }
`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.skipIf(!target)('limits in the exercise island', () => {
  it('marks a spec too big to run at its duration, and a run out of budget says so in plain words', async () => {
    const { lesson, slug } = target!;
    const { page, errors } = await openPage(browser, `/lessons/${lesson}/`);
    const el = page.locator(`pipeline-exercise[data-slug="${slug}"]`);
    await el.scrollIntoViewIfNeeded();
    await page.locator(`pipeline-exercise[data-slug="${slug}"][data-ready="true"]`).waitFor({ timeout: 30_000 });
    await el.locator('.monaco-editor').waitFor();
    const setText = (text: string) => el.evaluate((node, t) => (node as HTMLElement & { setFileText(n: string, t: string): void }).setFileText('pipeline.yaml', t), text);

    // Two hours at 2,000/s once crashed the tab; now the editor refuses it at `duration` (line 1).
    await setText(pipeline('duration: 2h\ndrain: 60s'));
    const problem = el.locator('.ex-problem--error').first();
    await expect.poll(() => problem.textContent(), { timeout: 10_000 }).toMatch(/14,400,000 records .*the limit is 2,000,000 records per run/);
    await el.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 10_000 });

    await setText(pipeline('duration: 10s\ndrain: 10s\nmax-events: 5'));
    await expect.poll(() => el.locator('.ex-problem--error').count(), { timeout: 10_000 }).toBe(0);
    await el.locator('button', { hasText: /^Run$/ }).click();
    await el.locator('.ex-verdict', { hasText: 'The run was stopped: it used up its budget.' }).waitFor({ timeout: 30_000 });
    expect(await el.locator('.ex-verdict + .ex-note').textContent()).toMatch(/^The run stopped after 5 events, at [\d.]+ s of simulated time\. It stopped after 5 events, its budget \(max-events: 5\): .* records not yet delivered are listed as in flight\.$/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
