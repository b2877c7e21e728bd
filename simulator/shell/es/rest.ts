/**
 * The Elasticsearch REST endpoints a learner reads a run with, as (method, path, query parameters,
 * body, content type) → (HTTP status, JSON body). Read-only: the run is over, so a request that would
 * write is answered with an explanation instead of pretending to have written.
 */
import type { ElasticsearchStore, EsDocument } from '../../nodes/elasticsearch/store.js';
import { EsError, indexNotFound } from './errors.js';
import { IndexMapping } from './mapping.js';
import { count, parseRequest, search, sourceOf, type SearchIndex } from './search.js';
import { queryString } from './query-string.js';

export interface RestRequest {
  method: string;
  path: string[];
  params: URLSearchParams;
  body: string | undefined;
  contentType: string | undefined;
}

export interface RestResponse {
  status: number;
  /** JSON value, or plain text for the _cat APIs. */
  body: unknown;
  text?: string;
}

export interface Cluster {
  name: string;
  store: ElasticsearchStore;
  /** Explicit mappings from the spec: index → field → type. */
  mappings: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** The run's virtual end, epoch ms (`now` in date math). */
  nowMs: number;
  /** The write thread pool's rejections so far at the terminal's instant (from the run's metrics). */
  writeRejected?: number;
}

const SAMPLE = 1000;

function searchIndex(c: Cluster, name: string): SearchIndex {
  const docs: EsDocument[] = [];
  c.store.documents(name, (d) => docs.push(d));
  return { name, docs, mapping: new IndexMapping(c.mappings[name] ?? {}, docs.slice(0, SAMPLE).map((d) => d.record.fields)) };
}

/** `logs`, `logs,other`, `log*`, `_all`, `*` → index names; a missing concrete name is a 404. */
function resolve(c: Cluster, expr: string): string[] {
  const all = c.store.indices();
  const out: string[] = [];
  for (const part of expr.split(',')) {
    if (part === '_all' || part === '*') out.push(...all);
    else if (part.includes('*')) {
      const re = new RegExp(`^${part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
      out.push(...all.filter((i) => re.test(i)));
    } else if (all.includes(part)) out.push(part);
    else throw indexNotFound(part);
  }
  return [...new Set(out)];
}

const noHandler = (req: RestRequest): RestResponse => ({
  status: 405,
  body: { error: `Incorrect HTTP method for uri [/${req.path.join('/')}] and method [${req.method}], allowed: [GET, POST]`, status: 405 },
});

function aliases(c: Cluster, names: string[]): RestResponse {
  const body: Record<string, unknown> = {};
  for (const i of names) body[i] = { aliases: {} };
  return { status: 200, body };
}

export function handle(c: Cluster, req: RestRequest): RestResponse {
  if (req.body !== undefined && req.contentType !== undefined && !/^application\/(json|x-ndjson)\b/.test(req.contentType)) {
    return { status: 406, body: { error: `Content-Type header [${req.contentType}] is not supported`, status: 406 } };
  }
  try {
    return route(c, req);
  } catch (e) {
    if (e instanceof EsError) return { status: e.status, body: e.body };
    throw e;
  }
}

function route(c: Cluster, req: RestRequest): RestResponse {
  const [first, second, third] = req.path;
  const read = req.method === 'GET' || req.method === 'POST' || req.method === 'HEAD';
  if (!read) {
    return {
      status: 405,
      body: { error: `this terminal reads the finished run and cannot ${req.method} [/${req.path.join('/')}]: change the pipeline and press Run instead`, status: 405 },
    };
  }
  if (first === undefined) return { status: 200, body: { name: c.name, cluster_name: 'pipeline-lab', version: { number: '8.15.0' }, tagline: 'You Know, for Search' } };
  if (first === '_cat') return { status: 200, body: undefined, text: cat(c, second, req.params, third) };
  if (first === '_cluster' && second === 'health') return { status: 200, body: health(c) };
  if (first === '_aliases' || first === '_alias') {
    if (second !== undefined) return { status: 404, body: { error: `alias [${second}] missing`, status: 404 } };
    return aliases(c, c.store.indices());
  }
  if (first === '_mapping') return mappings(c, c.store.indices());
  if (first === '_search' || first === '_count') return query(c, c.store.indices(), first, req);
  const names = resolve(c, first);
  switch (second) {
    case undefined:
      return { status: 200, body: Object.fromEntries(names.map((n) => [n, { aliases: {}, mappings: mappings(c, [n]).body[n]?.mappings, settings: { index: { number_of_shards: '1', number_of_replicas: '0' } } }])) };
    case '_search':
    case '_count':
      return query(c, names, second, req);
    case '_mapping':
      return mappings(c, names);
    case '_alias':
    case '_aliases':
      if (third !== undefined) return { status: 404, body: { error: `alias [${third}] missing`, status: 404 } };
      return aliases(c, names);
    case '_doc': {
      if (third === undefined) return noHandler(req);
      const doc = c.store.getDocument(names[0]!, third);
      if (!doc) return { status: 404, body: { _index: names[0], _id: third, found: false } };
      return { status: 200, body: { _index: names[0], _id: doc.id, _version: doc.version, _seq_no: doc.version - 1, _primary_term: 1, found: true, _source: sourceOf(doc) } };
    }
    default:
      return { status: 400, body: { error: `no handler found for uri [/${req.path.join('/')}] and method [${req.method}]`, status: 400 } };
  }
}

function query(c: Cluster, names: string[], endpoint: '_search' | '_count', req: RestRequest): RestResponse {
  const q = req.params.get('q');
  const request = parseRequest(req.body, req.params, q === null ? undefined : queryString(q), endpoint === '_count');
  const indices = names.map((n) => searchIndex(c, n));
  return { status: 200, body: endpoint === '_count' ? count(indices, request, c.nowMs) : search(indices, request, c.nowMs) };
}

function mappings(c: Cluster, names: string[]): { status: number; body: Record<string, { mappings: unknown }> } {
  const body: Record<string, { mappings: unknown }> = {};
  for (const n of names) body[n] = { mappings: { properties: searchIndex(c, n).mapping.properties() } };
  return { status: 200, body };
}

/**
 * GET _cluster/health for the one-node cluster: every index has one primary and no replica (as
 * _cat/indices shows), so all shards are assigned and the status is green.
 */
function health(c: Cluster): Record<string, unknown> {
  const shards = c.store.indices().length;
  return {
    cluster_name: 'pipeline-lab',
    status: 'green',
    timed_out: false,
    number_of_nodes: 1,
    number_of_data_nodes: 1,
    active_primary_shards: shards,
    active_shards: shards,
    relocating_shards: 0,
    initializing_shards: 0,
    unassigned_shards: 0,
    unassigned_primary_shards: 0,
    delayed_unassigned_shards: 0,
    number_of_pending_tasks: 0,
    number_of_in_flight_fetch: 0,
    task_max_waiting_in_queue_millis: 0,
    active_shards_percent_as_number: 100.0,
  };
}

function cat(c: Cluster, what: string | undefined, params: URLSearchParams, pool?: string): string {
  const verbose = params.has('v');
  let rows: string[][];
  if (what === 'indices') {
    rows = c.store.indices().map((i) => ['green', 'open', i, '1', '0', String(c.store.documentCount(i))]);
    if (verbose) rows.unshift(['health', 'status', 'index', 'pri', 'rep', 'docs.count']);
  } else if (what === 'aliases') {
    rows = verbose ? [['alias', 'index', 'filter', 'routing.index', 'routing.search', 'is_write_index']] : [];
  } else if (what === 'count') {
    const n = c.store.indices().reduce((s, i) => s + c.store.documentCount(i), 0);
    rows = [[String(Math.floor(c.nowMs / 1000)), new Date(c.nowMs).toISOString().slice(11, 19), String(n)]];
    if (verbose) rows.unshift(['epoch', 'timestamp', 'count']);
  } else if (what === 'thread_pool') {
    // Only the write pool's rejections are modelled (a bulk item refused with 429); active threads
    // and the queue are not, and read 0.
    const pools = pool === undefined || pool === 'write' || pool === '*' ? ['write'] : [];
    rows = pools.map((name) => [c.name, name, '0', '0', String(c.writeRejected ?? 0)]);
    if (verbose) rows.unshift(['node_name', 'name', 'active', 'queue', 'rejected']);
  } else return `Incorrect HTTP method or unknown _cat API [${what ?? ''}]; try _cat/indices, _cat/aliases, _cat/count or _cat/thread_pool/write`;
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((r) => r[col]!.length))) ?? [];
  return rows.map((r) => r.map((cell, col) => cell.padEnd(widths[col]!)).join(' ').trimEnd()).join('\n');
}
