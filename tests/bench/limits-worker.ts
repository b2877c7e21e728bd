/** A Chromium worker that parses one spec (it must pass the limits) and runs it to the end: limits-bench.ts bundles it. */
import { parseSpec, formatIssue } from '../../simulator/spec/index.js';
import { runSync } from '../../simulator/run/run.js';

const scope = self as unknown as { onmessage: (e: MessageEvent<{ text: string; label: string }>) => void; postMessage(message: unknown): void };
scope.onmessage = (e) => {
  const parsed = parseSpec(e.data.text, e.data.label);
  if (!parsed.ok) {
    scope.postMessage({ refused: parsed.errors.map(formatIssue).join('\n') });
    return;
  }
  const started = performance.now();
  const handle = runSync(parsed.spec);
  scope.postMessage({ records: handle.workload.total, events: handle.result.events, ended: handle.result.ended, ms: Math.round(performance.now() - started) });
};
