/**
 * The numbers an experiment plots for one run: per output the ledger counts, the query error,
 * per architecture error, freshness and cost, and the run's cost measures (`cost.*`, the same
 * names as the check paths). Flat and named, so CSV columns and chart series come straight from it.
 */
import type { RunResult } from '../run/result.js';

export type RunMetrics = Record<string, number>;

export function metricsOf(result: RunResult): RunMetrics {
  const m: RunMetrics = { events: result.events, simulatedMs: result.simulatedMs };
  for (const [id, o] of Object.entries(result.outputs)) {
    for (const key of ['generated', 'exactlyOnce', 'duplicated', 'extraCopies', 'lost', 'filtered', 'late', 'lateSideOutput', 'deadLettered', 'inFlight', 'reordered'] as const) {
      m[`${id}.${key}`] = o[key];
    }
  }
  // Link counters at the end of the run: what the network did (messages, not records).
  const last = result.samples[result.samples.length - 1];
  if (last) {
    for (const [id, counters] of Object.entries(last.stages)) {
      if (!id.includes('->')) continue;
      for (const key of ['sent', 'dropped', 'duplicated', 'cut']) if (key in counters) m[`link.${id}.${key}`] = counters[key]!;
    }
  }
  if (result.query) {
    for (const [id, e] of Object.entries(result.query.error)) {
      m[`query.${id}.error.max`] = e.max;
      m[`query.${id}.error.total`] = e.total;
    }
  }
  for (const [id, a] of Object.entries(result.architectures ?? {})) {
    m[`${id}.error.final`] = a.summary.error.final;
    m[`${id}.error.max`] = a.summary.error.max;
    m[`${id}.freshness.p95`] = a.summary.freshness.p95;
    m[`${id}.cost.processed`] = a.summary.cost.processed;
    m[`${id}.cost.reprocessed`] = a.summary.cost.reprocessed;
    m[`${id}.storage.max`] = a.summary.storage.max;
  }
  const cost = result.cost;
  if (cost) {
    for (const [id, l] of Object.entries(cost.latency)) {
      m[`cost.latency.${id}.p50`] = l.p50;
      m[`cost.latency.${id}.p99`] = l.p99;
    }
    for (const [group, values] of [['extraWrites', cost.extraWrites], ['state', cost.state], ['freshness', cost.freshness], ['recompute', cost.recompute]] as const) {
      for (const [key, value] of Object.entries(values)) m[`cost.${group}.${key}`] = value;
    }
    const { links, ...bytes } = cost.bytes;
    for (const [key, value] of Object.entries(bytes)) m[`cost.bytes.${key}`] = value;
    // Named as the check path reads it: `cost.bytes.links["filebeat->logstash"]`.
    for (const [id, value] of Object.entries(links ?? {})) m[`cost.bytes.links["${id}"]`] = value;
  }
  return m;
}
