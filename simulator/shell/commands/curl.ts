/**
 * `curl` against Elasticsearch on localhost:9200: `_search` and `_count` with a Query DSL body
 * (`-d '{…}'`), `?q=` query strings, aggregations, `_cat/indices`, `_mapping`, `_aliases`, `_doc/<id>`.
 * Answers come from the run's Elasticsearch store in the REST API's JSON (simulator/shell/es/).
 * `_count` counts documents, not records sent: an overwritten `_id` is one document with
 * `_version` > 1 (SEMANTICS §5) — comparing the two is the point.
 */
import { ok, fail, NO_RUN, type Command } from '../types.js';
import { esStores } from '../view.js';
import { handle as rest } from '../es/rest.js';
import { EPOCH_MS } from '../../workload/clock.js';
import type { NodeSpecOf } from '../../spec/schema/pipeline.js';

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

interface CurlArgs {
  url?: string;
  method?: string;
  body?: string;
  headers: Map<string, string>;
  fail: boolean;
  include: boolean;
  error?: string;
}

/** The curl options a learner uses with Elasticsearch; others are refused by name rather than ignored. */
function parseArgs(args: readonly string[]): CurlArgs {
  const out: CurlArgs = { headers: new Map(), fail: false, include: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = () => args[++i];
    if (a === '-X' || a === '--request') out.method = next()?.toUpperCase();
    else if (/^-X[A-Za-z]+$/.test(a)) out.method = a.slice(2).toUpperCase();
    else if (a === '-d' || a === '--data' || a === '--data-raw' || a === '--data-binary' || a === '--json') {
      const v = next() ?? '';
      if (v.startsWith('@') && a !== '--data-raw') return { ...out, error: `curl: there are no files to send from this terminal (${v}); give the JSON inline: -d '{"query": …}'` };
      out.body = (out.body === undefined ? '' : `${out.body}&`) + v;
      // --json sets both headers, as curl 7.82+ does.
      if (a === '--json') out.headers.set('content-type', 'application/json');
    } else if (a === '-H' || a === '--header') {
      const h = next() ?? '';
      const i2 = h.indexOf(':');
      if (i2 > 0) out.headers.set(h.slice(0, i2).trim().toLowerCase(), h.slice(i2 + 1).trim());
    } else if (a === '-f' || a === '--fail') out.fail = true;
    else if (a === '-i' || a === '--include') out.include = true;
    else if (a === '-s' || a === '--silent' || a === '-S' || a === '-sS' || a === '-k' || a === '--insecure' || a === '-L') continue;
    else if (a.startsWith('-')) return { ...out, error: `curl: option ${a}: is not supported in this terminal (try -X, -d, -H, -s, -i, -f)` };
    else out.url ??= a;
  }
  return out;
}

const REASONS: Record<number, string> = { 200: 'OK', 400: 'Bad Request', 404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable' };

export const curl: Command = {
  name: 'curl',
  summary: "query Elasticsearch: curl localhost:9200/<index>/_search -H 'Content-Type: application/json' -d '{\"query\": …}'",
  usage: [
    "curl [-s] localhost:9200/<index>/_count  |  curl 'localhost:9200/<index>/_search?q=<field>:<value>[&size=n][&pretty]'",
    "curl -X POST 'localhost:9200/<index>/_search?pretty' -H 'Content-Type: application/json' -d '<Query DSL>'",
    '  queries: match, match_phrase, term, terms, range (gte/gt/lte/lt, format, date math: now-1h, now/d),',
    '           exists, ids, prefix, bool (must/should/must_not/filter, minimum_should_match), match_all;',
    '  body: size, from, sort, _source, track_total_hits, version, aggs: terms, date_histogram, histogram,',
    '        avg, sum, min, max, value_count, cardinality (with sub-aggregations);',
    "  also: _cat/indices?v, _cat/aliases, _mapping, _aliases, <index>/_doc/<id>. `now` is the run's end.",
  ].join('\n'),
  run(args, { handle }) {
    if (!handle) return fail(NO_RUN);
    const a = parseArgs(args);
    if (a.error) return fail(a.error, 2);
    if (a.url === undefined) return fail(`curl: try 'help curl' for usage`, 2);
    const url = parseUrl(a.url);
    if (!url) return fail(`curl: (7) Failed to connect to ${a.url.split('/')[0]}: Connection refused\n(Elasticsearch listens on localhost:9200)`, 7);
    const stores = esStores(handle);
    const es = stores.find((s) => s.id === url.host) ?? stores[0];
    if (!es) return fail(`curl: (7) Failed to connect to ${url.host} port 9200: Connection refused (this pipeline has no Elasticsearch node)`, 7);
    const spec = handle.spec.nodes[es.id] as NodeSpecOf<'elasticsearch'>;
    // curl sends a -d body as a form unless told otherwise; Elasticsearch refuses that with 406.
    const contentType = a.body === undefined ? undefined : (a.headers.get('content-type') ?? 'application/x-www-form-urlencoded');
    const res = rest(
      { name: es.id, store: es.store, mappings: spec.mappings, nowMs: EPOCH_MS + handle.result.simulatedMs },
      { method: a.method ?? (a.body === undefined ? 'GET' : 'POST'), path: url.path, params: url.params, body: a.body, contentType },
    );
    const pretty = url.params.has('pretty') && url.params.get('pretty') !== 'false';
    const text = res.text ?? (pretty ? JSON.stringify(res.body, null, 2) : JSON.stringify(res.body));
    const head = a.include ? `HTTP/1.1 ${res.status} ${REASONS[res.status] ?? ''}\n${res.text === undefined ? 'content-type: application/json' : 'content-type: text/plain; charset=UTF-8'}\n\n` : '';
    // Like curl, an HTTP error is still a successful transfer (exit 0) unless -f asks otherwise.
    if (a.fail && res.status >= 400) return fail(`curl: (22) The requested URL returned error: ${res.status}`, 22);
    return ok(head + text);
  },
  complete(args, { handle }) {
    if (!handle) return [];
    const prev = args[args.length - 1];
    if (prev === '-X') return ['GET', 'POST'];
    if (prev === '-H') return ['Content-Type: application/json'];
    if (args.some((x) => !x.startsWith('-') && x.includes(':9200'))) return ['-d', '-H', '-X'];
    const urls = ['localhost:9200/_cat/indices?v', 'localhost:9200/_aliases'];
    for (const { store } of esStores(handle)) {
      for (const i of store.indices()) urls.push(`localhost:9200/${i}/_count`, `localhost:9200/${i}/_search?q=`, `localhost:9200/${i}/_search?pretty`, `localhost:9200/${i}/_mapping`);
    }
    return urls;
  },
};
