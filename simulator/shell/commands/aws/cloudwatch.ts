/**
 * `aws cloudwatch get-metric-statistics --namespace AWS/Kinesis --metric-name <m> --dimensions
 * Name=StreamName,Value=<stream> --statistics Sum --period <s> [--start-time t] [--end-time t]`:
 * a stream's CloudWatch metrics from the run's per-second samples
 * (https://docs.aws.amazon.com/streams/latest/dev/monitoring-with-cloudwatch.html):
 * `IncomingRecords` (records stored) and `WriteProvisionedThroughputExceeded` (records refused
 * because their shard's second was full). Without --end-time the series ends at the instant set
 * with `at` (the real CLI requires both times; here they default to the run's start and that instant).
 */
import type { RunHandle } from '../../../run/run.js';
import { EPOCH_MS } from '../../../workload/clock.js';
import { ok, type ShellOutput, type ShellSession } from '../../types.js';
import { parseOptions } from '../../tokenize.js';
import { instantOf, metricAt } from '../../instant.js';
import { isoTimestamp, json, serviceError, streams, usageError } from './cli.js';

/** The stream-level metrics the run samples (simulator/metrics/catalog.ts, system `kinesis`). */
const METRICS = new Set(['IncomingRecords', 'WriteProvisionedThroughputExceeded']);

function timeArg(text: string | undefined, fallback: number): number | undefined {
  if (text === undefined) return fallback;
  const parsed = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
  return Number.isNaN(parsed) ? undefined : parsed - EPOCH_MS;
}

export function cloudwatchCommand(handle: RunHandle, session: ShellSession | undefined, args: readonly string[]): ShellOutput {
  const usage = 'aws cloudwatch get-metric-statistics --namespace AWS/Kinesis --metric-name <IncomingRecords|WriteProvisionedThroughputExceeded> --dimensions Name=StreamName,Value=<stream> --statistics Sum --period <seconds> [--start-time <iso>] [--end-time <iso>]';
  const o = parseOptions(args, []);
  if (o.errors.length) return usageError(usage, o.errors.join('\n'));
  const missing = ['namespace', 'metric-name', 'period'].filter((k) => !o.values.has(k));
  if (missing.length) return usageError(usage, `the following arguments are required: ${missing.map((m) => `--${m}`).join(', ')}`);
  const metric = o.values.get('metric-name')!;
  const period = Number(o.values.get('period'));
  if (!Number.isInteger(period) || period < 1) return serviceError('InvalidParameterValue', 'GetMetricStatistics', 'The parameter Period must be a positive integer number of seconds.');
  const statistic = o.values.get('statistics') ?? 'Sum';
  if (statistic !== 'Sum') return serviceError('InvalidParameterValue', 'GetMetricStatistics', `the simulated CloudWatch answers --statistics Sum (not ${statistic})`);
  const streamName = /Name=StreamName,Value=([^\s,]+)/.exec(o.values.get('dimensions') ?? '')?.[1];
  const stream = streams(handle).find((s) => s.name === streamName);
  // CloudWatch answers an unknown metric or dimension with no datapoints, not an error.
  if (o.values.get('namespace') !== 'AWS/Kinesis' || !stream || !METRICS.has(metric) || !handle.result.metrics) return ok(json({ Label: metric, Datapoints: [] }));
  const end = timeArg(o.values.get('end-time'), instantOf(handle, session));
  const start = timeArg(o.values.get('start-time'), 0);
  if (end === undefined || start === undefined) return usageError(usage, 'Unable to parse a time: use ISO 8601, e.g. 2026-01-01T00:00:00Z');
  const total = (t: number) => metricAt(handle, stream.id, metric, t) ?? 0;
  const points: { Timestamp: string; Sum: number; Unit: string }[] = [];
  const step = period * 1000;
  for (let t = Math.max(0, Math.floor(start / step) * step); t < Math.min(end, handle.result.simulatedMs); t += step) {
    const to = Math.min(t + step, end);
    points.push({ Timestamp: isoTimestamp(t), Sum: total(to) - (t === 0 ? 0 : total(t)), Unit: 'Count' });
  }
  return ok(json({ Label: metric, Datapoints: points }));
}
