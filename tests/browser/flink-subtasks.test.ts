/**
 * A parallel Flink job in the lesson diagram (lesson 5, more-subtasks-than-partitions): eight subtask
 * boxes inside the counter, four reading one partition each and four idle (dashed), with their key
 * groups; in English and Korean, light and dark. Screenshots: tests/browser/screenshots/flink-subtasks-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, SCREENSHOT_DIR } from './support.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const cases = [
  { lang: 'en', path: '/lessons/05-flink/', scheme: 'light', second: '#1 ← p0 · kg 16–31', idle: '#0 ← idle · kg 0–15' },
  { lang: 'ko', path: '/ko/lessons/05-flink/', scheme: 'dark', second: '#1 ← p0 · 키 그룹 16–31', idle: '#0 ← 유휴 · 키 그룹 0–15' },
] as const;

describe('Flink subtasks in the lesson diagram', () => {
  for (const c of cases) {
    it(`shows the counter's eight subtasks, four idle (${c.lang}, ${c.scheme})`, async () => {
      const { page, errors } = await openPage(browser, c.path, { contextOptions: { colorScheme: c.scheme } });
      await page.evaluate((scheme) => document.documentElement.setAttribute('data-theme', scheme), c.scheme);
      const node = page.locator('.pd-node[data-node="counter"]').filter({ has: page.locator('.pd-part--subtask') }).first();
      await node.scrollIntoViewIfNeeded();
      const subtasks = node.locator('.pd-part--subtask');
      await expect.poll(() => subtasks.count()).toBe(8);
      expect(await node.locator('.pd-part--subtask[data-idle]').count()).toBe(4);
      // KafkaSourceEnumerator starts topic `logs` at subtask 1: subtasks 1–4 read p0–p3, 0 and 5–7 are idle.
      expect(await subtasks.nth(1).locator('.pd-part__label').textContent()).toBe(c.second);
      expect(await node.locator('.pd-part--subtask[data-idle] .pd-part__label').first().textContent()).toBe(c.idle);
      // Every label fits inside its box.
      for (const box of await subtasks.all()) {
        const rect = await box.locator('rect').boundingBox();
        const text = await box.locator('text').boundingBox();
        expect(text!.width).toBeLessThanOrEqual(rect!.width);
      }
      await node.screenshot({ path: `${SCREENSHOT_DIR}flink-subtasks-${c.lang}-${c.scheme}.png` });
      expect(errors).toEqual([]);
    });
  }
});
