/**
 * `lostAt` / `duplicatedAt` read 0 for an id the ledger never noted, so a misspelt id
 * (`lostAt.logstahs`) would pass every run. Here those ids are checked against the places
 * a pipeline has: its node ids and, both ways, its links (acknowledgements travel back,
 * so `logstash->filebeat` is a place too).
 */
import type { PipelineSpec } from '../spec/schema/pipeline.js';
import { edgesOf } from '../spec/references.js';
import { closest } from '../spec/suggest.js';
import { formatPath, type PathRef } from '../exercise/check-ast.js';

const PER_PLACE = new Set(['lostAt', 'duplicatedAt']);

/** Node ids and link ids (`a->b`, both directions) of a pipeline. */
export function placesOf(spec: PipelineSpec): Set<string> {
  const places = new Set<string>(Object.keys(spec.nodes));
  for (const [a, b] of edgesOf(spec)) {
    places.add(`${a}->${b}`);
    places.add(`${b}->${a}`);
  }
  return places;
}

export interface PlaceProblem {
  /** Index of the offending segment in the path. */
  segment: number;
  message: string;
  hint: string;
}

/** The problem with a path's place id, if it has one and the id is no place of the pipeline. */
export function unknownPlace(path: PathRef, places: ReadonlySet<string>): PlaceProblem | undefined {
  const at = path.segments.findIndex((s, i) => PER_PLACE.has(s) && i > 0 && path.segments[i - 2] === 'outputs');
  const id = at < 0 ? undefined : path.segments[at + 1];
  if (id === undefined || places.has(id)) return undefined;
  const known = [...places].sort();
  // A link is suggested for a link, a node for a node: `a->b` is closer to a node's name than to another link.
  const guess = closest(id, known.filter((k) => k.includes('->') === id.includes('->')));
  return {
    segment: at + 1,
    message: `\`${id}\` is no node or link of this pipeline, so \`${path.segments[at]}\` would always read 0 there`,
    hint: guess ? `did you mean \`${formatPath([path.segments[at]!, guess])}\`?` : `places in this pipeline: ${known.map((k) => `\`${k}\``).join(', ')}`,
  };
}
