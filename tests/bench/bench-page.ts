/** What the browser benches share: a built site in Chromium, the exercise island that hosts their runs, and a long-task watch. */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Locator, Page } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import setup from '../browser/global-setup.js';
import { launchBrowser } from '../browser/support.js';
import type { FloorRun } from './pipeline-floor.js';

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

/** The first lesson that has an exercise, and that exercise. */
export function firstExercise(): { lesson: string; slug: string } {
  const dir = fileURLToPath(new URL('../../lessons/', import.meta.url));
  for (const lesson of readdirSync(dir).filter((d) => /^\d\d-/.test(d)).sort()) {
    const ex = `${dir}${lesson}/exercises`;
    const slug = existsSync(ex) ? readdirSync(ex).sort()[0] : undefined;
    if (slug) return { lesson, slug };
  }
  throw new Error('no lesson has an exercise to host the run');
}

/** Opens the first exercise, waits for it to hydrate, and puts `pipeline` in its editor. */
export async function exerciseWith(page: Page, baseURL: string, pipeline: string): Promise<Locator> {
  const { lesson, slug } = firstExercise();
  await page.goto(`${baseURL}/lessons/${lesson}/`, { waitUntil: 'load' });
  const el = page.locator(`pipeline-exercise[data-slug="${slug}"]`);
  await el.scrollIntoViewIfNeeded();
  await page.locator(`pipeline-exercise[data-slug="${slug}"][data-ready="true"]`).waitFor({ timeout: 60_000 });
  await el.evaluate((node, text) => (node as HTMLElement & { setFileText(n: string, t: string): void }).setFileText('pipeline.yaml', text), pipeline);
  await page.waitForTimeout(1000);
  return el;
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

/** What one timed run in the exercise island measured. */
export interface TimedRun {
  /** Click on Run to the verdict on screen. */
  clickToVerdictMs: number;
  /** The worker's own simulating time (the island's data-wall-ms). */
  workerMs: number;
  /** Main-thread tasks over 50 ms from the click until the results have rendered. */
  longTasks: number[];
}

/** Clicks Run in `el`, times it to the verdict, then lets the results render (charts come one per task) before reading the long tasks. */
export async function timedRun(page: Page, el: Locator): Promise<TimedRun> {
  // Only tasks during the run count: hydration (Monaco, xterm) happened before.
  const longTasks = await watchLongTasks(page);
  const started = Date.now();
  await el.locator('button', { hasText: /^Run$/ }).click();
  await el.locator('.ex-verdict').first().waitFor({ timeout: 300_000 });
  const clickToVerdictMs = Date.now() - started;
  await page.waitForTimeout(2000);
  return { clickToVerdictMs, workerMs: Number(await el.getAttribute('data-wall-ms')), longTasks: await longTasks() };
}

/**
 * Times pipeline-floor.ts on `specText` in a fresh worker of `page`: the same engine as the run it
 * is set against. The worker is floor-worker.ts, bundled by esbuild (the bundler Vite uses).
 */
export async function floorInWorker(page: Page, specText: string, label: string): Promise<FloorRun> {
  const bundle = await build({ entryPoints: [fileURLToPath(new URL('./floor-worker.ts', import.meta.url))], bundle: true, format: 'iife', platform: 'browser', write: false, logLevel: 'silent' });
  const code = bundle.outputFiles[0]!.text;
  return page.evaluate(
    ([code, text, label]) =>
      new Promise<FloorRun>((resolve, reject) => {
        const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
        const worker = new Worker(url);
        worker.onmessage = (e: MessageEvent<FloorRun>) => {
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

