/**
 * The grading part of a verdict (issue 29): progress while the grading worker runs, then either
 * "passes on every seed and schedule" or the smallest failing run, with a link that opens that
 * run — same pipeline, same seed, same fault schedule — in the Lab.
 */
import type { GradeReport } from '../../../simulator/exercise/grade.js';
import { describeFault } from '../../../simulator/exercise/grading.js';
import { h, richText } from './dom.js';
import { t, pageLang } from '../../i18n/index.js';
import { localizedPath } from '../../i18n/langs.js';
import { defaultSettings, shareFragment } from '../lab/experiment.js';

export function renderGradingProgress(host: HTMLElement, done: number, total: number): void {
  host.replaceChildren(h('p', { class: 'ex-grading__progress' }, t('gr.running', { done, total })));
}

/** The Lab's address with the failing run in its fragment (the Lab's own share format). */
export async function labHref(pipeline: string, seed: number): Promise<string> {
  const fragment = await shareFragment({ pipeline, seed, settings: defaultSettings() });
  return `${localizedPath('/lab/', pageLang())}#${fragment}`;
}

export async function renderGradeReport(host: HTMLElement, report: GradeReport): Promise<void> {
  const members = report.members;
  if (report.passed) {
    host.replaceChildren(h('p', { class: 'ex-grading__passed' }, members > 0 ? t('gr.passed', { seeds: report.seeds.length, members }) : t('gr.passedSeeds', { seeds: report.seeds.length })));
    return;
  }
  const f = report.failing!;
  const href = await labHref(f.labPipeline, f.seed);
  host.replaceChildren(
    h('p', { class: 'ex-grading__failing' }, f.fault ? t('gr.failingFault', { seed: f.seed, fault: describeFault(f.fault) }) : t('gr.failingSeed', { seed: f.seed })),
    h('ul', { class: 'ex-checks' }, ...f.failed.map((c) => h('li', { class: 'ex-check ex-check--fail' }, h('span', { class: 'ex-check__mark', 'aria-hidden': 'true' }, '✗'), h('span', { class: 'sr-only' }, t('ex.check.failed')), h('strong', {}, richText(c.name)), ' ', h('span', { class: 'ex-check__why' }, richText(c.explanation))))),
    h('p', { class: 'ex-note' }, t('gr.searched', { runs: report.runs })),
    h('p', {}, h('a', { href, class: 'ex-grading__lab', target: '_blank', rel: 'noopener' }, t('gr.openLab'))),
  );
}
