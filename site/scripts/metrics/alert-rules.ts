/**
 * The alert-rule editor of the metrics panel: an input, a list of rules, and for each rule when
 * it fired in the run (each firing a button that moves the diagram's scrubber there). Parsing and
 * evaluation are the simulator's (simulator/metrics/alerts.ts); this file only shows them.
 */
import { evaluateAlert, parseAlertRule, type AlertFiring, type AlertRule, type ParsedRule } from '../../../simulator/metrics/alerts.js';
import type { MetricsSeries } from '../../../simulator/metrics/series.js';
import { h, richText } from '../exercise/dom.js';
import { t } from '../../i18n/index.js';

export interface AlertRulesView {
  /** Evaluates every rule over a run's series and redraws; returns all firings. */
  evaluate(series: MetricsSeries | undefined): AlertFiring[];
  firings(): AlertFiring[];
}

let seq = 0;

function errorText(r: Extract<ParsedRule, { ok: false }>): string {
  if (r.code === 'metric') return t(r.near ? 'mx.alerts.error.metricNear' : 'mx.alerts.error.metric', { column: r.column, metric: r.metric ?? '', near: r.near ?? '' });
  return t(`mx.alerts.error.${r.code}` as const, { column: r.column });
}

const secs = (ms: number) => (ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1);

export function createAlertRules(host: HTMLElement, initial: readonly string[], onChange: () => void, onSeek: (timeMs: number) => void): AlertRulesView {
  const id = `mx-rule-${++seq}`;
  const input = h('input', { type: 'text', id, class: 'mx-rule-input', spellcheck: 'false', autocomplete: 'off', placeholder: 'records-lag-max > 10000 for 30s', 'aria-describedby': `${id}-help ${id}-error` });
  const add = h('button', { type: 'button', class: 'mx-rule-add' }, t('mx.alerts.add'));
  const error = h('p', { class: 'mx-rule-error', id: `${id}-error`, role: 'alert', hidden: true });
  const list = h('ul', { class: 'mx-rules' });
  const status = h('p', { class: 'visually-hidden', role: 'status' });
  host.append(
    h('h4', {}, t('mx.alerts.title')),
    h('p', { class: 'ex-note', id: `${id}-help` }, richText(t('mx.alerts.help'))),
    h('div', { class: 'mx-rule-form' }, h('label', { for: id }, t('mx.alerts.input')), input, add),
    error,
    list,
    status,
  );

  const rules: AlertRule[] = [];
  let series: MetricsSeries | undefined;
  let all: AlertFiring[] = [];

  const render = () => {
    all = [];
    list.replaceChildren();
    if (rules.length === 0) list.append(h('li', { class: 'ex-note' }, t('mx.alerts.none')));
    for (const rule of rules) {
      const firings = series ? evaluateAlert(rule, series) : [];
      all.push(...firings);
      const remove = h('button', { type: 'button', class: 'mx-rule-remove', 'aria-label': t('mx.alerts.remove.label', { rule: rule.text }) }, t('mx.remove'));
      remove.addEventListener('click', () => {
        rules.splice(rules.indexOf(rule), 1);
        render();
        onChange();
      });
      const items = firings.map((f) => {
        const go = h('button', { type: 'button', class: 'ex-link-button mx-alert-goto' }, t('mx.alerts.goto', { time: secs(f.firedAtMs) }));
        go.addEventListener('click', () => onSeek(f.firedAtMs));
        const end = f.resolvedAtMs === null ? t('mx.alerts.open') : t('mx.alerts.resolved', { time: secs(f.resolvedAtMs) });
        return h('li', { class: 'mx-alert', 'data-fired-ms': f.firedAtMs, 'data-node': f.node }, t('mx.alerts.fired', { node: f.node, fired: secs(f.firedAtMs), pending: secs(f.pendingAtMs), value: f.value, end }), ' ', go);
      });
      list.append(
        h(
          'li',
          { class: 'mx-rule', 'data-firings': firings.length },
          h('code', {}, rule.text),
          ' ',
          remove,
          series ? (items.length > 0 ? h('ul', { class: 'mx-alerts' }, ...items) : h('p', { class: 'ex-note' }, t('mx.alerts.quiet'))) : null,
        ),
      );
    }
    return all;
  };

  const addRule = (text: string): boolean => {
    const parsed = parseAlertRule(text);
    if (!parsed.ok) {
      error.textContent = errorText(parsed);
      error.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      return false;
    }
    error.hidden = true;
    input.removeAttribute('aria-invalid');
    rules.push(parsed.rule);
    return true;
  };
  for (const text of initial) addRule(text);
  error.hidden = true;

  const submit = () => {
    if (!input.value.trim() || !addRule(input.value)) return;
    const rule = rules[rules.length - 1]!;
    input.value = '';
    render();
    if (series) status.textContent = t('mx.alerts.announce', { n: all.filter((f) => f.rule === rule.text).length, rule: rule.text });
    onChange();
  };
  add.addEventListener('click', submit);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      submit();
    }
  });
  render();

  return {
    evaluate(next) {
      series = next;
      return render();
    },
    firings: () => all,
  };
}
