/**
 * Limits and budgets in the exercise island (simulator/spec/limits.ts): a spec too big to run is
 * marked in the editor at the setting responsible before anything runs — in the real file that
 * writes it — and a run that spends its event budget ends with a verdict that says which budget
 * and what the numbers mean.
 */
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator } from 'playwright-core';
import { parse } from 'yaml';
import { baseURL, hydratedExercise, launchBrowser, openPage } from './support.js';
import { lessonsDir } from './first-exercise.js';

const LOGSTASH_YML = 'logstash/logstash.yml';
/** The first exercise whose learner edits a logstash.yml (lesson 1's keep-the-raw-lines): `pipeline.workers` has a limit. */
const target = (() => {
  for (const lesson of readdirSync(lessonsDir).filter((d) => /^\d\d-/.test(d)).sort()) {
    const dir = `${lessonsDir}${lesson}/exercises`;
    for (const slug of existsSync(dir) ? readdirSync(dir).sort() : []) {
      const meta = parse(readFileSync(`${dir}/${slug}/exercise.yaml`, 'utf8')) as { editable: string[] };
      if (meta.editable.includes(LOGSTASH_YML)) return { lesson, slug };
    }
  }
  return undefined;
})();

type IslandElement = HTMLElement & { fileText(name: string): string; setFileText(name: string, text: string): void };
const setText = (el: Locator, file: string, text: string) => el.evaluate((node, [f, t]) => (node as IslandElement).setFileText(f!, t!), [file, text]);
const fileText = (el: Locator, file: string) => el.evaluate((node, f) => (node as IslandElement).fileText(f), file);

/**
 * Serves the lesson page with `slug`'s world.yaml editable (its solution keeps the starter's world). No exercise
 * lets the learner change the simulated world — the run's size and its event budget (`max-events`) live there —
 * so this fixture is the only way to reach those limits from the island; everything else is the real exercise.
 */
async function withEditableWorld(context: BrowserContext, lesson: string, slug: string): Promise<void> {
  await context.route(new RegExp(`/lessons/${lesson}/$`), async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(/(<script type="application\/json" class="ex-data">)([\s\S]*?)(<\/script>)/g, (whole, open: string, json: string, close: string) => {
      const data = JSON.parse(json) as { slug: string; files: Record<string, string>; exercise: { editable: string[]; readonly: string[] } };
      if (data.slug !== slug) return whole;
      data.exercise.editable = ['world.yaml', ...data.exercise.editable];
      data.exercise.readonly = data.exercise.readonly.filter((f) => f !== 'world.yaml');
      data.files['exercise.yaml'] = data.files['exercise.yaml']!.replace(/^editable: \[/m, 'editable: [world.yaml, ').replace(/^(readonly: \[.*?)world\.yaml,? ?/m, '$1');
      data.files['solution/world.yaml'] = data.files['starter/world.yaml']!;
      return `${open}${JSON.stringify(data).replace(/</g, '\\u003c')}${close}`;
    });
    await route.fulfill({ response, body: html });
  });
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.skipIf(!target)('limits in the exercise island', () => {
  it('marks a setting of a real file past its limit at that setting, before anything runs', async () => {
    const { lesson, slug } = target!;
    const { page, errors } = await openPage(browser, `/lessons/${lesson}/`);
    const el = await hydratedExercise(page, slug);
    await el.getByRole('tab', { name: LOGSTASH_YML }).click();
    const yml = await fileText(el, LOGSTASH_YML);
    await setText(el, LOGSTASH_YML, `${yml.trimEnd()}\npipeline.workers: 10000\n`);
    const problem = el.locator('.ex-problem--error').first();
    await expect.poll(() => problem.textContent(), { timeout: 10_000 }).toMatch(/10,000 pipeline workers; the limit is 256/);
    expect(await problem.textContent()).toMatch(new RegExp(`${LOGSTASH_YML.replace(/\./g, '\\.')}:${yml.trimEnd().split('\n').length + 1}:19`));
    await el.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 10_000 });
    await setText(el, LOGSTASH_YML, yml);
    await expect.poll(() => el.locator('.ex-problem--error').count(), { timeout: 10_000 }).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('marks a run too big at its duration, and a run out of budget says so in plain words', async () => {
    const { lesson, slug } = target!;
    const context = await browser.newContext({ baseURL: baseURL(), viewport: { width: 1280, height: 900 } });
    await withEditableWorld(context, lesson, slug);
    const { page, errors } = await openPage(browser, `/lessons/${lesson}/`, { context });
    const el = await hydratedExercise(page, slug);
    const world = await fileText(el, 'world.yaml');
    const withHead = (head: string) => world.replace(/^duration: .*\ndrain: .*$/m, head).replace(/rate: \S+/, 'rate: 2000/s');
    expect(withHead('x')).not.toBe(world);

    // Two hours at 2,000/s once crashed the tab, and is still over the records limit: the editor refuses it at `duration`.
    await setText(el, 'world.yaml', withHead('duration: 2h\ndrain: 60s'));
    const problem = el.locator('.ex-problem--error').first();
    await expect.poll(() => problem.textContent(), { timeout: 10_000 }).toMatch(/14,400,000 records .*the limit is 10,000,000 records per run/);
    await el.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 10_000 });

    await setText(el, 'world.yaml', withHead('duration: 10s\ndrain: 10s\nmax-events: 5'));
    await expect.poll(() => el.locator('.ex-problem--error').count(), { timeout: 10_000 }).toBe(0);
    await el.locator('button', { hasText: /^Run$/ }).click();
    await el.locator('.ex-verdict', { hasText: 'The run was stopped: it used up its budget.' }).waitFor({ timeout: 30_000 });
    expect(await el.locator('.ex-verdict + .ex-note').textContent()).toMatch(/^The run stopped after 5 events, at [\d.]+ s of simulated time\. It stopped after 5 events, its budget \(max-events: 5\): .* records not yet delivered are listed as in flight\.$/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
