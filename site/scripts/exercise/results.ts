/**
 * The run's verdict: how it ended (in words, including an event-budget stop), then each check
 * passed or failed with its one-line explanation, and the warnings the parser raised.
 */
import type { CheckResult, PageResult, SpecIssue } from '../../../workers/api.js';
import { h, richText } from './dom.js';
import { t, type MessageKey } from '../../i18n/index.js';

export function endedText(result: Pick<PageResult, 'ended' | 'simulatedMs' | 'events'>): string {
  const params = { seconds: (result.simulatedMs / 1000).toFixed(1), events: result.events.toLocaleString('en') };
  return t(`ex.ended.${result.ended}` as const, params);
}

/** The check engine's explanation may restate "expected …, got …" first; the numbers line already says that. */
function why(c: CheckResult): string {
  const prefix = `expected ${c.expected}, got ${c.actual}`;
  return c.explanation.startsWith(prefix) ? c.explanation.slice(prefix.length).replace(/^[:.]\s*/, '') : c.explanation;
}

const OP_WORDS: Record<string, MessageKey> = { '==': 'ex.check.op.eq', '!=': 'ex.check.op.ne', '<=': 'ex.check.op.le', '>=': 'ex.check.op.ge', '<': 'ex.check.op.lt', '>': 'ex.check.op.gt' };

/**
 * A failed check in words, both numbers side by side: "Expected at most 0; this run gave 0.199833".
 * The target is the right side's value (the check engine appends it when the right side is not a
 * literal); the expression itself follows, smaller, for whoever wants it.
 */
function numbers(c: CheckResult): string {
  const side = / \(right side = (.*)\)$/.exec(c.expected);
  const m = /^(.*?)\s*(==|!=|<=|>=|<|>)\s*(.*?)(?: \(right side = .*\))?$/.exec(c.expected);
  if (!m) return t('ex.check.numbers', { expected: c.expected, actual: c.actual });
  const target = side?.[1] ?? m[3] ?? '';
  return t('ex.check.numbers', { expected: t(OP_WORDS[m[2] ?? '=='] ?? 'ex.check.op.eq', { value: target }), actual: c.actual });
}

export function renderVerdict(root: HTMLElement, result: Pick<PageResult, 'ended' | 'simulatedMs' | 'events'>, checks: readonly CheckResult[], passed: boolean, warnings: readonly SpecIssue[], override?: string): void {
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
  if (result.ended === 'budget') root.append(h('p', { class: 'ex-note ex-warn' }, t('ex.result.budgetHelp')));
  if (checks.length > 0) {
    root.append(
      h(
        'ul',
        { class: 'ex-checks', 'aria-label': t('ex.result.checksLabel') },
        ...checks.map((c) =>
          h(
            'li',
            { class: c.pass ? 'ex-check ex-check--pass' : 'ex-check ex-check--fail' },
            h('span', { class: 'ex-check__mark', 'aria-hidden': 'true' }, c.pass ? '✓' : '✗'),
            h('span', { class: 'sr-only' }, c.pass ? t('ex.check.passed') : t('ex.check.failed')),
            h('strong', { class: 'ex-check__name' }, richText(c.name)),
            // A passing check says nothing more than its name; a failing one gives both numbers first.
            c.pass ? null : h('span', { class: 'ex-check__numbers' }, numbers(c)),
            c.pass ? null : h('code', { class: 'ex-check__expr' }, c.expected.replace(/ \(right side = .*\)$/, '')),
            c.pass ? null : h('span', { class: 'ex-check__why' }, richText(why(c))),
          ),
        ),
      ),
    );
  }
  if (warnings.length > 0) {
    root.append(
      h('p', { class: 'ex-note' }, t('ex.result.warnings')),
      h('ul', { class: 'ex-warnings' }, ...warnings.map((w) => h('li', {}, `${w.file}:${w.line}:${w.column}: ${w.message}${w.hint ? ` — ${w.hint}` : ''}`))),
    );
  }
}
