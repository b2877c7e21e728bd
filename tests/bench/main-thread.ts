/**
 * Main-thread budget while the simulator works (issue 7): in Chromium, run a 1,000,000-record
 * Filebeat → Logstash → Kafka → Flink → Elasticsearch pipeline through the exercise island's
 * worker, and record the page's long tasks with a PerformanceObserver('longtask'). Prints the
 * longest task against the 50 ms budget. A measurement, not a timed test.
 *
 * Usage: `npx tsx tests/bench/main-thread.ts` (builds the site into a cache folder and serves it;
 * PIPELINE_LAB_SKIP_BUILD=1 serves the existing dist/ instead).
 */
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import setup from '../browser/global-setup.js';
import { FULL_PIPELINE } from './pipeline-bench.js';
import { firstExercise } from './first-exercise.js';

const BUDGET_MS = 50;
const RECORDS = 1_000_000;

async function main(): Promise<void> {
  let baseURL = '';
  const teardown = await setup({ provide: (_key: string, value: string) => (baseURL = value) } as unknown as TestProject);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const { lesson, slug } = firstExercise();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${baseURL}/lessons/${lesson}/`, { waitUntil: 'load' });
    const el = page.locator(`pipeline-exercise[data-slug="${slug}"]`);
    await el.scrollIntoViewIfNeeded();
    await page.locator(`pipeline-exercise[data-slug="${slug}"][data-ready="true"]`).waitFor({ timeout: 60_000 });
    await el.evaluate((node, text) => (node as HTMLElement & { setFileText(n: string, t: string): void }).setFileText('pipeline.yaml', text), FULL_PIPELINE(RECORDS));
    await page.waitForTimeout(1000);

    // Only tasks during the run count: hydration (Monaco, xterm) happened before.
    await page.evaluate(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push(e.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    const started = Date.now();
    await el.locator('button', { hasText: /^Run$/ }).click();
    await el.locator('.ex-verdict').first().waitFor({ timeout: 300_000 });
    const wallMs = Date.now() - started;
    // Results render after the verdict appears (charts one per task); let them finish before reading.
    await page.waitForTimeout(2000);
    const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    const verdict = await el.locator('.ex-results .ex-note').first().textContent();
    const longest = tasks.length ? Math.max(...tasks) : 0;
    console.log(`1,000,000-record run in the worker: ${wallMs} ms wall (click to verdict, including charts)`);
    console.log(`run: ${verdict?.trim() ?? ''}`);
    console.log(`long tasks on the main thread during the run: ${tasks.length}${tasks.length ? ` (${tasks.map((t) => Math.round(t)).join(', ')} ms)` : ''}`);
    console.log(`longest main-thread task: ${Math.round(longest)} ms vs budget ${BUDGET_MS} ms → ${longest <= BUDGET_MS ? 'within budget' : 'OVER budget'}`);
  } finally {
    await browser.close();
    await teardown();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
