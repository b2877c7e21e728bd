/**
 * The run's verdict: how it ended (in words, including an event-budget stop), then each check
 * passed or failed with its one-line explanation, and the warnings the parser raised.
 */
import type { CheckResult, PageResult, SpecIssue } from '../../../workers/api.js';
import { h, richText } from './dom.js';
import { t, pageLang } from '../../i18n/index.js';
import { checkWhyText, simText } from '../../i18n/sim/index.js';
import { checkNumbers, checkSource, checkWhy } from './check-words.js';

export function endedText(result: Pick<PageResult, 'ended' | 'simulatedMs' | 'events' | 'budget'>): string {
  const params = { seconds: (result.simulatedMs / 1000).toFixed(1), events: result.events.toLocaleString('en') };
  const ended = t(`ex.ended.${result.ended}` as const, params);
  return result.ended === 'budget' && result.budget ? `${ended} ${budgetText(result.budget)}` : ended;
}

/** Which budget stopped the run and what that means, in a plain sentence (simulator/spec/limits.ts). */
export function budgetText(stop: NonNullable<PageResult['budget']>): string {
  return t(`limits.budget.${stop.kind}` as const, { used: stop.used.toLocaleString('en'), limit: stop.limit.toLocaleString('en') });
}

/**
 * `reference`: per check, the reference solution's value of a cost budget (island-data.ts), shown
 * next to the learner's whether the budget held or not — a guarantee's price is worth seeing either way.
 */
export function renderVerdict(root: HTMLElement, result: Pick<PageResult, 'ended' | 'simulatedMs' | 'events' | 'budget'>, checks: readonly CheckResult[], passed: boolean, warnings: readonly SpecIssue[], override?: string, reference?: readonly (string | null)[]): void {
  const failed = checks.filter((c) => !c.pass).length;
  const headline =
    override ??
    (result.ended === 'budget'
        ? t('ex.result.budget')
        : checks.length === 0
          ? t('ex.result.noChecks')
          : passed
            ? t('ex.result.passed')
            : t('ex.result.failed', { failed, total: checks.length }));
  root.append(
    h('p', { class: `ex-verdict ex-verdict--${passed ? 'pass' : 'fail'}` }, headline),
    h('p', { class: 'ex-note' }, endedText(result)),
  );
  if (result.ended === 'budget' && !result.budget) root.append(h('p', { class: 'ex-note ex-warn' }, t('ex.result.budgetHelp')));
  if (checks.length > 0) {
    root.append(
      h(
        'ul',
        { class: 'ex-checks', 'aria-label': t('ex.result.checksLabel') },
        ...checks.map((c, i) =>
          h(
            'li',
            { class: c.pass ? 'ex-check ex-check--pass' : 'ex-check ex-check--fail' },
            h('span', { class: 'ex-check__mark', 'aria-hidden': 'true' }, c.pass ? '✓' : '✗'),
            h('span', { class: 'sr-only' }, c.pass ? t('ex.check.passed') : t('ex.check.failed')),
            h('strong', { class: 'ex-check__name' }, richText(c.name)),
            // A passing check says nothing more than its name; a failing one gives both numbers first.
            c.pass ? null : h('span', { class: 'ex-check__numbers' }, checkNumbers(c)),
            typeof reference?.[i] === 'string' ? h('span', { class: 'ex-check__cost' }, t('ex.check.cost', { yours: c.actual, reference: reference[i] })) : null,
            // A long path breaks after a dot on a phone, not in the middle of a name.
            c.pass ? null : h('code', { class: 'ex-check__expr' }, ...checkSource(c).split(/(?<=\.)/).flatMap((part, i) => (i === 0 ? [part] : [h('wbr'), part]))),
            // Without the author's explanation or a place to look, the numbers have said it all.
            c.pass || checkWhy(c) === '' ? null : h('span', { class: 'ex-check__why' }, richText(checkWhyText(checkWhy(c), pageLang()))),
          ),
        ),
      ),
    );
  }
  if (warnings.length > 0) {
    root.append(
      h('p', { class: 'ex-note' }, t('ex.result.warnings')),
      h('ul', { class: 'ex-warnings' }, ...warnings.map((w) => h('li', {}, `${w.file}:${w.line}:${w.column}: ${simText(w.message, pageLang())}${w.hint ? ` — ${simText(w.hint, pageLang())}` : ''}`))),
    );
  }
}
