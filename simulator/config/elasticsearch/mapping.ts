/**
 * `elasticsearch/<index>.json`: the body of `PUT /<index>` (Elasticsearch 8.x create-index API),
 * `{ "mappings": { "properties": { "status": { "type": "keyword" } } } }`, → the internal spec's
 * `mappings[index]`. Field types the simulator does not model are warnings.
 */
import type { Problems } from '../shared/issues.js';

const SIMULATED = ['keyword', 'long', 'double', 'date', 'text'] as const;
/** Other Elasticsearch 8.x field types, valid in a mapping but not simulated. */
const KNOWN = ['integer', 'short', 'byte', 'float', 'half_float', 'scaled_float', 'unsigned_long', 'boolean', 'ip', 'object', 'nested', 'flattened', 'geo_point', 'wildcard', 'match_only_text', 'constant_keyword', 'date_nanos', 'binary', 'alias'];

export function readIndexBody(text: string, problems: Problems): Record<string, string> | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    const m = /position (\d+)/.exec(String(error));
    const offset = m ? Number(m[1]) : 0;
    const before = text.slice(0, offset).split('\n');
    const line = before.length;
    const column = before[before.length - 1]!.length + 1;
    problems.error({ line, column, endLine: line, endColumn: column }, `not JSON: ${(error as Error).message}`);
    return undefined;
  }
  const props = (body as { mappings?: { properties?: unknown } } | null)?.mappings?.properties;
  if (props === undefined) return {};
  if (props === null || typeof props !== 'object') {
    problems.error(undefined, '`mappings.properties` must be an object of field → { "type": … }');
    return undefined;
  }
  const out: Record<string, string> = {};
  for (const [field, def] of Object.entries(props as Record<string, unknown>)) {
    const type = (def as { type?: unknown } | null)?.type;
    const at = locateKey(text, field);
    if ((SIMULATED as readonly string[]).includes(String(type))) out[field] = String(type);
    else if (KNOWN.includes(String(type))) problems.warn(at, `field type "${String(type)}" (${field}) is valid but not simulated: the simulation accepts any value there`, `simulated types: ${SIMULATED.join(', ')}`);
    else problems.error(at, `No handler for type [${String(type)}] declared on field [${field}]`, `types: ${SIMULATED.join(', ')}, …`);
  }
  return out;
}

/** Where `"key"` first appears in the JSON text. */
function locateKey(text: string, key: string) {
  const offset = Math.max(0, text.indexOf(JSON.stringify(key)));
  const before = text.slice(0, offset).split('\n');
  const line = before.length;
  const column = before[before.length - 1]!.length + 1;
  return { line, column, endLine: line, endColumn: column + key.length + 2 };
}
