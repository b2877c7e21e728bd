/** Shared helpers for the Flink scenario tests: parse a YAML spec and run it. */
import { parseSpec } from '../../simulator/spec/index.js';
import { runSync, type RunHandle } from '../../simulator/run/run.js';

export function runYaml(yaml: string, seed?: number): RunHandle {
  const r = parseSpec(yaml);
  if (!r.ok) throw new Error(JSON.stringify(r, null, 2));
  return runSync(r.spec, seed === undefined ? {} : { seed });
}
