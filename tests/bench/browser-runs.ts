/**
 * The big runs where learners run them: in Chromium's workers, driven through the page like a
 * person would. The Node figures in run-bench.ts time the simulator under Node 20's V8; these
 * time the same work in the browser's V8, including the page's share (messages, result
 * rendering), with a PerformanceObserver('longtask') watching the main thread meanwhile.
 *
 * - the Lambda-vs-Kappa comparison (1,000,000 records) in the exercise island's worker (target 5 s);
 * - the lab sweep of 20 values × 5 seeds × 100,000 records in the Lab page's worker (target 30 s).
 *
 * Usage: `npx tsx tests/bench/browser-runs.ts` (builds the site into a cache folder and serves it).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { SWEEP_BENCH_SPEC } from './sweep-bench.js';
import { exerciseWith, floorInWorker, timedRun, watchLongTasks, withSitePage } from './bench-page.js';
import { floorLine } from './pipeline-floor.js';

const RECORDS = 1_000_000;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** The Lambda-vs-Kappa example with its rate raised so the same timeline holds RECORDS records. */
function comparisonSpec(): string {
  const text = readFileSync(new URL('../../examples/lambda-vs-kappa.yaml', import.meta.url), 'utf8');
  const seconds = Number(/^duration:\s*(\d+)s/m.exec(text)?.[1]);
  return text.replace(/^(\s+rate:)\s*\d+\/s/m, `$1 ${RECORDS / seconds}/s`);
}

function longTaskLine(tasks: number[]): string {
  const longest = tasks.length ? Math.max(...tasks) : 0;
  return `main thread meanwhile: ${tasks.length} long task(s), longest ${Math.round(longest)} ms (budget 50 ms: ${longest <= 50 ? 'within' : 'OVER'})`;
}

async function comparison(page: Page, baseURL: string): Promise<void> {
  const spec = comparisonSpec();
  const el = await exerciseWith(page, baseURL, spec);
  const run = await timedRun(page, el);
  const ms = run.clickToVerdictMs;
  console.log(`comparison run, ${fmt(RECORDS)} records, in the exercise worker: ${fmt(ms)} ms from click to verdict (${fmt(run.workerMs)} ms of it simulating); target < 5,000 ms: ${ms < 5000 ? 'met' : 'missed'}`);
  console.log(longTaskLine(run.longTasks));
  console.log(floorLine(run.workerMs, (await floorInWorker(page, spec, 'lambda-vs-kappa')).ms, 'in a worker of this page'));
}

async function sweep(page: Page, baseURL: string): Promise<void> {
  await page.goto(`${baseURL}/lab/`, { waitUntil: 'load' });
  await page.waitForSelector('pipeline-lab[data-ready="true"]', { timeout: 60_000 });
  await page.evaluate((text) => (document.querySelector('pipeline-lab') as unknown as { setSpecText(t: string): void }).setSpecText(text), SWEEP_BENCH_SPEC);
  await page.locator('[data-slot="sweep"] .lab-pointer').fill('/faults/0/loss');
  await page.fill('#lab-sweep-values', '0..0.19 step 0.01');
  await page.fill('#lab-sweep-seeds', '5');
  await page.waitForTimeout(500);
  const longTasks = await watchLongTasks(page);
  const started = Date.now();
  await page.getByRole('button', { name: 'Run sweep' }).click();
  const status = page.locator('[data-slot="sweep"] .lab-status', { hasText: /Sweep finished/ });
  await status.waitFor({ timeout: 600_000 });
  const ms = Date.now() - started;
  const said = (await status.textContent())?.trim() ?? '';
  console.log(`lab sweep in the Lab page's worker: "${said}" (${fmt(ms)} ms from click to finished); target < 30,000 ms: ${ms < 30_000 ? 'met' : 'missed'}`);
  console.log(longTaskLine(await longTasks()));
}

await withSitePage(async (page, baseURL) => {
  await comparison(page, baseURL);
  await sweep(page, baseURL);
});
