/**
 * `curl` against the HTTP APIs an operator reads: Logstash's monitoring API on :9600, Flink's REST
 * API on :8081 and Filebeat's stats on :5066 (simulator/shell/http/, as of the terminal's instant,
 * see `at`), and Elasticsearch on localhost:9200: `_search` and `_count` with a Query DSL body
 * (`-d '{…}'`), `?q=` query strings, aggregations, `_cat/indices`, `_mapping`, `_aliases`, `_doc/<id>`.
 * Answers come from the run's Elasticsearch store in the REST API's JSON (simulator/shell/es/).
 * `_count` counts documents, not records sent: an overwritten `_id` is one document with
 * `_version` > 1 (SEMANTICS §5) — comparing the two is the point.
 */
import { ok, fail, NO_RUN, type Command } from '../types.js';
import { esStores, nodesOfType } from '../view.js';
import { handle as rest } from '../es/rest.js';
import { EPOCH_MS } from '../../workload/clock.js';
import type { NodeSpecOf, NodeType } from '../../spec/schema/pipeline.js';
import { instantOf, metricAt } from '../instant.js';
import { logstashApi } from '../http/logstash-stats.js';
import { flinkRest, jobIdOf } from '../http/flink-rest.js';
import { filebeatStats } from '../http/filebeat-stats.js';
import type { HttpAnswer, HttpRequest } from '../http/common.js';

interface Url {
  host: string;
  port: number;
  path: string[];
  params: URLSearchParams;
}

function parseUrl(raw: string): Url | undefined {
  const m = /^(?:https?:\/\/)?([\w.-]+):(\d+)(\/[^?#]*)?(?:\?(.*))?$/.exec(raw);
  if (!m) return undefined;
  return { host: m[1]!, port: Number(m[2]), path: (m[3] ?? '/').split('/').filter(Boolean), params: new URLSearchParams(m[4] ?? '') };
}

/** Which node type listens on which port, and what answers there. */
const MONITORING: Record<number, { type: NodeType; api: (req: HttpRequest) => HttpAnswer }> = {
  9600: { type: 'logstash', api: logstashApi },
  8081: { type: 'flink', api: flinkRest },
  5066: { type: 'beats', api: filebeatStats },
};

const refused = (host: string, port: number, why: string) => fail(`curl: (7) Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server${why ? ` (${why})` : ''}`, 7);

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
  summary: "HTTP APIs: Elasticsearch :9200 (_search, _cat, _cluster/health), Logstash :9600/_node/stats, Flink :8081/jobs, Filebeat :5066/stats",
  usage: [
    "curl [-s] localhost:9200/<index>/_count  |  curl 'localhost:9200/<index>/_search?q=<field>:<value>[&size=n][&pretty]'",
    "curl -X POST 'localhost:9200/<index>/_search?pretty' -H 'Content-Type: application/json' -d '<Query DSL>'",
    '  queries: match, match_phrase, term, terms, range (gte/gt/lte/lt, format, date math: now-1h, now/d),',
    '           exists, ids, prefix, bool (must/should/must_not/filter, minimum_should_match), match_all;',
    '  body: size, from, sort, _source, track_total_hits, version, aggs: terms, date_histogram, histogram,',
    '        avg, sum, min, max, value_count, cardinality (with sub-aggregations);',
    "  also: _cat/indices?v, _cat/aliases, _mapping, _aliases, <index>/_doc/<id>. `now` is the run's end.",
    '  as of the instant set with `at` (default: the end): _cat/thread_pool/write?v, _cluster/health?pretty,',
    "curl 'localhost:9600/_node/stats/pipelines?pretty'       Logstash: events in/filtered/out, queue, DLQ",
    "curl localhost:8081/jobs   then   curl 'localhost:8081/jobs/<jobid>/checkpoints?pretty'   Flink checkpoints",
    "curl 'localhost:8081/jobs/<jobid>/metrics?get=numRestarts,lastCheckpointDuration'     Flink job metrics",
    "curl 'localhost:5066/stats?pretty'                       Filebeat: events acked/failed, open files, registry writes",
    '  (only what the simulator models is in these answers: no JVM, CPU, sizes in bytes or per-plugin timings)',
  ].join('\n'),
  run(args, { handle, session }) {
    if (!handle) return fail(NO_RUN);
    const a = parseArgs(args);
    if (a.error) return fail(a.error, 2);
    if (a.url === undefined) return fail(`curl: try 'help curl' for usage`, 2);
    const url = parseUrl(a.url);
    if (!url || (url.port !== 9200 && !MONITORING[url.port])) {
      return fail(`curl: (7) Failed to connect to ${a.url.split('/')[0]}: Connection refused\n(Elasticsearch listens on localhost:9200, Logstash's API on :9600, Flink's on :8081, Filebeat's on :5066)`, 7);
    }
    const atMs = instantOf(handle, session);
    const monitoring = MONITORING[url.port];
    if (monitoring) {
      const nodes = nodesOfType(handle, monitoring.type);
      const node = nodes.find((n) => n === url.host) ?? (url.host === 'localhost' || url.host === '127.0.0.1' ? nodes[0] : undefined);
      if (!node) return refused(url.host, url.port, `this pipeline has no ${monitoring.type} node${url.host === 'localhost' ? '' : ` named ${url.host}`}`);
      const res = monitoring.api({ handle, node, path: url.path, params: url.params, atMs });
      if (res.status === 0) return refused(url.host, url.port, `${node} is down at ${(atMs / 1000).toFixed(1)} s`);
      if (a.fail && res.status >= 400) return fail(`curl: (22) The requested URL returned error: ${res.status}`, 22);
      const pretty = url.params.has('pretty') && url.params.get('pretty') !== 'false';
      const head = a.include ? `HTTP/1.1 ${res.status} ${REASONS[res.status] ?? ''}\ncontent-type: application/json\n\n` : '';
      return ok(head + (pretty ? JSON.stringify(res.body, null, 2) : JSON.stringify(res.body)));
    }
    const stores = esStores(handle);
    const es = stores.find((s) => s.id === url.host) ?? stores[0];
    if (!es) return fail(`curl: (7) Failed to connect to ${url.host} port 9200: Connection refused (this pipeline has no Elasticsearch node)`, 7);
    const spec = handle.spec.nodes[es.id] as NodeSpecOf<'elasticsearch'>;
    // curl sends a -d body as a form unless told otherwise; Elasticsearch refuses that with 406.
    const contentType = a.body === undefined ? undefined : (a.headers.get('content-type') ?? 'application/x-www-form-urlencoded');
    const res = rest(
      { name: es.id, store: es.store, mappings: spec.mappings, nowMs: EPOCH_MS + handle.result.simulatedMs, writeRejected: metricAt(handle, es.id, 'thread_pool.write.rejected', atMs) ?? 0 },
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
    const urls = ['localhost:9200/_cat/indices?v', 'localhost:9200/_aliases', 'localhost:9200/_cat/thread_pool/write?v', 'localhost:9200/_cluster/health?pretty'];
    if (nodesOfType(handle, 'logstash').length > 0) urls.push('localhost:9600/_node/stats/pipelines?pretty');
    if (nodesOfType(handle, 'beats').length > 0) urls.push('localhost:5066/stats?pretty');
    for (const f of nodesOfType(handle, 'flink')) {
      urls.push('localhost:8081/jobs');
      for (const inst of (handle.result.state[f] as { instances?: { version: string }[] } | undefined)?.instances ?? []) {
        urls.push(`localhost:8081/jobs/${jobIdOf(f, inst.version)}/checkpoints?pretty`);
      }
    }
    for (const { store } of esStores(handle)) {
      for (const i of store.indices()) urls.push(`localhost:9200/${i}/_count`, `localhost:9200/${i}/_search?q=`, `localhost:9200/${i}/_search?pretty`, `localhost:9200/${i}/_mapping`);
    }
    return urls;
  },
};
