/**
 * A workspace exercise in real Chromium: the file tabs show the real paths and work from the
 * keyboard (WAI-ARIA tabs), the Logstash pipeline is highlighted by its own tokenizer, a mistake
 * in it becomes a marker in that file (and a located entry in the problems list), a host nobody
 * runs is marked in filebeat.yml, and the run's checks come from the compiled files.
 * Screenshot: tests/browser/screenshots/workspace-logstash-marker.png.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { hydratedExercise, launchBrowser, openPage, SCREENSHOT_DIR } from './support.js';

const LESSON = '02-beats-and-logstash';
const SLUG = 'beats-logstash-es';
const CONF = 'logstash/pipeline/main.conf';

type IslandElement = HTMLElement & { fileText(name: string): string; setFileText(name: string, text: string): void };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('a workspace exercise in the browser', () => {
  it('real paths in keyboard tabs, Logstash highlighted, a marker on its error', { timeout: 120_000 }, async () => {
    const { page, context, errors } = await openPage(browser, `/lessons/${LESSON}/`);
    const el = await hydratedExercise(page, SLUG);

    const tabs = el.getByRole('tab');
    const names = await tabs.allTextContents();
    expect(names).toEqual(expect.arrayContaining(['web1/filebeat.yml', CONF, 'world.yaml (read-only)']));

    // Keyboard: from the first tab, arrow right until the pipeline's tab is selected.
    await tabs.first().focus();
    for (let i = 0; i < names.length && (await el.getByRole('tab', { selected: true }).textContent()) !== CONF; i++) await page.keyboard.press('ArrowRight');
    await expect(el.getByRole('tab', { selected: true }).textContent()).resolves.toBe(CONF);
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(CONF);

    // Highlighted by the Logstash tokenizer: the plugin, the setting and the string get different colours.
    const editor = el.locator('.monaco-editor');
    await editor.locator('.view-line', { hasText: 'elasticsearch {' }).waitFor();
    const classOf = (text: string) => editor.locator('.view-line span span', { hasText: new RegExp(`^${text.replace(/[[\]{}"]/g, '\\$&')}$`) }).first().getAttribute('class');
    const plugin = await classOf('elasticsearch');
    const setting = await classOf('index');
    const section = await classOf('output');
    const comment = await editor.locator('.view-line span span', { hasText: /^#.Receive/ }).first().getAttribute('class');
    expect(new Set([plugin, setting, section, comment]).size).toBe(4);

    // A setting the elasticsearch output does not have: a marker in this file, with Logstash's words.
    const text = await el.evaluate((node, n) => (node as IslandElement).fileText(n), CONF);
    await el.evaluate((node, [n, t]) => (node as IslandElement).setFileText(n!, t!), [CONF, text.replace('index => "logs"', 'indx => "logs"')]);
    await editor.locator('.squiggly-error').first().waitFor({ timeout: 10_000 });
    const problem = el.locator('.ex-problem', { hasText: "Unknown setting 'indx' for elasticsearch" });
    await problem.waitFor();
    await expect(problem.locator('button').textContent()).resolves.toMatch(/^logstash\/pipeline\/main\.conf:\d+:\d+$/);
    await editor.locator('.view-line', { hasText: 'indx' }).waitFor();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await el.locator('.ex-bench__edit').screenshot({ path: `${SCREENSHOT_DIR}workspace-logstash-marker.png` });

    // A host nobody runs is marked in filebeat.yml, the file that names it.
    await el.evaluate((node, [n, t]) => (node as IslandElement).setFileText(n!, t!), [CONF, text]);
    const fb = await el.evaluate((node) => (node as IslandElement).fileText('web1/filebeat.yml'));
    await el.evaluate((node, t) => (node as IslandElement).setFileText('web1/filebeat.yml', t), fb.replace('logstash:5044', 'logstsh:5044'));
    await el.locator('.ex-problem', { hasText: 'no host "logstsh"' }).locator('button', { hasText: /^web1\/filebeat\.yml:/ }).waitFor({ timeout: 10_000 });
    await el.evaluate((node, t) => (node as IslandElement).setFileText('web1/filebeat.yml', t), fb);
    await el.locator('.ex-problem').first().waitFor({ state: 'detached', timeout: 10_000 });

    // The starter runs from the real files and fails the check the exercise is about.
    await el.locator('button', { hasText: /^Run$/ }).click();
    await page.locator(`pipeline-exercise[data-slug="${SLUG}"]:not([data-running])`).waitFor({ timeout: 60_000 });
    await el.locator('.ex-verdict').first().waitFor();
    await expect(el.locator('.ex-check--fail').allTextContents()).resolves.toEqual([expect.stringMatching(/No line is indexed twice/)]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
