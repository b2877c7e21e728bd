/**
 * `_search` and `_count`: reads the request body (query, size, from, sort, _source, aggs,
 * track_total_hits, version) and answers with Elasticsearch's response JSON, or throws EsError
 * with the body Elasticsearch would send for a bad request.
 */
import type { EsDocument } from '../../nodes/elasticsearch/store.js';
import { fieldValues, type IndexMapping } from './mapping.js';
import { compile, type Matcher } from './evaluate.js';
import { parseAggs, runAggs, type Agg } from './aggregations.js';
import { fielddataDisabled, parsingError, shardFailure, errorBody } from './errors.js';
import { isObject, parseJson, type Json } from './json.js';
import { parseQuery, Where, type Query } from './query.js';

export interface SearchIndex {
  name: string;
  mapping: IndexMapping;
  /** Documents in the order a scan sees them. */
  docs: readonly EsDocument[];
}

interface SortKey {
  field: string;
  order: 'asc' | 'desc';
}

interface Request {
  query: Query;
  size: number;
  from: number;
  sort: SortKey[];
  source: { includes: string[]; excludes: string[] } | false;
  aggs: Agg[];
  trackTotalHits: number;
  version: boolean;
}

const SHARDS = { total: 1, successful: 1, skipped: 0, failed: 0 };
const MAX_RESULT_WINDOW = 10_000;

function tokenName(v: Json): string {
  if (Array.isArray(v)) return 'START_ARRAY';
  if (isObject(v)) return 'START_OBJECT';
  if (typeof v === 'string') return 'VALUE_STRING';
  if (typeof v === 'number') return 'VALUE_NUMBER';
  if (typeof v === 'boolean') return 'VALUE_BOOLEAN';
  return 'VALUE_NULL';
}

function parseSort(v: Json, at: Where): SortKey[] {
  const list = Array.isArray(v) ? v : [v];
  return list.map((s) => {
    if (typeof s === 'string') return { field: s, order: s === '_score' ? 'desc' : 'asc' };
    if (!isObject(s)) throw parsingError(`[sort] unexpected token [${tokenName(s)}]`, at.of(s));
    const [field, how] = Object.entries(s)[0] ?? ['_score', 'desc'];
    const order = typeof how === 'string' ? how : isObject(how) && typeof how['order'] === 'string' ? how['order'] : field === '_score' ? 'desc' : 'asc';
    if (order !== 'asc' && order !== 'desc') throw errorBody(400, { type: 'illegal_argument_exception', reason: `Unknown SortOrder [${order}]` });
    return { field, order };
  });
}

function parseSource(v: Json): Request['source'] {
  if (v === false) return false;
  if (v === true || v === null) return { includes: [], excludes: [] };
  if (typeof v === 'string') return { includes: [v], excludes: [] };
  if (Array.isArray(v)) return { includes: v.map(String), excludes: [] };
  if (isObject(v)) {
    const list = (x: Json | undefined) => (x === undefined ? [] : Array.isArray(x) ? x.map(String) : [String(x)]);
    return { includes: list(v['includes'] ?? v['include']), excludes: list(v['excludes'] ?? v['exclude']) };
  }
  return { includes: [], excludes: [] };
}

/** The body and URL parameters as one request; `count` is the stricter `_count` body (query only). */
export function parseRequest(body: string | undefined, params: URLSearchParams, extra: Query | undefined, count: boolean): Request {
  const req: Request = { query: extra ?? { kind: 'match_all' }, size: 10, from: 0, sort: [], source: { includes: [], excludes: [] }, aggs: [], trackTotalHits: 10_000, version: params.get('version') === 'true' };
  if (body !== undefined && body.trim() !== '') {
    const parsed = parseJson(body);
    const at = new Where(parsed);
    const root = parsed.value;
    if (!isObject(root)) throw parsingError(`Unexpected token [${tokenName(root)}] at the start of the request body`, at.of(root));
    for (const [key, v] of Object.entries(root)) {
      const loc = at.key(root, key);
      if (count && key !== 'query') throw parsingError(`request does not support [${key}]`, loc);
      switch (key) {
        case 'query':
          if (extra) throw errorBody(400, { type: 'illegal_argument_exception', reason: 'request [_search] contains both a query string parameter [q] and a query in the request body' });
          req.query = parseQuery(v, at);
          break;
        case 'size':
        case 'from':
          if (typeof v !== 'number' && !(typeof v === 'string' && /^\d+$/.test(v))) throw parsingError(`[${key}] failed to parse field`, loc);
          req[key] = Number(v);
          if (req[key] < 0) throw errorBody(400, { type: 'illegal_argument_exception', reason: `[${key}] parameter cannot be negative, found [${req[key]}]` });
          break;
        case 'sort':
          req.sort = parseSort(v, at);
          break;
        case '_source':
          req.source = parseSource(v);
          break;
        case 'aggs':
        case 'aggregations':
          req.aggs = parseAggs(v, at);
          break;
        case 'track_total_hits':
          req.trackTotalHits = v === true ? Infinity : v === false ? -1 : Number(v);
          break;
        case 'version':
          req.version = v === true;
          break;
        default:
          throw parsingError(`Unknown key for a ${tokenName(v)} in [${key}].`, loc);
      }
    }
  }
  for (const key of ['size', 'from'] as const) {
    const p = params.get(key);
    if (p !== null) req[key] = Math.max(0, Number(p) || 0);
  }
  if (params.has('sort')) {
    req.sort = params
      .get('sort')!
      .split(',')
      .map((s) => {
        const [field, order] = s.split(':');
        return { field: field!, order: order === 'desc' ? 'desc' : 'asc' };
      });
  }
  if (params.has('_source')) req.source = parseSource(params.get('_source') === 'false' ? false : params.get('_source')!.split(','));
  return req;
}

function wildcard(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
}

/** `_source` filtering: a path is kept if it (or an object above it) matches an include and no exclude. */
export function filterSource(source: Record<string, unknown>, includes: readonly string[], excludes: readonly string[]): Record<string, unknown> {
  const inc = includes.map(wildcard);
  const exc = excludes.map(wildcard);
  const walk = (obj: Record<string, unknown>, prefix: string, included: boolean): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) {
      const path = prefix + k;
      if (exc.some((r) => r.test(path))) continue;
      const here = included || inc.length === 0 || inc.some((r) => r.test(path));
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
        const inner = walk(v as Record<string, unknown>, `${path}.`, here);
        if (Object.keys(inner).length || (here && Object.keys(v).length === 0)) out[k] = inner;
      } else if (here) out[k] = v;
    }
    return out;
  };
  return walk(source, '', false);
}

/** What `_source` shows: the event without @metadata, which never reaches a document in the real stack. */
export function sourceOf(doc: EsDocument): Record<string, unknown> {
  const { '@metadata': _meta, ...rest } = doc.record.fields as Record<string, unknown>;
  return rest;
}

interface Hit {
  index: SearchIndex;
  doc: EsDocument;
  score: number;
  sort: (string | number | boolean | null)[];
  seq: number;
}

function sortValues(hit: { index: SearchIndex; doc: EsDocument; score: number; seq: number }, keys: readonly SortKey[]): (string | number | boolean | null)[] {
  return keys.map((k) => {
    if (k.field === '_score') return hit.score;
    if (k.field === '_doc') return hit.seq;
    const f = hit.index.mapping.field(k.field)!;
    const vs = fieldValues(hit.doc.record.fields, f);
    if (vs.length === 0) return null;
    // A multi-valued field sorts by its smallest value ascending, its largest descending.
    return vs.reduce((a, b) => ((k.order === 'asc' ? b < a : b > a) ? b : a));
  });
}

function compare(a: Hit, b: Hit, keys: readonly SortKey[]): number {
  for (let i = 0; i < keys.length; i++) {
    const x = a.sort[i] ?? null;
    const y = b.sort[i] ?? null;
    if (x === y) continue;
    // Missing values sort last whichever the order (`missing: _last`).
    if (x === null) return 1;
    if (y === null) return -1;
    const c = x < y ? -1 : 1;
    return keys[i]!.order === 'asc' ? c : -c;
  }
  return a.seq - b.seq;
}

function matchAll(indices: readonly SearchIndex[], req: Request, nowMs: number): Hit[] {
  const hits: Hit[] = [];
  let seq = 0;
  for (const index of indices) {
    for (const k of req.sort) {
      if (k.field === '_score' || k.field === '_doc') continue;
      const f = index.mapping.field(k.field);
      if (!f) throw shardFailure(index.name, { type: 'query_shard_exception', reason: `No mapping found for [${k.field}] in order to sort on`, index: index.name });
      if (f.type === 'text') throw shardFailure(index.name, fielddataDisabled(k.field));
    }
    const m: Matcher = compile(req.query, { index: index.name, mapping: index.mapping, nowMs });
    for (const doc of index.docs) {
      const score = m(doc);
      if (score === null) continue;
      const partial = { index, doc, score, seq: seq++ };
      hits.push({ ...partial, sort: sortValues(partial, req.sort) });
    }
  }
  return hits;
}

export function search(indices: readonly SearchIndex[], req: Request, nowMs: number): Record<string, unknown> {
  if (req.from + req.size > MAX_RESULT_WINDOW) {
    throw shardFailure(indices[0]?.name ?? '_all', {
      type: 'illegal_argument_exception',
      reason: `Result window is too large, from + size must be less than or equal to: [${MAX_RESULT_WINDOW}] but was [${req.from + req.size}]. See the scroll api for a more efficient way to request large data sets. This limit can be set by changing the [index.max_result_window] index level setting.`,
    });
  }
  const hits = matchAll(indices, req, nowMs);
  const sortKeys: SortKey[] = req.sort.length ? req.sort : [{ field: '_score', order: 'desc' }];
  if (!req.sort.length) for (const h of hits) h.sort = [h.score];
  hits.sort((a, b) => compare(a, b, sortKeys));
  const scored = req.sort.length === 0 || req.sort.some((k) => k.field === '_score');
  const page = hits.slice(req.from, req.from + req.size).map((h) => {
    const hit: Record<string, unknown> = { _index: h.index.name, _id: h.doc.id };
    if (req.version) hit['_version'] = h.doc.version;
    hit['_score'] = scored ? h.score : null;
    if (req.source !== false) hit['_source'] = filterSource(sourceOf(h.doc), req.source.includes, req.source.excludes);
    if (req.sort.length) hit['sort'] = h.sort;
    return hit;
  });
  const out: Record<string, unknown> = { took: 1, timed_out: false, _shards: { ...SHARDS, total: indices.length, successful: indices.length } };
  const total = req.trackTotalHits < 0 ? undefined : hits.length > req.trackTotalHits ? { value: req.trackTotalHits, relation: 'gte' } : { value: hits.length, relation: 'eq' };
  const maxScore = scored && hits.length && req.size > 0 ? Math.max(...hits.map((h) => h.score)) : null;
  out['hits'] = total ? { total, max_score: maxScore, hits: page } : { max_score: maxScore, hits: page };
  if (req.aggs.length) {
    const first = indices[0];
    if (first) out['aggregations'] = runAggs({ index: first.name, mapping: first.mapping }, req.aggs, hits.map((h) => h.doc));
  }
  return out;
}

export function count(indices: readonly SearchIndex[], req: Request, nowMs: number): Record<string, unknown> {
  return { count: matchAll(indices, req, nowMs).length, _shards: { ...SHARDS, total: indices.length, successful: indices.length } };
}
