/**
 * A Chromium worker that parses one spec (it must pass the limits) and runs it to the end: limits-bench.ts bundles it.
 * With `records` it scales the parsed spec to that many records itself, past the limits, to find where the tab gives out.
 */
import { parseSpec, formatIssue } from '../../simulator/spec/index.js';
import { runSync } from '../../simulator/run/run.js';
import { withRecords } from './bench-specs.js';

const scope = self as unknown as { onmessage: (e: MessageEvent<{ text: string; label: string; records?: number }>) => void; postMessage(message: unknown): void };
scope.onmessage = (e) => {
  const parsed = parseSpec(e.data.text, e.data.label);
  if (!parsed.ok) {
    scope.postMessage({ refused: parsed.errors.map(formatIssue).join('\n') });
    return;
  }
  const spec = e.data.records === undefined ? parsed.spec : withRecords(parsed.spec, e.data.records);
  const started = performance.now();
  const handle = runSync(spec);
  const ms = Math.round(performance.now() - started);
  // A run bound by its throughput ends at its deadline with records still upstream: say how many got through.
  const delivered = Math.max(0, ...Object.values(handle.result.outputs).map((o) => o.exactlyOnce + o.duplicated));
  scope.postMessage({ records: handle.workload.total, delivered, events: handle.result.events, ended: handle.result.ended, ms });
};
