/**
 * The validated spec's id-keyed maps (nodes, topics, job versions, index mappings) get a null
 * prototype, so a lookup by a name the spec does not define finds nothing: on a plain object
 * `nodes['constructor']` is a function and `'toString' in topics` is true, and references to them
 * passed validation. Every reader of the spec (references, the run, the ledger, results) then
 * sees only what the author wrote.
 */
import type { PipelineSpec } from './schema/pipeline.js';

/** `record` as a map with no prototype. */
export function idMap<V>(record: Record<string, V>): Record<string, V> {
  return Object.assign(Object.create(null) as Record<string, V>, record);
}

/** Gives every id-keyed map in `spec` a null prototype, in place; `spec` is the validator's fresh output. */
export function withIdMaps(spec: PipelineSpec): PipelineSpec {
  spec.nodes = idMap(spec.nodes);
  for (const node of Object.values(spec.nodes)) {
    if (node.type === 'kafka') node.topics = idMap(node.topics);
    if ((node.type === 'flink' || node.type === 'batch') && node.versions) node.versions = idMap(node.versions);
    if (node.type === 'elasticsearch') {
      node.mappings = idMap(node.mappings);
      for (const index of Object.keys(node.mappings)) node.mappings[index] = idMap(node.mappings[index]!);
    }
  }
  return spec;
}
