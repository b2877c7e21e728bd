/**
 * Alert rules in the form operators write them — "`records-lag-max` > 10000 for 30s" — evaluated
 * over a run's metrics series the way Prometheus evaluates an alerting rule with `for`: the
 * condition must hold at every sample for the whole duration before the alert fires (until then
 * it is pending); it resolves at the first sample where the condition no longer holds. A sample
 * with no value (the process was down) breaks the condition: a dead exporter has no data, and
 * "no data" is not "above the threshold".
 *
 * Grammar (our own, small): `[<node>:] <metric> <op> <number> [for <duration>]`, op one of
 * > >= < <= == !=. Backticks around the metric name are allowed. Without a node the rule applies
 * to every node that reports the metric, each alerting on its own.
 */
import { parseDuration } from '../spec/units.js';
import { METRIC_BY_NAME } from './catalog.js';
import type { MetricsSeries } from './series.js';

export type AlertOp = '>' | '>=' | '<' | '<=' | '==' | '!=';

export interface AlertRule {
  /** The rule as written (trimmed). */
  text: string;
  node?: string;
  metric: string;
  op: AlertOp;
  threshold: number;
  forMs: number;
}

export interface AlertFiring {
  rule: string;
  node: string;
  metric: string;
  /** When the condition first held (the alert went pending). */
  pendingAtMs: number;
  /** When it had held for `for`: the alert fired. */
  firedAtMs: number;
  /** First sample where it no longer held; null if it still held at the end of the run. */
  resolvedAtMs: number | null;
  /** The value at the moment it fired. */
  value: number;
}

/** A refused rule: `code` (and `metric`/`near`) let a page say it in the learner's language; `message` is English. */
export type ParsedRule = { ok: true; rule: AlertRule } | { ok: false; column: number; code: 'syntax' | 'value' | 'metric' | 'duration'; metric?: string; near?: string; message: string };

const RULE = /^\s*(?:([\w./-]+)\s*:\s+)?`?([\w.\- ]*?[\w.-])`?\s*(>=|<=|==|!=|>|<)\s*(-?\d+(?:\.\d+)?)\s*(?:for\s+(\S+))?\s*$/;

/** Parses one rule; a bad one gets the column where it went wrong and a hint. */
export function parseAlertRule(text: string): ParsedRule {
  const m = RULE.exec(text);
  if (!m) {
    const op = /(>=|<=|==|!=|>|<)/.exec(text);
    if (!op) return { ok: false, column: 1, code: 'syntax', message: 'expected `<metric> <op> <number> [for <duration>]`, e.g. records-lag-max > 10000 for 30s (op: > >= < <= == !=)' };
    return { ok: false, column: op.index + op[0].length + 1, code: 'value', message: 'after the comparison: a number, then optionally `for` and a duration such as 30s' };
  }
  const metric = m[2]!.trim();
  if (!METRIC_BY_NAME.has(metric)) {
    const near = [...METRIC_BY_NAME.keys()].find((k) => k.toLowerCase().includes(metric.toLowerCase()) || metric.toLowerCase().includes(k.toLowerCase()));
    return { ok: false, column: text.indexOf(metric) + 1, code: 'metric', metric, ...(near ? { near } : {}), message: `unknown metric \`${metric}\`${near ? ` — did you mean \`${near}\`?` : ''}` };
  }
  let forMs = 0;
  if (m[5] !== undefined) {
    const d = parseDuration(m[5]);
    if (typeof d === 'string') return { ok: false, column: text.lastIndexOf(m[5]) + 1, code: 'duration', message: d };
    forMs = d;
  }
  return { ok: true, rule: { text: text.trim(), ...(m[1] ? { node: m[1] } : {}), metric, op: m[3] as AlertOp, threshold: Number(m[4]), forMs } };
}

function holds(op: AlertOp, value: number, threshold: number): boolean {
  switch (op) {
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
    case '==':
      return value === threshold;
    case '!=':
      return value !== threshold;
  }
}

/** Every firing of `rule` over the run, per node, in time order. */
export function evaluateAlert(rule: AlertRule, series: MetricsSeries): AlertFiring[] {
  const out: AlertFiring[] = [];
  const nodes = rule.node !== undefined ? [rule.node] : Object.keys(series.nodes);
  for (const node of nodes) {
    const values = series.nodes[node]?.[rule.metric];
    if (!values) continue;
    let pendingAt: number | null = null;
    let firing: AlertFiring | null = null;
    series.timesMs.forEach((t, i) => {
      const v = values[i];
      const ok = v !== null && v !== undefined && holds(rule.op, v, rule.threshold);
      if (!ok) {
        if (firing) firing.resolvedAtMs = t;
        firing = null;
        pendingAt = null;
        return;
      }
      pendingAt ??= t;
      if (!firing && t - pendingAt >= rule.forMs) {
        firing = { rule: rule.text, node, metric: rule.metric, pendingAtMs: pendingAt, firedAtMs: t, resolvedAtMs: null, value: v };
        out.push(firing);
      }
    });
  }
  return out.sort((a, b) => a.firedAtMs - b.firedAtMs || a.node.localeCompare(b.node));
}
