/**
 * Which places can destroy a copy on its way to an output: the output's node, every node upstream
 * of its writers, and the links between them. The ledger keeps every place that noted a record
 * lost and, for each output, names the latest one of these. Two jobs reading the same topic then
 * each answer for their own index: without this, the Kappa job's restart would be named as the
 * cause of what the Lambda speed layer lost.
 *
 * `output` is a node id (`lake`) or `node/target` (`es/realtime`: the writers are the nodes whose
 * output or sink names that index, topic or prefix; all writers of the node if none does).
 */
import type { PipelineSpec } from '../spec/schema/pipeline.js';
import { edgesOf, referencesOf } from '../spec/references.js';

const TARGET_KEYS = ['index', 'topic', 'topic_id', 'prefix'] as const;

export function placesFeeding(spec: PipelineSpec, output: string): Set<string> {
  const slash = output.indexOf('/');
  const node = slash < 0 ? output : output.slice(0, slash);
  const target = slash < 0 ? undefined : output.slice(slash + 1);
  const refs = referencesOf(spec).filter((r) => r.target === node && r.path[2] !== 'source');
  const named = target === undefined ? [] : refs.filter((r) => TARGET_KEYS.some((k) => parentOf(spec, r.path)?.[k] === target));
  const writers = (named.length > 0 ? named : refs).map((r) => String(r.path[1]));

  const edges = edgesOf(spec);
  const places = new Set<string>([node]);
  for (const w of writers) addLink(places, w, node);
  const seen = new Set<string>();
  const todo = [...writers];
  while (todo.length > 0) {
    const n = todo.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    places.add(n);
    for (const [from, to] of edges) {
      if (to !== n) continue;
      addLink(places, from, to);
      todo.push(from);
    }
  }
  return places;
}

/** Both directions: data goes one way, acknowledgements (whose loss also costs copies) the other. */
function addLink(places: Set<string>, a: string, b: string): void {
  places.add(`${a}->${b}`);
  places.add(`${b}->${a}`);
}

function parentOf(spec: PipelineSpec, path: readonly (string | number)[]): Record<string, unknown> | undefined {
  let at: unknown = spec;
  for (const key of path.slice(0, -1)) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[String(key)];
  }
  return at !== null && typeof at === 'object' ? (at as Record<string, unknown>) : undefined;
}
