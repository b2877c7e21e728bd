/** What the browser benches share: a built site in Chromium, the Lab page that hosts their runs, and a long-task watch. */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import setup from '../browser/global-setup.js';
import { launchBrowser } from '../browser/support.js';
import type { ReferenceRun } from './id-reference.js';

/**
 * Builds and serves the site (as the browser tests do), opens one Chromium page and runs `body`
 * on it; cleans up whatever happens and sets a failing exit code on an error.
 */
export async function withSitePage(body: (page: Page, baseURL: string) => Promise<void>): Promise<void> {
  let baseURL = '';
  try {
    const teardown = await setup({ provide: (_key: string, value: string) => (baseURL = value) } as unknown as TestProject);
    const browser = await launchBrowser();
    try {
      await body(await browser.newPage({ viewport: { width: 1280, height: 900 } }), baseURL);
    } finally {
      await browser.close();
      await teardown();
    }
  } catch (error: unknown) {
    console.error(error);
    process.exitCode = 1;
  }
}

/** Starts recording the page's long tasks (PerformanceObserver 'longtask'); the result reads their durations so far. */
export async function watchLongTasks(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  return () => page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
}

/**
 * Opens the Lab page with `spec` in its editor. The Lab hosts the big runs: exercises are workspaces
 * of real files, so a spec written for a bench has no exercise to go in.
 */
export async function openLab(page: Page, baseURL: string, spec: string): Promise<void> {
  await page.goto(`${baseURL}/lab/`, { waitUntil: 'load' });
  await page.waitForSelector('pipeline-lab[data-ready="true"]', { timeout: 60_000 });
  await page.evaluate((text) => (document.querySelector('pipeline-lab') as unknown as { setSpecText(t: string): void }).setSpecText(text), spec);
}

/** Fills the Lab's sweep: the parameter at `pointer`, its values (`0..0.19 step 0.01`, `7`) and how many seeds. */
export async function setSweep(page: Page, pointer: string, values: string, seeds: number): Promise<void> {
  await page.locator('[data-slot="sweep"] .lab-pointer').fill(pointer);
  await page.fill('#lab-sweep-values', values);
  await page.fill('#lab-sweep-seeds', String(seeds));
  await page.waitForTimeout(500);
}

/** What one sweep in the Lab measured: click to "Sweep finished", what the Lab said, and the main thread's long tasks meanwhile. */
export interface TimedSweep {
  /** From the button's click event to the status line saying the sweep finished, timed in the page. */
  clickToFinishedMs: number;
  /** The same span as the test driver sees it (its click and its polling of the page add to it). */
  driverMs: number;
  said: string;
  longTasks: number[];
}

/**
 * Clicks Run sweep and times it to "Sweep finished" inside the page: a capturing click listener
 * notes the click, a MutationObserver the moment the status line says so. Then lets the charts
 * render before reading the long tasks.
 */
export async function timedSweep(page: Page): Promise<TimedSweep> {
  const longTasks = await watchLongTasks(page);
  await page.evaluate(() => {
    const w = window as unknown as { __sweepTimes: { clicked?: number; finished?: number } };
    const times: { clicked?: number; finished?: number } = (w.__sweepTimes = {});
    const slot = document.querySelector('[data-slot="sweep"]')!;
    slot.addEventListener('click', (e) => {
      if ((e.target as HTMLElement).closest('button')?.textContent?.trim() === 'Run sweep') times.clicked ??= performance.now();
    }, { capture: true });
    const observer = new MutationObserver(() => {
      if (times.finished === undefined && /Sweep finished/.test(slot.querySelector('.lab-status')?.textContent ?? '')) {
        times.finished = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(slot, { subtree: true, childList: true, characterData: true });
  });
  const started = Date.now();
  await page.getByRole('button', { name: 'Run sweep' }).click();
  const status = page.locator('[data-slot="sweep"] .lab-status', { hasText: /Sweep finished/ });
  await status.waitFor({ timeout: 600_000 });
  const driverMs = Date.now() - started;
  const times = await page.evaluate(() => (window as unknown as { __sweepTimes: { clicked: number; finished: number } }).__sweepTimes);
  await page.waitForTimeout(2000);
  return { clickToFinishedMs: Math.round(times.finished - times.clicked), driverMs, said: (await status.textContent())?.trim() ?? '', longTasks: await longTasks() };
}

/** One run of `spec` in the Lab's worker: a sweep of its own seed, once. */
export async function labRun(page: Page, baseURL: string, spec: string): Promise<TimedSweep> {
  await openLab(page, baseURL, spec);
  await setSweep(page, '/seed', /^seed:\s*(\d+)/m.exec(spec)?.[1] ?? '1', 1);
  return timedSweep(page);
}

/**
 * Times the id reference (id-reference.ts) on `specText` in a fresh worker of `page`: the same engine
 * as the run it is set against. The worker is reference-worker.ts, bundled by esbuild (the bundler Vite uses).
 */
export async function referenceInWorker(page: Page, specText: string, label: string): Promise<ReferenceRun> {
  const bundle = await build({ entryPoints: [fileURLToPath(new URL('./reference-worker.ts', import.meta.url))], bundle: true, format: 'iife', platform: 'browser', write: false, logLevel: 'silent' });
  const code = bundle.outputFiles[0]!.text;
  return page.evaluate(
    ([code, text, label]) =>
      new Promise<ReferenceRun>((resolve, reject) => {
        const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
        const worker = new Worker(url);
        worker.onmessage = (e: MessageEvent<ReferenceRun>) => {
          worker.terminate();
          URL.revokeObjectURL(url);
          resolve(e.data);
        };
        worker.onerror = (e) => reject(new Error(e.message));
        worker.postMessage({ text, label });
      }),
    [code, specText, label] as const,
  );
}

