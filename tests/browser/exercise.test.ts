/**
 * The exercise island end to end in real Chromium: it hydrates, the editor marks a typo with the
 * simulator's hint, a run shows failed checks with explanations and charts, the solution passes,
 * the terminal answers, the draft survives a reload, a share link restores the same state in a
 * fresh browser, a long run cancels while the page stays responsive, and Run and the file tabs
 * work from the keyboard. Screenshots of each state land in tests/browser/screenshots/.
 */
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { baseURL, launchBrowser, openPage, SCREENSHOT_DIR } from './support.js';
import { mkdirSync } from 'node:fs';
import { firstExercise, lessonsDir } from './first-exercise.js';

/**
 * The first lesson with an exercise, and that exercise (the test drives whichever comes first). Its workspace's
 * first editable file is an Airflow DAG (batch-or-stream: `batch/dags/batch_view.py`), which the test edits.
 */
const target = firstExercise;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type IslandElement = HTMLElement & { fileText(name: string): string; setFileText(name: string, text: string): void };

/** Saves the exercise island (not the whole lesson) as tests/browser/screenshots/<name>.png. */
async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.locator(`pipeline-exercise[data-slug="${target?.slug ?? ''}"]`).screenshot({ path: `${SCREENSHOT_DIR}${name}.png` });
}

function island(page: Page, slug: string): Locator {
  return page.locator(`pipeline-exercise[data-slug="${slug}"]`);
}

async function openExercise(page: Page, slug: string): Promise<Locator> {
  const el = island(page, slug);
  await el.scrollIntoViewIfNeeded();
  await page.locator(`pipeline-exercise[data-slug="${slug}"][data-ready="true"]`).waitFor({ timeout: 30_000 });
  await el.locator('.monaco-editor').waitFor();
  return el;
}

const FILE = target?.file ?? '';
const fileText = (el: Locator) => el.evaluate((node, f) => (node as IslandElement).fileText(f), FILE);
const setFileText = (el: Locator, text: string) => el.evaluate((node, [f, t]) => (node as IslandElement).setFileText(f!, t!), [FILE, text]);

async function runAndWait(el: Locator): Promise<string> {
  await el.locator('button', { hasText: /^Run$/ }).click();
  await el.locator('.ex-verdict').first().waitFor({ timeout: 45_000 });
  return (await el.locator('.ex-verdict').first().textContent()) ?? '';
}

async function terminalText(el: Locator): Promise<string> {
  return (await el.locator('.xterm-rows').textContent()) ?? '';
}

/**
 * A run of seconds, from the real file alone: the batch DAG scheduled every 10 ms recomputes the view from
 * the whole lake 10,000 times over the run (the most the batch-runs limit allows: simulator/spec/limits.ts).
 */
const longRun = (starter: string) => {
  const text = starter.replace(/schedule=timedelta\([^)]*\)/, 'schedule=timedelta(milliseconds=10)');
  if (text === starter) throw new Error(`no schedule=timedelta(…) in ${FILE}`);
  return `# a long run, to cancel\n${text}`;
};

describe.skipIf(!target)('exercise island', () => {
  const { lesson, slug } = target ?? { lesson: '', slug: '' };
  const path = `/lessons/${lesson}/`;

  it('loads, marks a typo with a hint, runs, fails with explanations and charts, then passes with the solution', async () => {
    const { page, errors } = await openPage(browser, path);
    const el = await openExercise(page, slug);
    await screenshot(page, 'exercise-01-loaded');
    const starter = await fileText(el);
    expect(starter).toContain('schedule=');

    // A typo in a DAG argument: the DAG's compiler marks it as Airflow's TypeError and names the arguments it reads.
    await setFileText(el, starter.replace(/\bschedule=/, 'schedlue='));
    const problem = el.locator('.ex-problem--error', { hasText: 'schedlue' }).first();
    await problem.waitFor({ timeout: 10_000 });
    expect(await problem.textContent()).toMatch(/unexpected keyword argument 'schedlue'/);
    expect(await problem.textContent()).toMatch(/\bschedule\b/);
    await el.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 10_000 });
    await screenshot(page, 'exercise-02-typo-marker');
    await setFileText(el, starter);
    await expect.poll(() => el.locator('.ex-problem--error').count(), { timeout: 10_000 }).toBe(0);

    // The starter fails its checks, each with its explanation, and the charts appear.
    const verdict = await runAndWait(el);
    expect(verdict).toMatch(/checks failed/);
    const failed = el.locator('.ex-check--fail').first();
    expect(await failed.locator('.ex-check__why').textContent()).not.toBe('');
    await el.locator('.ex-chart canvas').first().waitFor();
    expect(await el.locator('.ex-chart table').count()).toBeGreaterThan(0);
    await screenshot(page, 'exercise-03-failed-run');

    // The solution, shown as a diff after one attempt, then applied: every check passes.
    await el.locator('button', { hasText: 'Show solution' }).click();
    await el.locator('.ex-diff').first().waitFor();
    expect(await el.locator('.ex-diff__del, .ex-diff__add').count()).toBeGreaterThan(0);
    await screenshot(page, 'exercise-04-solution-diff');
    await el.locator('button', { hasText: 'Put the solution in the editor' }).click();
    expect(await runAndWait(el)).toMatch(/All checks pass/);
    expect(await el.locator('.ex-check--fail').count()).toBe(0);
    await screenshot(page, 'exercise-05-passed');

    // The terminal reads the run: the ledger command prints one column per output, one row per fate.
    await el.locator('.xterm').click();
    await page.keyboard.type('ledger');
    await page.keyboard.press('Enter');
    await expect.poll(() => terminalText(el), { timeout: 10_000 }).toMatch(/OUTPUT\s+\S+[\s\S]*GENERATED\s+\d+/);
    await page.keyboard.type('hel');
    await page.keyboard.press('Tab');
    // Completion asks the worker, so it lands a moment later: wait for it before pressing Enter.
    await expect.poll(() => terminalText(el), { timeout: 10_000 }).toMatch(/\$ help\s*$/);
    await page.keyboard.press('Enter');
    // The help is taller than the terminal: its last commands are what stays in view.
    await expect.poll(() => terminalText(el), { timeout: 10_000 }).toMatch(/ledger[\s\S]*airflow[\s\S]*sim run/);
    await screenshot(page, 'exercise-06-terminal');

    // The ledger view traces a record hop by hop.
    const firstRecord = el.locator('.ex-ledger-list button').first();
    if ((await firstRecord.count()) > 0) {
      await firstRecord.click();
      await el.locator('.ex-hops li').first().waitFor({ timeout: 30_000 });
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('keeps the draft across a reload, and a share link restores the same files and seed elsewhere', async () => {
    const { page, context, errors } = await openPage(browser, path);
    let el = await openExercise(page, slug);
    // Type through the keyboard into Monaco, as a learner would.
    await el.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('# my note\n');
    await el.locator('input.ex-seed').fill('4242');
    await el.locator('input.ex-seed').press('Tab');
    await page.waitForTimeout(800);
    const edited = await fileText(el);
    expect(edited.startsWith('# my note\n')).toBe(true);

    await page.reload();
    el = await openExercise(page, slug);
    expect(await fileText(el)).toBe(edited);
    expect(await el.locator('input.ex-seed').inputValue()).toBe('4242');
    expect(await el.locator('.ex-status').textContent()).toMatch(/draft/);

    await el.locator('button', { hasText: /^Share$/ }).click();
    const url = await el.locator('.ex-share__url').inputValue();
    expect(url).toMatch(/#share=[A-Za-z0-9_-]+$/);
    await screenshot(page, 'exercise-07-share');

    // A new context has no localStorage: the files can only come from the link.
    const other = await openPage(browser, url.replace(/^https?:\/\/[^/]+/, ''));
    const el2 = await openExercise(other.page, slug);
    expect(await fileText(el2)).toBe(edited);
    expect(await el2.locator('input.ex-seed').inputValue()).toBe('4242');
    expect(await el2.locator('.ex-status').textContent()).toMatch(/shared/);

    // A damaged link says so and falls back to the starter.
    const broken = await openPage(browser, `${path}#share=AAAA`);
    const el3 = await openExercise(broken.page, slug);
    expect(await el3.locator('.ex-status').textContent()).toMatch(/damaged/);
    expect([...errors, ...other.errors, ...broken.errors]).toEqual([]);
    await Promise.all([context.close(), other.context.close(), broken.context.close()]);
  });

  it('cancels a long run while the page stays responsive', async () => {
    const { page, errors } = await openPage(browser, path);
    const el = await openExercise(page, slug);
    await setFileText(el, longRun(await fileText(el)));
    await el.locator('button', { hasText: /^Run$/ }).click();
    await expect.poll(() => el.locator('progress').evaluate((p) => (p as HTMLProgressElement).value), { timeout: 20_000 }).toBeGreaterThan(0);
    // The main thread answers at once while the worker runs.
    const started = Date.now();
    await page.evaluate(() => 1 + 1);
    expect(Date.now() - started).toBeLessThan(1000);
    await screenshot(page, 'exercise-08-running');
    await el.locator('button', { hasText: /^Cancel$/ }).click();
    await el.locator('.ex-verdict', { hasText: /cancelled/ }).waitFor({ timeout: 10_000 });
    expect(await el.locator('button', { hasText: /^Run$/ }).isEnabled()).toBe(true);
    await screenshot(page, 'exercise-09-cancelled');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('notices a worker that vanishes silently mid-run (no error event) by its heartbeat', async () => {
    const { page } = await openPage(browser, path);
    const el = await openExercise(page, slug);
    await setFileText(el, longRun(await fileText(el)));
    await el.locator('button', { hasText: /^Run$/ }).click();
    await expect.poll(() => el.locator('progress').evaluate((p) => (p as HTMLProgressElement).value), { timeout: 20_000 }).toBeGreaterThan(0);
    // close() ends the worker without an error event, as when the browser drops it: only the
    // missing heartbeat tells. While a call runs the limit is 10 s (BUSY_HEARTBEAT_LIMIT_MS),
    // far below the 60 s the call's own watchdog would take.
    const sim = page.workers().find((w) => /sim\.worker/.test(w.url()));
    expect(sim).toBeDefined();
    const closedAt = Date.now();
    await sim!.evaluate(() => (self as unknown as { close(): void }).close()).catch(() => undefined);
    const alert = el.locator('div.ex-alert[role="alert"]');
    await alert.waitFor({ state: 'visible', timeout: 15_000 });
    expect(Date.now() - closedAt).toBeLessThan(12_000);
    expect(await alert.textContent()).toMatch(/simulator stopped working/);
    expect(await el.locator('button', { hasText: /^Run$/ }).isEnabled()).toBe(true);
    await page.context().close();
  });

  it('reports a simulator that dies mid-run in plain words, keeps the draft, and restarts it', async () => {
    const context = await browser.newContext({ baseURL: baseURL(), viewport: { width: 1280, height: 900 } });
    // The first copy of the simulator worker dies with an uncaught error as soon as a run starts,
    // the way a worker that runs out of memory or hits a bug does; later copies are the real one.
    let sabotaged = false;
    await context.route(/\/sim\.worker-[^/]*\.js$/, async (route) => {
      const response = await route.fetch();
      let body = await response.text();
      if (!sabotaged) {
        sabotaged = true;
        body += `\nself.addEventListener('message', (e) => { if (e.data && Array.isArray(e.data.path) && e.data.path[0] === 'run') setTimeout(() => { throw new Error('simulated worker crash'); }); });\n`;
      }
      await route.fulfill({ response, body });
    });
    const { page, errors } = await openPage(browser, path, { context });
    const el = await openExercise(page, slug);
    const draft = `${await fileText(el)}\n# my own note, which a crash must not lose\n`;
    await setFileText(el, draft);
    await el.locator('button', { hasText: /^Run$/ }).click();

    const alert = el.locator('div.ex-alert[role="alert"]');
    await alert.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await alert.textContent()).toMatch(/simulator stopped working/);
    expect(await alert.textContent()).toMatch(/Your files are safe/);
    expect(await fileText(el)).toBe(draft);
    expect(await el.locator('button', { hasText: /^Run$/ }).isEnabled()).toBe(true);
    expect(await el.locator('.ex-status').textContent()).not.toMatch(/Running/);
    await screenshot(page, 'exercise-10-worker-crashed');

    await alert.getByRole('button', { name: 'Restart the simulator' }).click();
    expect(await alert.isHidden()).toBe(true);
    await expect.poll(() => el.getAttribute('data-ready'), { timeout: 30_000 }).toBe('true');
    const verdict = await runAndWait(el);
    expect(verdict).not.toBe('');
    expect(await fileText(el)).toBe(draft);
    expect(sabotaged).toBe(true);
    // The crash itself is the only error the page may log.
    expect(errors.filter((e) => !/simulated worker crash/.test(e))).toEqual([]);
    await context.close();
  });

  it('runs from the keyboard alone, and the file tabs follow the arrow keys', async () => {
    const { page, errors } = await openPage(browser, path);
    const el = await openExercise(page, slug);
    const run = el.locator('button', { hasText: /^Run$/ });
    // Reach Run with Tab from the element before it.
    await el.locator('.ex-title').evaluate((h) => {
      h.setAttribute('tabindex', '-1');
      (h as HTMLElement).focus();
    });
    for (let i = 0; i < 10 && !(await run.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await run.evaluate((b) => b === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await el.locator('.ex-verdict').first().waitFor({ timeout: 45_000 });

    const tabs = el.locator('[role="tab"]');
    if ((await tabs.count()) > 1) {
      await tabs.first().focus();
      await page.keyboard.press('ArrowRight');
      expect(await tabs.nth(1).getAttribute('aria-selected')).toBe('true');
      expect(await tabs.nth(1).evaluate((t) => t === document.activeElement)).toBe(true);
    } else {
      // One file: no tab list is shown at all.
      expect(await el.locator('[role="tablist"]').isHidden()).toBe(true);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

/**
 * The first exercise of the course that locks settings inside its files (exercise.yaml `locked:`),
 * with the file and the line that writes a locked `processing-time` (an app's work per record).
 */
const lockedTarget = (() => {
  if (!existsSync(lessonsDir)) return undefined;
  for (const lesson of readdirSync(lessonsDir).filter((d) => /^\d\d-/.test(d)).sort()) {
    const dir = `${lessonsDir}${lesson}/exercises`;
    if (!existsSync(dir)) continue;
    for (const slug of readdirSync(dir).sort()) {
      if (!/^locked:.*processing-time/m.test(readFileSync(`${dir}/${slug}/exercise.yaml`, 'utf8'))) continue;
      const file = ['pipeline.yaml', ...readdirSync(`${dir}/${slug}/starter`).map((host) => `${host}/app.yaml`)].find((f) => existsSync(`${dir}/${slug}/starter/${f}`) && /processing-time:/.test(readFileSync(`${dir}/${slug}/starter/${f}`, 'utf8')));
      if (file) return { lesson, slug, file };
    }
  }
  return undefined;
})();

describe.skipIf(!lockedTarget)('locked settings', () => {
  it('are marked in the editor before the learner touches them, and a change is an error at its line', async () => {
    const { lesson, slug, file } = lockedTarget!;
    const { page, errors } = await openPage(browser, `/lessons/${lesson}/`);
    const el = await openExercise(page, slug);
    // Show the file that writes the locked setting (a workspace has a tab per file).
    const tab = el.getByRole('tab', { name: file });
    if (await tab.count()) await tab.click();
    // Monaco renders only the lines in view: go to the end of the file, where the locked settings stand.
    await el.locator('.monaco-editor textarea').first().focus();
    await page.keyboard.press('Control+End');
    await el.locator('.ex-locked-setting').first().waitFor({ timeout: 10_000 });
    expect(await el.locator('.ex-locked-line').count()).toBeGreaterThan(0);
    // Change the first locked value: the editor marks it as an error naming the lock.
    const text = await el.evaluate((node, f) => (node as IslandElement).fileText(f), file);
    const changed = text.replace(/processing-time: \S+/, 'processing-time: 1ms');
    expect(changed).not.toBe(text);
    await el.evaluate((node, [f, t]) => (node as IslandElement).setFileText(f!, t!), [file, changed]);
    await expect.poll(() => el.locator('.ex-problems').textContent(), { timeout: 10_000 }).toMatch(/is locked in this exercise/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
