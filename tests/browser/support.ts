/**
 * Helpers for browser tests: the system Chromium through playwright-core, pages that collect
 * console errors, and screenshots saved under tests/browser/screenshots/ (git-ignored) to look at.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const SCREENSHOT_DIR = fileURLToPath(new URL('./screenshots/', import.meta.url));

/** The preview server's URL, provided by global-setup.ts. */
export function baseURL(): string {
  return inject('baseURL');
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught exceptions seen so far (a test usually expects none). */
  errors: string[];
}

/**
 * Opens `path` (relative to the preview server) in a fresh context and waits for the load event.
 * Pass `context` to open another page in an existing context (shared localStorage), or
 * `options` for a new context's settings (viewport, colorScheme, …).
 */
export async function openPage(browser: Browser, path: string, options: { context?: BrowserContext; contextOptions?: BrowserContextOptions } = {}): Promise<OpenedPage> {
  const context = options.context ?? (await browser.newContext({ baseURL: baseURL(), viewport: { width: 1280, height: 900 }, ...options.contextOptions }));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'unknown';
    // A navigation cancels the old page's loads still in flight (a lazily fetched font, a
    // worker chunk): Chromium reports them as ERR_ABORTED. That is the test leaving the page,
    // not the page failing; a missing file answers 404 and fails as a response, not here.
    if (reason === 'net::ERR_ABORTED') return;
    errors.push(`request failed: ${request.url()} (${reason})`);
  });
  await page.goto(new URL(path, baseURL()).href, { waitUntil: 'load' });
  return { page, context, errors };
}

/** Saves a full-page PNG as tests/browser/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The exercise island of `slug`, scrolled into view, hydrated, with its editor shown. */
export async function hydratedExercise(page: Page, slug: string): Promise<Locator> {
  const el = page.locator(`pipeline-exercise[data-slug="${slug}"]`);
  await el.scrollIntoViewIfNeeded();
  await page.locator(`pipeline-exercise[data-slug="${slug}"][data-ready="true"]`).waitFor({ timeout: 30_000 });
  await el.locator('.monaco-editor').waitFor({ timeout: 30_000 });
  return el;
}
