/**
 * `processing-time:` in world.yaml — what a Flink job's work costs per record, by host:
 *
 *   processing-time:
 *     counter: 4ms
 *
 * A SQL file says what a job computes, not how long its code takes per record (a real job's cost comes
 * from its functions, its state backend and its machines), so the simulated world states it. It becomes
 * the Flink node's `processing-time`: each subtask spends it on each record it works on, and the job
 * goes at the pace of its busiest subtask. Problems point into world.yaml.
 */
import type { SpecIssue } from '../../spec/issues.js';
import type { SourceMap } from '../../spec/parse.js';
import { parseDuration } from '../../spec/units.js';

export function applyWorldProcessingTime(data: Record<string, unknown>, map: SourceMap, nodes: Record<string, unknown>, issues: SpecIssue[]): void {
  const raw = data['processing-time'];
  if (raw === undefined) return;
  const err = (path: string[], message: string, hint: string): void => void issues.push({ severity: 'error', file: map.file, ...map.locate(path), path: path.join('.'), message, hint });
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return err(['processing-time'], '`processing-time` maps each Flink host to the time one record takes', 'processing-time: { counter: 4ms }');
  const flinkHosts = Object.entries(nodes).filter(([, n]) => (n as Record<string, unknown>).type === 'flink').map(([id]) => id);
  for (const [host, value] of Object.entries(raw as Record<string, unknown>)) {
    const node = nodes[host] as Record<string, unknown> | undefined;
    if (node?.type !== 'flink') {
      err(['processing-time', host], `${host} runs no Flink job`, flinkHosts.length ? `Flink hosts: ${flinkHosts.join(', ')}` : 'a host runs Flink when it has a job.sql');
      continue;
    }
    const ms = parseDuration(value);
    if (typeof ms === 'string') err(['processing-time', host], ms, 'e.g. 4ms');
    else node['processing-time'] = ms;
  }
}
