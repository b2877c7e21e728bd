/**
 * A Flink SQL exercise in real Chromium: the worker loads dt-sql-parser only when the exercise has
 * a job.sql (its own chunk), the job's tab is SQL-highlighted, an option the Kafka connector does
 * not have becomes a marker in job.sql, and the starter runs from the real files and fails the
 * check it is about; the solution's two edits pass every check.
 * Screenshot: tests/browser/screenshots/flink-sql-marker.png.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { hydratedExercise, launchBrowser, openPage, SCREENSHOT_DIR } from './support.js';

const LESSON = '05-flink';
const SLUG = 'exactly-once-into-kafka';
const SQL = 'relay/job.sql';
const CONSUMER = 'copier/consumer.properties';

type IslandElement = HTMLElement & { fileText(name: string): string; setFileText(name: string, text: string): void };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function run(page: Page, el: Locator): Promise<void> {
  await el.locator('button', { hasText: /^Run$/ }).click();
  await page.locator(`pipeline-exercise[data-slug="${SLUG}"]:not([data-running])`).waitFor({ timeout: 60_000 });
  await el.locator('.ex-verdict').first().waitFor();
}

describe('a Flink SQL exercise in the browser', () => {
  it('loads the SQL parser on demand, marks a bad option in job.sql, and runs the real files', { timeout: 150_000 }, async () => {
    const { page, context, errors } = await openPage(browser, `/lessons/${LESSON}/`);
    const parserChunks: string[] = [];
    page.on('request', (r) => {
      if (/\/_astro\/(FlinkSqlParser|flink)-[\w-]+\.js$/.test(r.url())) parserChunks.push(r.url());
    });
    const el = await hydratedExercise(page, SLUG);

    const tabs = el.getByRole('tab');
    const names = await tabs.allTextContents();
    expect(names).toEqual(expect.arrayContaining([SQL, 'relay/config.yaml', CONSUMER, 'world.yaml (read-only)']));
    await el.getByRole('tab', { name: SQL }).click();

    // SQL highlighting: a keyword and a string literal are coloured differently.
    const editor = el.locator('.monaco-editor');
    await editor.locator('.view-line', { hasText: 'CREATE TABLE logs' }).waitFor();
    const keyword = await editor.locator('.view-line span span', { hasText: /^CREATE$/ }).first().getAttribute('class');
    const literal = await editor.locator('.view-line span span', { hasText: /^'kafka'$/ }).first().getAttribute('class');
    expect(keyword).not.toBe(literal);

    // An option the Kafka connector does not have: Flink's words, at its line in job.sql.
    const text = await el.evaluate((node, n) => (node as IslandElement).fileText(n), SQL);
    await el.evaluate((node, [n, t]) => (node as IslandElement).setFileText(n!, t!), [SQL, text.replace("'sink.delivery-guarantee'", "'sink.delivery-guarante'")]);
    const problem = el.locator('.ex-problem', { hasText: "Unsupported options found for 'kafka': 'sink.delivery-guarante'" });
    await problem.waitFor({ timeout: 15_000 });
    await expect(problem.locator('button').textContent()).resolves.toBe('relay/job.sql:26:3');
    // The line is below the fold: the problem's location button scrolls the editor to it.
    await problem.locator('button').click();
    await editor.locator('.squiggly-error').first().waitFor({ timeout: 10_000 });
    expect(parserChunks.length).toBeGreaterThan(0);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await el.locator('.ex-bench__edit').screenshot({ path: `${SCREENSHOT_DIR}flink-sql-marker.png` });
    await el.evaluate((node, [n, t]) => (node as IslandElement).setFileText(n!, t!), [SQL, text]);
    // The starter's own warning (the transaction timeout above the broker's maximum) stays.
    await el.locator('.ex-problem--error').first().waitFor({ state: 'detached', timeout: 15_000 });

    // The starter: the broker refuses the KafkaSink's default transaction timeout, nothing arrives.
    await run(page, el);
    await expect(el.locator('.ex-check--fail').allTextContents()).resolves.toEqual(expect.arrayContaining([expect.stringMatching(/The job runs and everything reaches the index/)]));

    // The two real settings of the solution.
    const fixedSql = text.replace("'sink.transactional-id-prefix' = 'relay'\n", "'sink.transactional-id-prefix' = 'relay',\n  'properties.transaction.timeout.ms' = '300000'\n");
    expect(fixedSql).not.toBe(text);
    const props = await el.evaluate((node, n) => (node as IslandElement).fileText(n), CONSUMER);
    await el.evaluate((node, [n, t]) => (node as IslandElement).setFileText(n!, t!), [SQL, fixedSql]);
    await el.evaluate((node, [n, t]) => (node as IslandElement).setFileText(n!, t!), [CONSUMER, `${props}isolation.level=read_committed\n`]);
    await run(page, el);
    await expect(el.locator('.ex-check--fail').count()).resolves.toBe(0);
    // Three outcome checks and the latency budget (the commit waits for the checkpoint).
    await expect(el.locator('.ex-check--pass').count()).resolves.toBe(4);
    expect(errors).toEqual([]);
    await context.close();
  });
});
