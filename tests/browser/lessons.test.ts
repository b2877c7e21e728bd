/**
 * The course in real Chromium. Every lesson page renders without console errors, with its title,
 * every diagram and exercise its MDX names, an "In the real world" note and a recap. Then one
 * exercise per listed lesson is run in the page: its starter must fail (the check the exercise is about
 * among the failures) and its reference solution, typed into the editor, must pass every check.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, openPage, screenshot } from './support.js';

const lessonsDir = fileURLToPath(new URL('../../lessons/', import.meta.url));
const lessonIds = existsSync(lessonsDir)
  ? readdirSync(lessonsDir)
      .filter((d) => /^\d\d-/.test(d) && existsSync(`${lessonsDir}${d}/index.mdx`))
      .sort()
  : [];

/**
 * Exercises worth running in the browser, with the title of a check their starter fails. A lesson
 * not listed here (a new one) is still rendered and checked above; lessons:check runs its exercises.
 */
const RUN_IN_BROWSER: Record<string, { slug: string; failing: RegExp }> = {
  '01-what-is-a-pipeline': { slug: 'keep-the-raw-lines', failing: /The lake keeps every line/ },
  '02-beats-and-logstash': { slug: 'beats-logstash-es', failing: /No line is indexed twice/ },
  '03-kafka': { slug: 'rewatch-the-broadcast', failing: /Every request since the start is indexed/ },
  '04-delivery-guarantees': { slug: 'exactly-once-through-a-flink-crash', failing: /No request is counted twice in the index/ },
  '05-flink': { slug: 'files-need-checkpoints', failing: /Every part file is finished/ },
  '06-lambda': { slug: 'two-codebases-drift', failing: /The Lambda answer leaves nothing out/ },
  '07-kappa': { slug: 'fix-by-replay', failing: /The Kappa answer leaves nothing out/ },
  '08-lambda-vs-kappa': { slug: 'capstone-kappa', failing: /Nothing is missing from the Kappa answer/ },
};

interface LessonSource {
  title: string;
  exercises: string[];
  diagrams: string[];
}

function readLesson(id: string): LessonSource {
  const mdx = readFileSync(`${lessonsDir}${id}/index.mdx`, 'utf8');
  const title = /^title:\s*(.+)$/m.exec(mdx)?.[1]?.trim().replace(/^"(.*)"$/, '$1') ?? '';
  const all = (re: RegExp) => [...mdx.matchAll(re)].map((m) => m[1]!);
  return { title, exercises: all(/<Exercise slug="([^"]+)"/g), diagrams: all(/<Diagram exercise="([^"]+)"/g) };
}

type IslandElement = HTMLElement & { setFileText(name: string, text: string): void };

/** The files of a solution folder by their path inside it (`pipeline.yaml`, or a workspace's `web1/filebeat.yml`, …). */
function solutionFiles(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const path = `${dir}/${name}`;
    if (statSync(path).isDirectory()) Object.assign(out, solutionFiles(path, `${prefix}${name}/`));
    else out[`${prefix}${name}`] = readFileSync(path, 'utf8');
  }
  return out;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function hydrated(page: Page, slug: string): Promise<Locator> {
  const el = page.locator(`pipeline-exercise[data-slug="${slug}"]`);
  await el.scrollIntoViewIfNeeded();
  await page.locator(`pipeline-exercise[data-slug="${slug}"][data-ready="true"]`).waitFor({ timeout: 30_000 });
  await el.locator('.monaco-editor').waitFor({ timeout: 30_000 });
  return el;
}

/** Clicks Run and waits for the run to end; the island swaps in the new verdict as it clears `data-running`. */
async function run(page: Page, slug: string, el: Locator): Promise<string> {
  await el.locator('button', { hasText: /^Run$/ }).click();
  await page.locator(`pipeline-exercise[data-slug="${slug}"]:not([data-running])`).waitFor({ timeout: 180_000 });
  await el.locator('.ex-verdict').first().waitFor({ timeout: 10_000 });
  return (await el.locator('.ex-verdict').first().textContent()) ?? '';
}

describe.skipIf(lessonIds.length === 0)('lesson pages', () => {
  // The lesson shape (one Recap, a real-world note, two or more exercises) is lessons:check's to enforce,
  // with located messages; here each page is checked to render what its MDX says.
  for (const id of lessonIds) {
    it(`${id} renders its title, diagrams, exercises, real-world note and recap without console errors`, async () => {
      const lesson = readLesson(id);
      const { page, context, errors } = await openPage(browser, `/lessons/${id}/`);
      await expect(page.locator('h1').first().textContent()).resolves.toContain(lesson.title);
      // Every <Diagram> is an SVG drawn from a valid starter, with at least one node.
      const diagrams = page.locator('figure.diagram');
      expect(await diagrams.count()).toBe(lesson.diagrams.length);
      for (let i = 0; i < lesson.diagrams.length; i++) {
        expect(await diagrams.nth(i).locator('.diagram__node').count()).toBeGreaterThan(0);
      }
      // Every <Exercise> loaded (an invalid one renders a warning instead of the island).
      for (const slug of lesson.exercises) {
        await expect(page.locator(`pipeline-exercise[data-slug="${slug}"]`).count()).resolves.toBe(1);
      }
      expect(await page.locator('.callout--warning').filter({ hasText: /exercise/i }).count()).toBe(0);
      expect(await page.locator('.callout--real-world').count()).toBeGreaterThanOrEqual(1);
      await expect(page.locator('h2', { hasText: /^Recap$/ }).count()).resolves.toBe(1);
      await screenshot(page, `lesson-${id}`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});

describe.skipIf(lessonIds.length === 0)('one exercise per lesson, run in Chromium', () => {
  for (const id of lessonIds) {
    const target = RUN_IN_BROWSER[id];
    if (!target) continue;
    it(`${id}: ${target.slug} — the starter fails, the solution passes`, { timeout: 240_000 }, async () => {
      const solution = solutionFiles(`${lessonsDir}${id}/exercises/${target.slug}/solution`);
      const { page, context, errors } = await openPage(browser, `/lessons/${id}/`);
      const el = await hydrated(page, target.slug);

      expect(await run(page, target.slug, el)).toMatch(/checks failed/);
      const failedNames = await el.locator('.ex-check--fail').allTextContents();
      expect(failedNames.join('\n')).toMatch(target.failing);
      await screenshot(page, `lesson-${id}-starter`);

      for (const [name, text] of Object.entries(solution)) await el.evaluate((node, [n, t]) => (node as IslandElement).setFileText(n!, t!), [name, text]);
      expect(await run(page, target.slug, el)).toMatch(/All checks pass/);
      expect(await el.locator('.ex-check--fail').count()).toBe(0);
      await screenshot(page, `lesson-${id}-solution`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
