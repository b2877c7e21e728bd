/**
 * The operator-metrics panel (issue #30) in real Chromium: after a run it draws charts of real
 * metrics with their tables; an alert rule fires at the time worked out by hand and its "Go to"
 * moves the time; in an exercise it follows the diagram's scrubber.
 */
import { readdirSync, existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, screenshot, SCREENSHOT_DIR } from './support.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * 1000 records (100/s for 10 s) into one partition; the consumer takes 50 a poll at 20 ms each,
 * 50/s. Its records-lag-max per second (see tests/scenarios/metrics-operator-view.test.ts):
 * 0 … 0, 31, 100, 150, 200, 250 (9 s), 300, 349, 299, 249 (13 s), 199, 149.
 */
const LAGGING = `name: lab-lagging-consumer
seed: 1
duration: 10s
drain: 4500ms
workload: { generator: access-log, rate: 100/s, files: 1 }
nodes:
  filebeat: { type: beats, output: kafka, topic: logs }
  kafka: { type: kafka, brokers: 1, topics: { logs: { partitions: 1, replication.factor: 1 } } }
  indexer:
    type: consumer
    source: { node: kafka, topic: logs, group.id: indexer, max.poll.records: 50, enable.auto.commit: false }
    commit: before-processing
    processing-time: 20ms
    output: { elasticsearch: { node: es, index: logs } }
  es: { type: elasticsearch }
`;

describe('metrics panel', () => {
  it('in the Lab: draws records-lag-max with its table; "> 200 for 2s" fires at 11 s and resolves at 14 s', async () => {
    const { page, errors } = await openPage(browser, '/lab/');
    await page.waitForSelector('pipeline-lab[data-ready="true"]', { timeout: 30_000 });
    await page.evaluate((text) => (document.querySelector('pipeline-lab') as unknown as { setSpecText(t: string): void }).setSpecText(text), LAGGING);
    await page.click('#lab-run');
    const panel = page.locator('.lab-run-metrics');
    await page.locator('.lab-run-metrics[data-shown="true"]').waitFor({ timeout: 60_000 });
    const lagChart = panel.locator('figure.mx-chart[data-metric="records-lag-max"][data-node="indexer"]');
    await lagChart.locator('canvas').waitFor();
    // The chart has pixels on it, and its table the values.
    const painted = await lagChart.locator('canvas').evaluate((c: HTMLCanvasElement) => {
      const g = c.getContext('2d')!;
      const d = g.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++;
      return n;
    });
    expect(painted).toBeGreaterThan(500);
    await lagChart.locator('summary').click();
    const row = lagChart.locator('tbody tr', { has: page.locator('th', { hasText: /^11$/ }) });
    await expect(row.locator('td').textContent()).resolves.toBe('349');

    await panel.getByLabel('New alert rule').fill('indexer: records-lag-max > 200 for 2s');
    await panel.getByLabel('New alert rule').press('Enter');
    const firing = panel.locator('.mx-alert');
    await expect(firing.count()).resolves.toBe(1);
    // Above 200 from 9 s (250); held at 9, 10, 11 s → fires at 11 s; 199 at 14 s → resolved.
    await expect(firing.getAttribute('data-fired-ms')).resolves.toBe('11000');
    await expect(firing.textContent()).resolves.toMatch(/fired at 11 s \(condition true since 9 s, value 349\); resolved at 14 s/);
    await firing.getByRole('button', { name: 'Go to 11 s' }).click();
    await expect(lagChart.locator('.mx-readout').textContent()).resolves.toBe('At 11.0 s: 349 records');

    await panel.getByLabel('New alert rule').fill('lag > 5');
    await panel.getByRole('button', { name: 'Add rule' }).click();
    await expect(panel.locator('.mx-rule-error').textContent()).resolves.toMatch(/unknown metric `lag`/);
    await screenshot(page, 'metrics-lab');
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.locator('.lab-run-metrics').screenshot({ path: `${SCREENSHOT_DIR}metrics-panel-lab.png` });
    expect(errors).toEqual([]);
  });

  const lessonsDir = fileURLToPath(new URL('../../lessons/', import.meta.url));
  const first = (() => {
    for (const lesson of existsSync(lessonsDir) ? readdirSync(lessonsDir).filter((d) => /^\d\d-/.test(d)).sort() : []) {
      const dir = `${lessonsDir}${lesson}/exercises`;
      const slug = existsSync(dir) ? readdirSync(dir).sort()[0] : undefined;
      if (slug) return { lesson, slug };
    }
    return undefined;
  })();

  it.skipIf(!first)('in an exercise: follows the diagram’s time, and an alert’s "Go to" moves the scrubber', async () => {
    const { page, errors } = await openPage(browser, `/lessons/${first!.lesson}/`);
    const el = page.locator(`pipeline-exercise[data-slug="${first!.slug}"]`);
    await el.scrollIntoViewIfNeeded();
    await page.locator(`pipeline-exercise[data-slug="${first!.slug}"][data-ready="true"]`).waitFor({ timeout: 30_000 });
    await el.locator('button', { hasText: /^Run$/ }).click();
    await el.locator('.ex-verdict').first().waitFor({ timeout: 45_000 });
    const panel = el.locator('.ex-metrics');
    await el.locator('.ex-metrics[data-shown="true"]').waitFor({ timeout: 30_000 });
    const chart = panel.locator('figure.mx-chart').first();
    await chart.locator('canvas').waitFor();
    const node = (await chart.getAttribute('data-node'))!;
    const metric = (await chart.getAttribute('data-metric'))!;
    // Moving the diagram's scrubber moves the readout under every chart.
    await el.locator('.pd-range').evaluate((r: HTMLInputElement) => {
      r.value = '3000';
      r.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expect(chart.locator('.mx-readout').textContent()).resolves.toMatch(/^At 3\.0 s: /);
    // A rule true from the first sample fires at 0 s; its "Go to" sets the diagram to 0 s.
    await panel.getByLabel('New alert rule').fill(`${node}: ${metric} >= -1`);
    await panel.getByLabel('New alert rule').press('Enter');
    await panel.locator('.mx-alert').first().getByRole('button', { name: /^Go to / }).click();
    await expect(el.locator('.pd-panel').getAttribute('data-time')).resolves.toBe(await panel.locator('.mx-alert').first().getAttribute('data-fired-ms'));
    expect(errors).toEqual([]);
  });
});
