/**
 * A parsed spec written back as pipeline.yaml text: what the Lab's import shows and runs, and what a
 * failing grading run of a workspace exercise opens in the Lab.
 *
 * Parsing normalises every duration to milliseconds, and a duration field reads a plain number as
 * milliseconds again, so most of the spec writes itself back unchanged. One field does not: Logstash's
 * s3 `time_file` reads a plain number as MINUTES, as the plugin does, so its milliseconds are written
 * with their unit (`6000ms`), which the field also accepts.
 */
import { stringify } from 'yaml';
import type { PipelineSpec } from './schema/pipeline.js';

export function specYaml(spec: PipelineSpec | Record<string, unknown>, options: { lineWidth?: number } = {}): string {
  return stringify(withUnits(spec), { lineWidth: options.lineWidth ?? 0 });
}

function withUnits(spec: PipelineSpec | Record<string, unknown>): Record<string, unknown> {
  const nodes = (spec as { nodes?: Record<string, unknown> }).nodes;
  if (!nodes) return spec as Record<string, unknown>;
  const written: Record<string, unknown> = {};
  for (const [id, node] of Object.entries(nodes)) {
    const n = node as { type?: string; output?: { s3?: { time_file?: unknown } } };
    const s3 = n.type === 'logstash' ? n.output?.s3 : undefined;
    written[id] = s3 && typeof s3.time_file === 'number' ? { ...n, output: { ...n.output, s3: { ...s3, time_file: `${s3.time_file}ms` } } } : node;
  }
  return { ...spec, nodes: written };
}
