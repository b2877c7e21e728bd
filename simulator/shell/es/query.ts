/**
 * Query DSL → a small query tree, with the errors Elasticsearch gives for what it cannot parse.
 * Leaf queries: match, match_phrase, term, terms, range, exists, ids, prefix, match_all,
 * match_none; compound: bool (must / should / must_not / filter, minimum_should_match).
 */
import { parsingError, errorBody, notModelled, type Location } from './errors.js';
import { isObject, type Json, type Parsed } from './json.js';

export type Scalar = string | number | boolean;

export type Query =
  | { kind: 'match_all' }
  | { kind: 'match_none' }
  | { kind: 'match'; field: string; query: Scalar; operator: 'or' | 'and'; minimumShouldMatch?: Json }
  | { kind: 'match_phrase'; field: string; query: Scalar }
  | { kind: 'term'; field: string; value: Scalar; caseInsensitive: boolean }
  | { kind: 'terms'; field: string; values: Scalar[] }
  | { kind: 'prefix'; field: string; value: string }
  | { kind: 'range'; field: string; gte?: Scalar; gt?: Scalar; lte?: Scalar; lt?: Scalar; format?: string }
  | { kind: 'exists'; field: string }
  | { kind: 'ids'; values: string[] }
  | { kind: 'bool'; must: Query[]; filter: Query[]; should: Query[]; mustNot: Query[]; minimumShouldMatch?: Json };

/** Reads locations back out of the parsed body for error messages. */
export class Where {
  constructor(private readonly parsed: Parsed) {}
  of(value: Json | undefined): Location | undefined {
    return value !== null && typeof value === 'object' ? this.parsed.where.get(value) : undefined;
  }
  key(obj: Json | undefined, key: string): Location | undefined {
    return isObject(obj) ? this.parsed.keyValue.get(obj)?.get(key) : undefined;
  }
}

const isScalar = (v: Json | undefined): v is Scalar => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** `{ "<field>": value-or-options }` with exactly one field, as leaf queries take it. */
function singleField(name: string, body: Json, at: Where): [string, Json] {
  if (!isObject(body)) throw parsingError(`[${name}] query malformed, no start_object after query name`, at.of(body));
  const keys = Object.keys(body).filter((k) => k !== 'boost' && k !== '_name');
  if (keys.length === 0) throw parsingError(`[${name}] query malformed, no field specified`, at.of(body));
  if (keys.length > 1) throw parsingError(`[${name}] query doesn't support multiple fields, found [${keys[0]}] and [${keys[1]}]`, at.key(body, keys[1]!));
  return [keys[0]!, body[keys[0]!]!];
}

/** Options Elasticsearch has that change results in ways not modelled here (scoring-only ones are harmless). */
const NOT_MODELLED = ['analyzer', 'fuzziness', 'slop', 'time_zone', 'relation', 'zero_terms_query'];

/** The options object of a leaf query, refusing options Elasticsearch does not know. */
function options(name: string, value: Json, allowed: readonly string[], at: Where): Record<string, Json> {
  if (!isObject(value)) return {};
  for (const k of Object.keys(value)) {
    if (!allowed.includes(k)) throw parsingError(`[${name}] query does not support [${k}]`, at.key(value, k));
    if (NOT_MODELLED.includes(k)) throw notModelled(name, k);
  }
  return value;
}

function scalarOf(name: string, v: Json | undefined, at: Where, loc: Location | undefined): Scalar {
  if (isScalar(v)) return v;
  throw parsingError(`[${name}] unknown token [${Array.isArray(v) ? 'START_ARRAY' : v === null ? 'VALUE_NULL' : 'START_OBJECT'}] after [value]`, at.of(v) ?? loc);
}

const COMMON = ['boost', '_name'];

function leaf(name: string, body: Json, at: Where): Query {
  switch (name) {
    case 'match_all':
    case 'match_none':
      options(name, body, COMMON, at);
      return { kind: name };
    case 'match': {
      const [field, v] = singleField(name, body, at);
      const o = options(name, v, [...COMMON, 'query', 'operator', 'minimum_should_match', 'analyzer', 'fuzziness', 'lenient', 'zero_terms_query'], at);
      const query = isObject(v) ? o['query'] : v;
      if (query === undefined) throw parsingError(`No text specified for text query`, at.of(v));
      const operator = String(o['operator'] ?? 'or').toLowerCase();
      if (operator !== 'or' && operator !== 'and') throw errorBody(400, { type: 'illegal_argument_exception', reason: `No enum constant org.elasticsearch.index.query.Operator.${operator.toUpperCase()}` });
      const q: Query = { kind: 'match', field, query: scalarOf(name, query, at, at.key(body, field)), operator };
      if (o['minimum_should_match'] !== undefined) q.minimumShouldMatch = o['minimum_should_match'];
      return q;
    }
    case 'match_phrase': {
      const [field, v] = singleField(name, body, at);
      const o = options(name, v, [...COMMON, 'query', 'slop', 'analyzer'], at);
      const query = isObject(v) ? o['query'] : v;
      if (query === undefined) throw parsingError(`No text specified for text query`, at.of(v));
      return { kind: 'match_phrase', field, query: scalarOf(name, query, at, at.key(body, field)) };
    }
    case 'term':
    case 'prefix': {
      const [field, v] = singleField(name, body, at);
      const o = options(name, v, [...COMMON, 'value', 'case_insensitive'], at);
      const value = scalarOf(name, isObject(v) ? o['value'] : v, at, at.key(body, field));
      return name === 'term' ? { kind: 'term', field, value, caseInsensitive: o['case_insensitive'] === true } : { kind: 'prefix', field, value: String(value) };
    }
    case 'terms': {
      const [field, v] = singleField(name, body, at);
      if (!Array.isArray(v)) throw parsingError(`[terms] query does not support [${field}]`, at.key(body, field));
      return { kind: 'terms', field, values: v.map((x) => scalarOf(name, x, at, at.of(v))) };
    }
    case 'range': {
      const [field, v] = singleField(name, body, at);
      if (!isObject(v)) throw parsingError(`[range] query does not support [${field}]`, at.key(body, field));
      const o = options(name, v, [...COMMON, 'gte', 'gt', 'lte', 'lt', 'format', 'time_zone', 'relation'], at);
      const q: Query = { kind: 'range', field };
      for (const k of ['gte', 'gt', 'lte', 'lt'] as const) if (o[k] !== undefined && o[k] !== null) q[k] = scalarOf(name, o[k], at, at.key(v, k));
      if (typeof o['format'] === 'string') q.format = o['format'];
      return q;
    }
    case 'exists': {
      const o = options(name, body, [...COMMON, 'field'], at);
      if (typeof o['field'] !== 'string') throw parsingError('[exists] must be provided with a [field]', at.of(body));
      return { kind: 'exists', field: o['field'] };
    }
    case 'ids': {
      const o = options(name, body, [...COMMON, 'values'], at);
      const values = Array.isArray(o['values']) ? o['values'].map(String) : [];
      return { kind: 'ids', values };
    }
    case 'bool': {
      const o = options(name, body, [...COMMON, 'must', 'should', 'must_not', 'filter', 'minimum_should_match'], at);
      const clauses = (k: string): Query[] => {
        const v = o[k];
        if (v === undefined) return [];
        const list = Array.isArray(v) ? v : [v];
        return list.map((c) => parseQuery(c, at));
      };
      const q: Query = { kind: 'bool', must: clauses('must'), filter: clauses('filter'), should: clauses('should'), mustNot: clauses('must_not') };
      if (o['minimum_should_match'] !== undefined) q.minimumShouldMatch = o['minimum_should_match'];
      return q;
    }
    default:
      throw parsingError(`unknown query [${name}]`, at.of(body), { type: 'named_object_not_found_exception', reason: `${bracket(at.of(body))}unknown field [${name}]` });
  }
}

const bracket = (loc: Location | undefined) => (loc ? `[${loc.line}:${loc.col}] ` : '');

/** One query object: `{ "<kind>": body }`. */
export function parseQuery(value: Json, at: Where): Query {
  if (!isObject(value)) throw parsingError('[_na] query malformed, must start with start_object', at.of(value));
  const keys = Object.keys(value);
  if (keys.length === 0) throw parsingError('query malformed, empty clause found', at.of(value));
  if (keys.length > 1) throw parsingError(`[${keys[0]}] malformed query, expected [END_OBJECT] but found [FIELD_NAME]`, at.key(value, keys[1]!));
  return leaf(keys[0]!, value[keys[0]!]!, at);
}
