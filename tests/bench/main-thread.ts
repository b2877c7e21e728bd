/**
 * Main-thread budget while the simulator works (issue 7): in Chromium, run a 1,000,000-record
 * Filebeat → Logstash → Kafka → Flink → Elasticsearch pipeline through the exercise island's
 * worker, and record the page's long tasks with a PerformanceObserver('longtask'). Prints the
 * longest task against the 50 ms budget. A measurement, not a timed test.
 *
 * Usage: `npx tsx tests/bench/main-thread.ts` (builds the site into a cache folder and serves it;
 * PIPELINE_LAB_SKIP_BUILD=1 serves the existing dist/ instead).
 */
import { FULL_PIPELINE } from './bench-specs.js';
import { exerciseWith, floorInWorker, timedRun, withSitePage } from './bench-page.js';
import { floorLine } from './pipeline-floor.js';

const BUDGET_MS = 50;
const RECORDS = 1_000_000;

await withSitePage(async (page, baseURL) => {
  const el = await exerciseWith(page, baseURL, FULL_PIPELINE(RECORDS));

  const { clickToVerdictMs: wallMs, workerMs, longTasks: tasks } = await timedRun(page, el);
  const verdict = await el.locator('.ex-results .ex-note').first().textContent();
  const longest = tasks.length ? Math.max(...tasks) : 0;
  console.log(`1,000,000-record run in the worker: ${wallMs} ms from click to verdict (${workerMs} ms of it simulating); long tasks watched until the charts have rendered`);
  console.log(`run: ${verdict?.trim() ?? ''}`);
  console.log(floorLine(workerMs, (await floorInWorker(page, FULL_PIPELINE(RECORDS), 'bench-full-pipeline')).ms, 'in a worker of this page'));
  console.log(`long tasks on the main thread during the run: ${tasks.length}${tasks.length ? ` (${tasks.map((t) => Math.round(t)).join(', ')} ms)` : ''}`);
  console.log(`longest main-thread task: ${Math.round(longest)} ms vs budget ${BUDGET_MS} ms → ${longest <= BUDGET_MS ? 'within budget' : 'OVER budget'}`);
});
