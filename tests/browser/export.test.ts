/**
 * Export in real Chromium: the exercise's "Export for real engines" button downloads a zip, and
 * the zip holds the workspace's real files as the exercise runs them, compose.yaml, the log
 * generator, FAULTS.md and README.md. Then the Lab imports that zip back, exports the same files
 * again, and the pipeline runs.
 * Screenshot: tests/browser/screenshots/export-lab-import.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, screenshot, SCREENSHOT_DIR } from './support.js';
import { unzipFiles } from '../../simulator/export/zip.js';

const LESSON = '02-beats-and-logstash';
const SLUG = 'beats-logstash-es';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('export and import in the browser', () => {
  it('an exercise downloads its bundle; the Lab imports it and runs it', { timeout: 180_000 }, async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const { page, errors } = await openPage(browser, `/lessons/${LESSON}/`, { contextOptions: { acceptDownloads: true } });
    const el = page.locator(`pipeline-exercise[data-slug="${SLUG}"]`);
    await el.scrollIntoViewIfNeeded();
    await page.locator(`pipeline-exercise[data-slug="${SLUG}"][data-ready="true"]`).waitFor({ timeout: 60_000 });
    const button = el.getByRole('button', { name: 'Export for real engines' });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), button.click()]);
    expect(download.suggestedFilename()).toBe(`${SLUG}-bundle.zip`);
    const path = join(tmpdir(), `export-${Date.now()}.zip`);
    await download.saveAs(path);
    const files = unzipFiles(new Uint8Array(readFileSync(path)));
    expect([...files.keys()]).toEqual(expect.arrayContaining(['compose.yaml', 'FAULTS.md', 'README.md', 'loggen/generate.sh', 'world.yaml', 'web1/filebeat.yml', 'logstash/pipeline/main.conf']));
    expect(files.get('compose.yaml')).toContain('docker.elastic.co/logstash/logstash:8.15.5');
    expect(files.get('README.md')).toContain('docker compose up -d');
    await expect(el.locator('.ex-status').textContent()).resolves.toContain(`${SLUG}-bundle.zip`);

    // The Lab takes the same zip back: checked, compiled, in the editor, and it runs.
    await page.goto(new URL('/lab/', page.url()).href, { waitUntil: 'load' });
    const picker = page.locator('.import-panel input.import-files');
    await picker.waitFor({ timeout: 60_000 });
    await picker.setInputFiles(path);
    await expect.poll(() => page.locator('.import-status').textContent(), { timeout: 30_000 }).toContain('Imported');
    // Exported again from the Lab, the imported files come back byte for byte.
    const [again] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByRole('button', { name: 'Export for real engines' }).click()]);
    const againPath = join(tmpdir(), `export-again-${Date.now()}.zip`);
    await again.saveAs(againPath);
    expect([...unzipFiles(new Uint8Array(readFileSync(againPath)))]).toEqual([...files]);
    await page.locator('#lab-run').click();
    await expect.poll(() => page.locator('[data-slot="run-results"]').textContent(), { timeout: 90_000 }).toMatch(/\d/);
    await screenshot(page, 'export-lab-import');
    expect(errors).toEqual([]);
  });
});
