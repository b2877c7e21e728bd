/**
 * The editor's hover docs follow the page's language: on the Korean page of a workspace exercise,
 * hovering a filebeat.yml setting shows its Korean doc (with the Korean default label), and the
 * English page still shows the English doc. The docs come from the JSON Schemas the worker builds
 * for the page's language (simulator/exercise/config-schemas.ts), hovered through monaco-yaml.
 * Screenshot: tests/browser/screenshots/editor-hover-ko.png.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { hydratedExercise, launchBrowser, openPage, SCREENSHOT_DIR } from './support.js';

const LESSON = '02-beats-and-logstash';
const SLUG = 'beats-logstash-es';
const FILEBEAT = 'web1/filebeat.yml';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Shows filebeat.yml, hovers the key `key` and returns the hover's text once it has some. */
async function hoverKey(page: Page, el: Locator, key: string): Promise<string> {
  await el.getByRole('tab', { name: FILEBEAT }).click();
  const editor = el.locator('.monaco-editor');
  const token = editor.locator('.view-line span span', { hasText: new RegExp(`^${key}:?$`) }).first();
  await token.waitFor();
  const hover = page.locator('.monaco-hover:not(.hidden) .hover-contents').first();
  // The yaml worker may still be starting on the first hover: move away and back until it answers.
  for (let attempt = 0; attempt < 10; attempt++) {
    await page.mouse.move(0, 0);
    await token.hover();
    try {
      await hover.waitFor({ state: 'visible', timeout: 3000 });
      const text = (await hover.textContent()) ?? '';
      if (text.trim()) return text;
    } catch {
      // no hover yet
    }
  }
  throw new Error(`no hover on ${key}`);
}

describe('hover docs in the page language', () => {
  it('Korean page: a filebeat.yml setting is explained in Korean', { timeout: 120_000 }, async () => {
    const { page, context, errors } = await openPage(browser, `/ko/lessons/${LESSON}/`);
    const el = await hydratedExercise(page, SLUG);
    const text = await hoverKey(page, el, 'timeout');
    expect(text).toContain('ACK를 이만큼 기다린 뒤 연결을 닫고 배치를 다시 보냅니다.');
    expect(text).toContain('기본값');
    expect(text).not.toContain('Wait this long');
    // The viewport as it is (an element screenshot would scroll, and scrolling closes the hover),
    // once the hover has faded in.
    await page.waitForFunction(() => [...document.querySelectorAll('.monaco-hover:not(.hidden)')].some((h) => getComputedStyle(h).opacity === '1'));
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOT_DIR}editor-hover-ko.png` });

    const section = await hoverKey(page, el, 'output.logstash');
    expect(section).toMatch(/[\uAC00-\uD7A3]/);
    expect(section).toContain('`hosts: ["logstash:5044"]`'.replace(/`/g, ''));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('English page: the same setting is explained in English', { timeout: 120_000 }, async () => {
    const { page, context, errors } = await openPage(browser, `/lessons/${LESSON}/`);
    const el = await hydratedExercise(page, SLUG);
    const text = await hoverKey(page, el, 'timeout');
    expect(text).toContain('Wait this long for an ACK before the connection is closed and the batch resent.');
    expect(text).not.toMatch(/[\uAC00-\uD7A3]/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
