/**
 * `curl localhost:9200/<index>/_count`, `curl 'localhost:9200/<index>/_search?q=…'` and
 * `curl localhost:9200/_cat/indices?v`, answered from the Elasticsearch store with the REST API's
 * JSON shapes. `_count` counts documents, not records sent: an overwritten `_id` is one
 * document with `_version` > 1 (SEMANTICS §5) — comparing the two is the point.
 */
import { ok, fail, NO_RUN, type Command } from '../types.js';
import { esStores } from '../view.js';
import { readField, type FieldMap } from '../../core/record.js';
import type { ElasticsearchStore, EsDocument } from '../../nodes/elasticsearch/store.js';

const SHARDS = { total: 1, successful: 1, skipped: 0, failed: 0 };

interface Url {
  host: string;
  path: string[];
  params: URLSearchParams;
}

function parseUrl(raw: string): Url | undefined {
  const m = /^(?:https?:\/\/)?([\w.-]+):9200(\/[^?#]*)?(?:\?(.*))?$/.exec(raw);
  if (!m) return undefined;
  return { host: m[1]!, path: (m[2] ?? '/').split('/').filter(Boolean), params: new URLSearchParams(m[3] ?? '') };
}

function json(value: unknown, pretty: boolean): string {
  return pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value);
}

function indexError(index: string): unknown {
  return {
    error: { root_cause: [{ type: 'index_not_found_exception', reason: `no such index [${index}]`, index }], type: 'index_not_found_exception', reason: `no such index [${index}]`, index },
    status: 404,
  };
}

/** Lucene query-string subset: `field:value`, bare words (matched in `message`), joined by spaces or AND; `*` matches all. */
function matcher(q: string | null): (doc: EsDocument) => boolean {
  if (!q || q.trim() === '*' || q.trim() === '*:*') return () => true;
  const terms = q
    .split(/\s+(?:AND\s+)?/)
    .filter((t) => t && t !== 'AND')
    .map((t) => {
      const i = t.indexOf(':');
      return i > 0 ? { field: t.slice(0, i), value: t.slice(i + 1).replace(/^"|"$/g, '') } : { field: 'message', value: t.replace(/^"|"$/g, '') };
    });
  return (doc) =>
    terms.every(({ field, value }) => {
      const v = readField(doc.record.fields, field);
      if (v === undefined || v === null) return false;
      const text = typeof v === 'object' ? JSON.stringify(v) : String(v);
      return field === 'message' ? text.toLowerCase().includes(value.toLowerCase()) : text === value || (value.endsWith('*') && text.startsWith(value.slice(0, -1)));
    });
}

function source(fields: FieldMap): Record<string, unknown> {
  // @metadata never reaches the document in the real stack; hide it here too.
  const { '@metadata': _meta, ...rest } = fields as Record<string, unknown>;
  return rest;
}

function search(store: ElasticsearchStore, indices: string[], url: Url, pretty: boolean): string {
  const match = matcher(url.params.get('q'));
  const size = Math.max(0, Math.min(100, Number(url.params.get('size') ?? 10) || 0));
  const hits: unknown[] = [];
  let total = 0;
  for (const index of indices) {
    store.documents(index, (doc) => {
      if (!match(doc)) return;
      total++;
      if (hits.length < size) hits.push({ _index: index, _id: doc.id, _version: doc.version, _score: 1.0, _source: source(doc.record.fields) });
    });
  }
  return json({ took: 1, timed_out: false, _shards: SHARDS, hits: { total: { value: total, relation: 'eq' }, max_score: total ? 1.0 : null, hits } }, pretty);
}

function catIndices(store: ElasticsearchStore, verbose: boolean): string {
  const rows = store.indices().map((i) => ['green', 'open', i, '1', '0', String(store.documentCount(i))]);
  if (verbose) rows.unshift(['health', 'status', 'index', 'pri', 'rep', 'docs.count']);
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => r[c]!.length))) ?? [];
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join(' ').trimEnd()).join('\n');
}

export const curl: Command = {
  name: 'curl',
  summary: "query Elasticsearch: curl localhost:9200/<index>/_count | curl 'localhost:9200/<index>/_search?q=status:500'",
  usage: "curl [-s] localhost:9200/<index>/_count  |  curl 'localhost:9200/<index>/_search?q=<field>:<value>[&size=n][&pretty]'  |  curl localhost:9200/_cat/indices?v",
  run(args, { handle }) {
    if (!handle) return fail(NO_RUN);
    const words = args.filter((a, i) => !a.startsWith('-') && args[i - 1] !== '-X');
    const raw = words[0];
    if (raw === undefined) return fail(`curl: try 'help curl' for usage`, 2);
    const url = parseUrl(raw);
    if (!url) return fail(`curl: (7) Failed to connect to ${raw.split('/')[0]}: Connection refused\n(Elasticsearch listens on localhost:9200)`, 7);
    const stores = esStores(handle);
    const es = stores.find((s) => s.id === url.host) ?? stores[0];
    if (!es) return fail(`curl: (7) Failed to connect to ${url.host} port 9200: Connection refused (this pipeline has no Elasticsearch node)`, 7);
    const pretty = url.params.has('pretty');
    const [first, second] = url.path;
    if (first === '_cat' && second === 'indices') return ok(catIndices(es.store, url.params.has('v')));
    if (first === undefined) return ok(json({ name: es.id, cluster_name: 'pipeline-lab', version: { number: '8.15.0' }, tagline: 'You Know, for Search' }, true));
    const all = es.store.indices();
    const indices = first === '_all' || first === '*' ? all : first.split(',');
    const missing = indices.find((i) => !all.includes(i));
    if (missing !== undefined) return fail(json(indexError(missing), pretty));
    if (second === '_count') {
      const count = indices.reduce((n, i) => n + es.store.documentCount(i), 0);
      return ok(json({ count, _shards: SHARDS }, pretty));
    }
    if (second === '_search') return ok(search(es.store, indices, url, pretty));
    return fail(json({ error: `no handler found for uri [/${url.path.join('/')}] and method [GET]`, status: 400 }, pretty));
  },
  complete(args, { handle }) {
    if (!handle) return [];
    if (args.length > 0 && !args.every((a) => a.startsWith('-'))) return [];
    const urls = ['localhost:9200/_cat/indices?v'];
    for (const { store } of esStores(handle)) for (const i of store.indices()) urls.push(`localhost:9200/${i}/_count`, `localhost:9200/${i}/_search?q=`);
    return urls;
  },
};
