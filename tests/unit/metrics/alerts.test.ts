import { describe, it, expect } from 'vitest';
import { parseAlertRule, evaluateAlert } from '../../../simulator/metrics/alerts.js';
import type { MetricsSeries } from '../../../simulator/metrics/series.js';

const series = (values: (number | null)[]): MetricsSeries => ({
  everyMs: 1000,
  timesMs: values.map((_, i) => i * 1000),
  nodes: { indexer: { 'records-lag-max': values }, other: { 'records-lag-max': values.map(() => 0) } },
});

describe('alert rules', () => {
  it('parses the usual form, with or without a node, backticks and for', () => {
    const r = parseAlertRule('`records-lag-max` > 10000 for 30s');
    expect(r).toEqual({ ok: true, rule: { text: '`records-lag-max` > 10000 for 30s', metric: 'records-lag-max', op: '>', threshold: 10000, forMs: 30_000 } });
    const n = parseAlertRule('kafka/broker-1: UnderReplicatedPartitions >= 1');
    expect(n.ok && n.rule).toMatchObject({ node: 'kafka/broker-1', metric: 'UnderReplicatedPartitions', op: '>=', threshold: 1, forMs: 0 });
  });

  it('refuses an unknown metric with a suggestion, and a bad duration, with a column', () => {
    expect(parseAlertRule('lag-max > 5')).toMatchObject({ ok: false, column: 1, message: expect.stringContaining('records-lag-max') });
    expect(parseAlertRule('records-lag-max > 5 for soon')).toMatchObject({ ok: false, column: 25 });
    expect(parseAlertRule('records-lag-max')).toMatchObject({ ok: false });
  });

  it('fires only after the condition held for the whole `for`, per node, and resolves when it stops', () => {
    const rule = parseAlertRule('records-lag-max > 10 for 3s');
    if (!rule.ok) throw new Error(rule.message);
    //            0  1   2   3   4   5   6  7   8   9
    const s = series([0, 20, 20, 20, 20, 5, 20, 20, 20, 20]);
    // Pending at 1 s; held at 1, 2, 3, 4 s → fires at 4 s (4 − 1 ≥ 3); resolves at 5 s. Again pending at 6 s, fires at 9 s.
    expect(evaluateAlert(rule.rule, s)).toEqual([
      { rule: rule.rule.text, node: 'indexer', metric: 'records-lag-max', pendingAtMs: 1000, firedAtMs: 4000, resolvedAtMs: 5000, value: 20 },
      { rule: rule.rule.text, node: 'indexer', metric: 'records-lag-max', pendingAtMs: 6000, firedAtMs: 9000, resolvedAtMs: null, value: 20 },
    ]);
  });

  it('a gap (process down) breaks the condition', () => {
    const rule = parseAlertRule('records-lag-max > 10 for 2s');
    if (!rule.ok) throw new Error(rule.message);
    expect(evaluateAlert(rule.rule, series([20, 20, null, 20, 20]))).toEqual([]);
  });
});
