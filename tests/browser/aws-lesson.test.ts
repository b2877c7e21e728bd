/**
 * Lesson 09 in real Chromium: the page exists in both languages, a workspace exercise shows its
 * CloudFormation template as a file tab, a property CloudFormation would refuse becomes a marker in
 * aws/template.yaml with CloudFormation's words, and the starter run fails the check it is about.
 * Screenshot: tests/browser/screenshots/aws-template-marker.png.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, SCREENSHOT_DIR } from './support.js';

const LESSON = '09-aws';
const SLUG = 'firehose-retries-duplicate';
const TEMPLATE = 'aws/template.yaml';

/** The exercise island's file API (as the workbench exposes it to tests). */
interface IslandElement extends HTMLElement {
  fileText(name: string): string;
  setFileText(name: string, text: string): void;
}

const browser: Browser = await launchBrowser();
afterAll(() => browser.close());

describe('lesson 09: the same pipeline on AWS', () => {
  it('a CloudFormation template as a workspace file: tab, marker, run', { timeout: 150_000 }, async () => {
    const { page, context, errors } = await openPage(browser, `/lessons/${LESSON}/`);
    await expect(page.locator('h1').first().textContent()).resolves.toMatch(/The same pipeline on AWS/);
    const el = page.locator(`pipeline-exercise[data-slug="${SLUG}"]`);
    await el.scrollIntoViewIfNeeded();
    await page.locator(`pipeline-exercise[data-slug="${SLUG}"][data-ready="true"]`).waitFor({ timeout: 30_000 });
    await el.locator('.monaco-editor').waitFor({ timeout: 30_000 });
    const names = await el.getByRole('tab').allTextContents();
    expect(names).toEqual(expect.arrayContaining([TEMPLATE, 'world.yaml (read-only)', 'logstash/pipeline/main.conf (read-only)']));

    const text = await el.evaluate((node, n) => (node as IslandElement).fileText(n), TEMPLATE);
    await el.evaluate((node, [n, t]) => (node as IslandElement).setFileText(n!, t!), [TEMPLATE, text.replace('ShardCount: 2', 'ShardCounts: 2')]);
    const problem = el.locator('.ex-problem', { hasText: 'extraneous key [ShardCounts] is not permitted' });
    await problem.waitFor({ timeout: 10_000 });
    await expect(problem.locator('button').textContent()).resolves.toMatch(/^aws\/template\.yaml:\d+:\d+$/);
    await el.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 10_000 });
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await el.locator('.ex-bench__edit').screenshot({ path: `${SCREENSHOT_DIR}aws-template-marker.png` });
    await el.evaluate((node, [n, t]) => (node as IslandElement).setFileText(n!, t!), [TEMPLATE, text]);
    await el.locator('.ex-problem').first().waitFor({ state: 'detached', timeout: 10_000 });

    await el.locator('button', { hasText: /^Run$/ }).click();
    await page.locator(`pipeline-exercise[data-slug="${SLUG}"]:not([data-running])`).waitFor({ timeout: 90_000 });
    await el.locator('.ex-verdict').first().waitFor();
    await expect(el.locator('.ex-check--fail').allTextContents()).resolves.toEqual([expect.stringMatching(/No line is indexed twice/)]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the Korean page and the glossary\'s AWS section', { timeout: 60_000 }, async () => {
    const { page, context, errors } = await openPage(browser, `/ko/lessons/${LESSON}/`);
    await expect(page.locator('h1').first().textContent()).resolves.toMatch(/AWS 위의 같은 파이프라인/);
    await page.goto(new URL('/ko/glossary/', page.url()).href);
    await expect(page.locator('#lease th').textContent()).resolves.toBe('리스(KCL)');
    await page.goto(new URL('/', page.url()).href);
    await expect(page.locator(`a[href$="/lessons/${LESSON}/"]`).first().isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
